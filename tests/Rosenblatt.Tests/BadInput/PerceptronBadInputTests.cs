using Rosenblatt.Linear;

namespace Rosenblatt.Tests.BadInput;

public class PerceptronBadInputTests : ClassifierBadInputBattery
{
    /// <summary>The perceptron's double path keeps any finite double.</summary>
    protected override bool ComputesInFloat32 => false;

    protected override IClassifier<int> CreateModel() => new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });

    protected override IClassifier<int> CreateWithLearningRate(double learningRate) => new Perceptron(new PerceptronOptions { LearningRate = learningRate });

    protected override IClassifier<int> CreateWithEpochs(int epochs) => new Perceptron(new PerceptronOptions { MaxEpochs = epochs });
}

public class PocketPerceptronBadInputTests : ClassifierBadInputBattery
{
    /// <summary>The perceptron's double path keeps any finite double.</summary>
    protected override bool ComputesInFloat32 => false;

    protected override IClassifier<int> CreateModel() => new Perceptron(new PerceptronOptions { Variant = PerceptronVariant.Pocket });

    protected override IClassifier<int> CreateWithLearningRate(double learningRate) => new Perceptron(new PerceptronOptions { LearningRate = learningRate, Variant = PerceptronVariant.Pocket });

    protected override IClassifier<int> CreateWithEpochs(int epochs) => new Perceptron(new PerceptronOptions { MaxEpochs = epochs, Variant = PerceptronVariant.Pocket });
}

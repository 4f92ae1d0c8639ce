using Rosenblatt.Linear;
using Rosenblatt.Networks;

namespace Rosenblatt.Tests.BadInput;

public class LogisticRegressionBadInputTests : ClassifierBadInputBattery
{
    protected override IClassifier<int> CreateModel() => new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 20 });

    protected override IClassifier<int> CreateWithLearningRate(double learningRate) => new LogisticRegression(new LogisticRegressionOptions { LearningRate = learningRate });

    protected override IClassifier<int> CreateWithEpochs(int epochs) => new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = epochs });
}

public class MlpClassifierBadInputTests : ClassifierBadInputBattery
{
    protected override IClassifier<int> CreateModel() => new MlpClassifier(new MlpOptions { Epochs = 5 });

    protected override IClassifier<int> CreateWithLearningRate(double learningRate) => new MlpClassifier(new MlpOptions { LearningRate = learningRate });

    protected override IClassifier<int> CreateWithEpochs(int epochs) => new MlpClassifier(new MlpOptions { Epochs = epochs });
}

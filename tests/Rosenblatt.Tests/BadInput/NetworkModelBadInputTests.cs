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

/// <summary>The size and cancellation checks that apply to the estimators trained by epochs of gradient descent.</summary>
public class GradientEstimatorLimitTests
{
    private static readonly double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    private static readonly int[] Y = [0, 1, 1, 0];

    [Theory]
    [InlineData(40_000, 40_000)]
    [InlineData(100_000, 100_000)]
    public void MlpClassifier_WithLayersThatMultiplyIntoBillionsOfParameters_IsRefusedBeforeAllocating(int first, int second)
    {
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [first, second], Epochs = 1 });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.ThrowsAny<ArgumentException>(() => model.Fit(X, Y));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L << 20);
        Assert.Contains("parameters", ex.Message);
        Assert.Contains("250,000,000", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void MlpRegressor_WithHugeLayers_IsRefusedBeforeAllocating()
    {
        var model = new MlpRegressor(new MlpOptions { HiddenLayers = [65_536, 65_536], Epochs = 1 });
        var ex = Assert.ThrowsAny<ArgumentException>(() => model.Fit(X, [[0], [1], [1], [0]]));
        Assert.Contains("4,295," , ex.Message);
    }

    [Fact]
    public void MlpClassifier_CancelledBeforeTheFirstBatch_StopsAfterOneBatch_AndSaysSo()
    {
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [4], Epochs = 50, BatchSize = 1 });
        var history = model.Fit(X, Y, null, new CancellationToken(canceled: true));
        Assert.True(history.Cancelled);
        Assert.Equal(1, history.Last.Epoch);
        Assert.Equal(4, model.Predict(X).Length);
    }

    [Fact]
    public void LogisticRegression_CancelledBeforeTheFirstBatch_StopsAfterOneBatch_AndSaysSo()
    {
        var model = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 50, BatchSize = 1 });
        var history = model.Fit(X, [0, 0, 0, 1], null, new CancellationToken(canceled: true));
        Assert.True(history.Cancelled);
        Assert.Equal(1, model.EpochsRun);
    }
}

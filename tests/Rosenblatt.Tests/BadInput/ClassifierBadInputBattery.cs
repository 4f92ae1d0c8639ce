using Rosenblatt.Diagnostics;

namespace Rosenblatt.Tests.BadInput;

/// <summary>
/// The shared battery of bad-input checks. Every classifier gets a subclass that says how to build it;
/// each check asserts the error names the place and carries a <c>help:</c> fix.
/// </summary>
public abstract class ClassifierBadInputBattery
{
    protected abstract IClassifier<int> CreateModel();

    protected abstract IClassifier<int> CreateWithLearningRate(double learningRate);

    protected abstract IClassifier<int> CreateWithEpochs(int epochs);

    private static readonly double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    private static readonly int[] Y = [0, 0, 0, 1];

    private static void AssertTeaches(Exception ex, params string[] mentions)
    {
        Assert.Contains("help:", ex.Message);
        foreach (var m in mentions)
            Assert.Contains(m, ex.Message);
    }

    [Fact]
    public void Train_WithEmptyData_SaysItIsEmpty() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train([], [])), "empty");

    [Fact]
    public void Train_WithRaggedRows_NamesTheRaggedRow() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train([[0, 0], [1], [1, 1]], [0, 1, 1])), "row 1", "1");

    [Fact]
    public void Train_WithNaN_NamesTheCell() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train([[0, 0], [0, double.NaN], [1, 1]], [0, 1, 1])), "x[1][1]", "NaN");

    [Fact]
    public void Train_WithInfinity_NamesTheCell() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train([[double.PositiveInfinity, 0], [0, 1]], [0, 1])), "x[0][0]", "Infinity");

    /// <summary>Whether the model computes in float32 (the networks), so a value float32 cannot hold is refused rather than flushed.</summary>
    protected virtual bool ComputesInFloat32 => true;

    [Fact]
    public void Train_WithValueBeyondFloat32_IsRefusedOrKeptExactly_LikeOneTooSmall()
    {
        foreach (double v in new[] { 1e300, 1e-300 })
        {
            double[][] x = [[0, 0], [0, v], [1, 0], [1, 1]];
            if (ComputesInFloat32)
                AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train(x, Y)), "x[1][1]", "float32");
            else
                CreateModel().Train(x, Y);
        }
    }

    [Fact]
    public void Train_WithFewerLabelsThanRows_GivesBothCounts() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train(X, [0, 1, 1])), "3 labels", "4 rows");

    [Fact]
    public void Train_WithOneClassOnly_SaysTwoAreNeeded() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateModel().Train(X, [1, 1, 1, 1])), "1 distinct label", "at least 2");

    [Fact]
    public void Predict_WithDifferentFeatureCount_NamesBothCounts()
    {
        var model = CreateModel();
        model.Train(X, Y);
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => model.Predict([[1, 0, 1]])), "3 features", "fitted on 2");
    }

    [Fact]
    public void Predict_WithNaN_NamesTheCell()
    {
        var model = CreateModel();
        model.Train(X, Y);
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => model.Predict([[1, double.NaN]])), "x[0][1]");
    }

    [Fact]
    public void Predict_BeforeTraining_SaysWhatToCall() =>
        AssertTeaches(Assert.Throws<NotFittedException>(() => CreateModel().Predict(X)), "Fit(X, y) first");

    [Fact]
    public void Classes_BeforeTraining_SaysWhatToCall() =>
        AssertTeaches(Assert.Throws<NotFittedException>(() => CreateModel().Classes), "Classes");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_WithBadLearningRate_QuotesTheValue(double learningRate) =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateWithLearningRate(learningRate)), "LearningRate",
            learningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-40)]
    public void Create_WithLearningRateThatUnderflowsFloat32_IsRefused(double learningRate) =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateWithLearningRate(learningRate)), "LearningRate", "float32");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_WithEpochsBelowOne_QuotesTheValue(int epochs) =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateWithEpochs(epochs)), "Epochs", $"received {epochs}");
}

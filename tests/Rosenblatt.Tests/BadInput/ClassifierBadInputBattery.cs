using System.Text.Json.Nodes;
using Rosenblatt.Diagnostics;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Serialization;

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
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_WithEpochsBelowOne_QuotesTheValue(int epochs) =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => CreateWithEpochs(epochs)), "Epochs", $"received {epochs}");

    /// <summary>Saves any of the battery's classifiers with the matching <see cref="ModelFile"/> overload.</summary>
    private static void Save(string path, IClassifier<int> model)
    {
        switch (model)
        {
            case Perceptron<int> p: ModelFile.Save(path, p); break;
            case LogisticRegression<int> l: ModelFile.Save(path, l); break;
            case MlpClassifier<int> m: ModelFile.Save(path, m); break;
            default: throw new InvalidOperationException($"the battery does not know how to save a {model.GetType().Name}; add it to Save.");
        }
    }

    private static IClassifier<int> Trained(IClassifier<int> model)
    {
        model.Train(X, Y);
        return model;
    }

    [Fact]
    public void Save_AfterAKilledSave_RemovesTheTemporaryFileItLeft_AndLoadsBack()
    {
        using var folder = new Serialization.TempFolder();
        string path = folder.File("model.json");
        var model = Trained(CreateModel());
        Save(path, model);
        string stale = folder.File($".model.json.{Guid.NewGuid():N}.tmp.json");
        File.WriteAllText(stale, "half a model from a killed save");
        Save(path, model);
        Assert.False(File.Exists(stale));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
        Assert.Equal(model.Predict(X), ((IClassifier<int>)ModelFile.Load(path).Model).Predict(X));
    }

    [Fact]
    public void Save_IntoAMissingFolder_NamesTheFolder_AndWritesNothing()
    {
        using var folder = new Serialization.TempFolder();
        string path = Path.Combine(folder.Path, "missing", "model.json");
        AssertTeaches(Assert.Throws<ModelFileException>(() => Save(path, Trained(CreateModel()))), "does not exist");
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData(46341, "2,147,488,281")]
    [InlineData(65536, "4,294,967,296")]
    [InlineData(100000, "10,000,000,000")]
    public void Load_OfItsFile_ClaimingAShapeThatOverflows32Bits_GivesThe64BitProduct_BeforeAllocating(int size, string product)
    {
        using var folder = new Serialization.TempFolder();
        string path = folder.File("model.json");
        Save(path, Trained(CreateModel()));
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        root["architecture"]!["inputs"] = size;
        root["featureNames"] = null;
        var labels = root["labels"]!["names"]!.AsArray();
        int units = root["architecture"]!["layers"]![0]!["units"]!.GetValue<int>();
        if (root["architecture"]!["layers"]!.AsArray().Count == 1 && units == 1)
        {
            // One output unit (two classes): claim as many classes as inputs so the product is size × size.
            labels.Clear();
            for (int i = 0; i < size; i++)
                labels.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (root["architecture"]!["layers"]![0]!["activation"]!.GetValue<string>() == "sigmoid")
                root["architecture"]!["layers"]![0]!["activation"] = "softmax";
        }
        root["architecture"]!["layers"]![0]!["units"] = size;
        File.WriteAllText(path, root.ToJsonString());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L << 20);
        AssertTeaches(ex, $"= {product}");
    }

    [Fact]
    public void Load_OfADevice_IsRefusedAtTheFirstByte()
    {
        if (!File.Exists("/dev/zero"))
            return;
        AssertTeaches(Assert.Throws<ModelFileException>(() => ModelFile.Load("/dev/zero")), "does not start with a JSON object");
    }
}

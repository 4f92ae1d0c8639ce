using System.Text.Json.Nodes;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;

namespace Rosenblatt.Tests.Serialization;

/// <summary>Every way a model file can be wrong gives its own clear error naming the file, the place and the fix.</summary>
public sealed class ModelFileErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Perceptron AndPerceptron()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        return p;
    }

    private string SavedAnd()
    {
        string path = _folder.File("and.json");
        ModelFile.Save(path, AndPerceptron());
        return path;
    }

    private string SavedNetwork()
    {
        string path = _folder.File("net.json");
        ModelFile.Save(path, new Network(2, new Dense(3, "tanh"), new Dense(1, "sigmoid")));
        return path;
    }

    /// <summary>Edits the saved JSON, writes it back, loads it and returns the error.</summary>
    private static ModelFileException LoadEdited(string path, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
        return Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
    }

    private static void AssertClear(ModelFileException ex, string path, params string[] fragments)
    {
        Assert.Equal(path, ex.FilePath);
        Assert.StartsWith($"model file '{path}':", ex.Message);
        Assert.Contains(" help: ", ex.Message);
        foreach (string fragment in fragments)
            Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysItDoesNotExist()
    {
        string path = _folder.File("nope.json");
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        AssertClear(ex, path, "does not exist");
    }

    [Fact]
    public void Load_Folder_SaysItIsAFolder()
    {
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(_folder.Path));
        AssertClear(ex, _folder.Path, "is a folder");
    }

    [Fact]
    public void Load_EmptyFile_SaysItIsEmpty()
    {
        string path = _folder.File("empty.json");
        File.WriteAllBytes(path, []);
        AssertClear(Assert.Throws<ModelFileException>(() => ModelFile.Load(path)), path, "is empty (0 bytes)");
    }

    [Fact]
    public void Load_TruncatedFile_ReportsNotJsonWithThePosition()
    {
        string path = SavedAnd();
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        AssertClear(ex, path, "is not valid JSON at line ", ", byte ", "truncated");
    }

    [Fact]
    public void Load_HandBrokenJson_ReportsTheLineOfTheBreak()
    {
        string path = _folder.File("broken.json");
        File.WriteAllText(path, "{\n  \"format\": \"rosenblatt-model\",\n  \"version\": 1,,\n}");
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        AssertClear(ex, path, "at line 3");
    }

    [Fact]
    public void Load_OtherJson_SaysItIsNotAModelFile()
    {
        string path = _folder.File("other.json");
        File.WriteAllText(path, "{\"format\": \"keras\", \"version\": 1}");
        AssertClear(Assert.Throws<ModelFileException>(() => ModelFile.Load(path)), path, "not a Rosenblatt model file", "format is 'keras'");
        File.WriteAllText(path, "[1, 2, 3]");
        AssertClear(Assert.Throws<ModelFileException>(() => ModelFile.Load(path)), path, "not a Rosenblatt model");
    }

    [Fact]
    public void Load_NewerVersion_SaysUpgrade()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["version"] = 2);
        AssertClear(ex, path, "written by a newer Rosenblatt", "version 2", "reads version 1", "upgrade Rosenblatt");
    }

    [Fact]
    public void Load_BadVersion_NamesTheField()
    {
        string path = SavedAnd();
        AssertClear(LoadEdited(path, root => root["version"] = "one"), path, "'version'", "\"one\"");
        path = SavedAnd();
        AssertClear(LoadEdited(path, root => root.Remove("version")), path, "'version' is missing");
    }

    [Fact]
    public void Load_MissingField_NamesIt()
    {
        string path = SavedAnd();
        AssertClear(LoadEdited(path, root => root.Remove("architecture")), path, "'architecture' is missing");
        path = SavedAnd();
        AssertClear(LoadEdited(path, root => root.Remove("labels")), path, "'labels' is missing");
        path = SavedAnd();
        AssertClear(LoadEdited(path, root => root["weights"]![0]!.AsObject().Remove("bias")), path, "'weights[0].bias' is missing");
    }

    [Fact]
    public void Load_FieldOfTheWrongType_NamesItsPath()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["architecture"]!["layers"]![0]!["units"] = "four");
        AssertClear(ex, path, "'architecture.layers[0].units' holds a value of the wrong type");
    }

    [Fact]
    public void Load_WeightsOfTheWrongLength_GivesBothCounts()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["weights"]![0]!["weights"] = new JsonArray(0.1, 0.2, 0.3));
        AssertClear(ex, path, "layer 1 has 3 weights but its architecture needs 2 inputs × 1 units = 2");
        path = SavedNetwork();
        ex = LoadEdited(path, root => root["weights"]![1]!["bias"] = new JsonArray(0.1, 0.2));
        AssertClear(ex, path, "layer 2 has 2 biases but 1 units");
        path = SavedNetwork();
        ex = LoadEdited(path, root => root["weights"]!.AsArray().RemoveAt(1));
        AssertClear(ex, path, "'weights' holds 1 layers but the architecture has 2");
    }

    [Fact]
    public void Load_NaNWeight_NamesThePosition()
    {
        string path = SavedNetwork();
        var ex = LoadEdited(path, root => root["weights"]![0]!["weights"]![4] = "NaN");
        AssertClear(ex, path, "layer 1's weight 4 (input 1, unit 1) is NaN");
        path = SavedAnd();
        ex = LoadEdited(path, root => root["weights"]![0]!["bias"]![0] = "Infinity");
        AssertClear(ex, path, "layer 1's bias 0 is Infinity");
    }

    [Fact]
    public void Load_UnknownActivation_ListsTheKnownOnes()
    {
        string path = SavedNetwork();
        var ex = LoadEdited(path, root => root["architecture"]!["layers"]![0]!["activation"] = "swish");
        AssertClear(ex, path, "architecture.layers[0].activation", "'swish' is not a known activation", "use one of: step, sigmoid");
    }

    [Fact]
    public void Load_UnknownKindOrLabelType_IsAClearError()
    {
        string path = SavedAnd();
        AssertClear(LoadEdited(path, root => root["kind"] = "svm"), path, "the kind 'svm' is not known");
        path = SavedAnd();
        AssertClear(LoadEdited(path, root => root["labels"]!["type"] = "float"), path, "labels.type is 'float'");
        path = SavedAnd();
        AssertClear(LoadEdited(path, root => root["labels"]!["names"]![1] = "yes"), path, "labels.names[1] is 'yes', not a whole number");
    }

    [Fact]
    public void Load_ArchitectureThatDoesNotFitTheLabels_IsAClearError()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["labels"]!["names"] = new JsonArray("0", "1", "2"));
        AssertClear(ex, path, "the perceptron has 1 units but 3 labels need 3");
    }

    [Fact]
    public void Load_ScalerOfAnotherWidth_IsAClearError()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["preprocessing"] = new JsonObject
        {
            ["scaler"] = "standard", ["mean"] = new JsonArray(0.0, 1.0, 2.0), ["standardDeviation"] = new JsonArray(1.0, 1.0, 1.0),
        });
        AssertClear(ex, path, "the standard scaler has 3 features but the model has 2 inputs");
    }

    [Fact]
    public void Load_InvalidStoredOption_IsAClearError()
    {
        string path = SavedAnd();
        var ex = LoadEdited(path, root => root["options"]!["learningRate"] = -1);
        AssertClear(ex, path, "a stored setting is invalid", "LearningRate must be a finite number > 0 (received -1)");
    }

    [Fact]
    public void As_TheWrongType_SaysWhatTheFileHolds()
    {
        string path = SavedAnd();
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path).As<MlpClassifier>());
        AssertClear(ex, path, "holds a perceptron (Perceptron), not a MlpClassifier");
    }

    [Fact]
    public void CheckFeatureCount_Mismatch_NamesBothCounts()
    {
        string path = _folder.File("named.json");
        ModelFile.Save(path, AndPerceptron(), new ModelSaveOptions { FeatureNames = ["a", "b"] });
        var loaded = ModelFile.Load(path);
        var ex = Assert.Throws<ModelFileException>(() => loaded.CheckFeatureCount(3, "test.csv"));
        AssertClear(ex, path, "the model expects 2 features, test.csv has 3", "(a, b)");
        ex = Assert.Throws<ModelFileException>(() => loaded.PredictLabels([[1.0, 0, 1]]));
        AssertClear(ex, path, "the model expects 2 features, the data has 3");
        loaded.CheckFeatureCount(2);
        Assert.Equal(["0", "0", "0", "1"], loaded.PredictLabels(LogicGate.And.X));
    }

    [Fact]
    public void PredictLabels_OnARegressor_SaysToUsePredictOutputs()
    {
        string path = SavedNetwork();
        var ex = Assert.Throws<InvalidOperationException>(() => ModelFile.Load(path).PredictLabels(LogicGate.And.X));
        Assert.Contains("use PredictOutputs", ex.Message);
    }
}

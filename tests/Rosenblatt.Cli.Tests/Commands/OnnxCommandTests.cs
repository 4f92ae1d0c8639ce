using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>rosenblatt export</c> and <c>rosenblatt import</c>: a model file to ONNX and back, and PyTorch's ONNX into a model file.</summary>
public class OnnxCommandTests
{
    [Fact]
    public void Export_Iris_WritesAnOnnxFileAndDescribesItsInterface()
    {
        using var files = new TempFiles();
        var run = CliRun.Of("export", "--model", TrainedModels.Iris, "--out", files.PathOf("iris.onnx"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(new FileInfo(files.PathOf("iris.onnx")).Length > 500);
        Assert.Contains("mlp-classifier", run.Out);
        Assert.Contains("ONNX opset 13, IR version 7", run.Out);
        Assert.Contains("Input:   input float32 [N, 4] (raw features; the standard scaler is in the graph)", run.Out);
        Assert.Contains("Output:  label int64 [N]", run.Out);
        Assert.Contains("Output:  probabilities float32 [N, 3]", run.Out);
        Assert.Contains("Classes: setosa, versicolor, virginica", run.Out);
    }

    [Fact]
    public void ExportThenImport_Iris_PredictsTheSameClassAndProbabilities()
    {
        using var files = new TempFiles();
        Assert.Equal(0, CliRun.Of("export", "--model", TrainedModels.Iris, "--out", files.PathOf("iris.onnx")).ExitCode);

        var import = CliRun.Of("import", "--onnx", files.PathOf("iris.onnx"), "--out", files.PathOf("back.json"), "--json");
        Assert.Equal(0, import.ExitCode);
        using var doc = JsonDocument.Parse(import.Out);
        Assert.Equal("mlp-classifier", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal("standard", doc.RootElement.GetProperty("scaling").GetString());

        foreach (string row in new[] { "5.1,3.5,1.4,0.2", "6.7,3.0,5.2,2.3", "5.9,2.8,4.3,1.3" })
        {
            var original = CliRun.Of("predict", "--model", TrainedModels.Iris, "--input", row, "--json");
            var roundTrip = CliRun.Of("predict", "--model", files.PathOf("back.json"), "--input", row, "--json");
            Assert.Equal(0, roundTrip.ExitCode);
            Assert.Equal(original.Out, roundTrip.Out);
        }
    }

    [Fact]
    public void Import_TorchMlp_WritesANetworkModelFileThatExportsAgain()
    {
        using var files = new TempFiles();
        string torch = Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch_mlp.onnx");

        var run = CliRun.Of("import", "--onnx", torch, "--out", files.PathOf("torch.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.StartsWith("pytorch 1.13", doc.RootElement.GetProperty("producer").GetString());
        Assert.Equal("4-8-6-5-5-3", doc.RootElement.GetProperty("shape").GetString());
        Assert.Equal(["relu", "tanh", "leaky_relu", "sigmoid", "softmax"], doc.RootElement.GetProperty("activations").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("network", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(0, CliRun.Of("export", "--model", files.PathOf("torch.json"), "--out", files.PathOf("again.onnx")).ExitCode);
    }

    [Fact]
    public void Export_AMarkOneModel_WritesItsLabelScoresAndResponses()
    {
        using var files = new TempFiles();
        Assert.Equal(0, CliRun.Of("mark1", "--task", "shapes", "--count", "200", "--epochs", "1", "--out", files.PathOf("mk.json"), "--json").ExitCode);

        var run = CliRun.Of("export", "--model", files.PathOf("mk.json"), "--out", files.PathOf("mk.onnx"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("mark-one", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(["label", "scores", "responses"], doc.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public void Import_AnUnsupportedOperator_IsAUserErrorNamingNodeAndOperator()
    {
        using var files = new TempFiles();
        string elu = Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch_elu.onnx");

        string line = CliRun.Of("import", "--onnx", elu, "--out", files.PathOf("elu.json")).UserErrorLine();

        Assert.Contains("node '/1/Elu' (Elu)", line);
        Assert.False(File.Exists(files.PathOf("elu.json")));
    }

    [Fact]
    public void Import_AMissingFile_IsAUserError()
    {
        using var files = new TempFiles();
        UserErrors.AssertOneLine(CliRun.Of("import", "--onnx", files.PathOf("missing.onnx"), "--out", files.PathOf("m.json")), "missing.onnx");
    }

    [Fact]
    public void Export_NotAModelFile_IsAUserError()
    {
        using var files = new TempFiles();
        string path = files.Write("notes.json", "{\"hello\": 1}");
        UserErrors.AssertOneLine(CliRun.Of("export", "--model", path, "--out", files.PathOf("notes.onnx")), "notes.json");
    }
}

using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

public class InfoCommandTests
{
    [Fact]
    public void Info_Iris_ShowsLayersShapesAndParameterCountsLikeKeras()
    {
        var run = CliRun.Of("info", "--model", TrainedModels.Iris);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Model: network 4-16-3", run.Out);
        Assert.Contains("│ dense_1 (Dense) │ (None, 16)   │ relu       │      80 │", run.Out);
        Assert.Contains("│ dense_2 (Dense) │ (None, 3)    │ softmax    │      51 │", run.Out);
        Assert.Contains("Total params: 131", run.Out);
        Assert.Contains("Classes (3): setosa, versicolor, virginica", run.Out);
        Assert.Contains("Scaling: standard", run.Out);
        Assert.Contains("test accuracy", run.Out);
    }

    [Fact]
    public void Info_Json_CountsEveryParameter()
    {
        using var doc = JsonDocument.Parse(CliRun.Of("info", "--model", TrainedModels.Digits, "--json").Out);
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, doc.RootElement.GetProperty("parameters").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("layers").GetArrayLength());
    }

    [Fact]
    public void Info_NotAModelFile_IsAUserError()
    {
        using var files = new TempFiles();
        string path = files.Write("notes.json", "{\"hello\": 1}");
        UserErrors.AssertOneLine(CliRun.Of("info", "--model", path), "notes.json");
    }
}

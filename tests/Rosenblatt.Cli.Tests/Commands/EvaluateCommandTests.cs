using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

public class EvaluateCommandTests
{
    [Fact]
    public void Evaluate_Iris_PrintsAccuracyPerClassScoresAndTheConfusionMatrix()
    {
        var run = CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", "iris");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("network 4-16-3 on iris: 30 rows (the rows held out at training", run.Out);
        Assert.Contains("log loss", run.Out);
        Assert.Contains("│ versicolor   │", run.Out);
        Assert.Contains("│ macro avg    │", run.Out);
        Assert.Contains("true \\ predicted", run.Out);
    }

    [Fact]
    public void Evaluate_All_UsesEveryRow()
    {
        var run = CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", "iris", "--all", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(150, doc.RootElement.GetProperty("rows").GetInt32());
        int[][] matrix = doc.RootElement.GetProperty("confusionMatrix").Deserialize<int[][]>()!;
        Assert.Equal(150, matrix.Sum(r => r.Sum()));
        Assert.Equal([50, 50, 50], matrix.Select(r => r.Sum()));
    }

    [Fact]
    public void Evaluate_ACsvWithALabelTheModelNeverSaw_IsAUserErrorNamingIt()
    {
        using var files = new TempFiles();
        string csv = files.Iris("unseen.csv", "5.1,3.5,1.4,0.2,setosa", "6.0,3.0,4.8,1.8,tulip");
        UserErrors.AssertOneLine(CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", csv), "'tulip'", "never saw");
    }

    [Fact]
    public void Evaluate_DataWithAnotherFeatureCount_IsAUserErrorGivingBothCounts()
    {
        UserErrors.AssertOneLine(CliRun.Of("evaluate", "--model", TrainedModels.Digits, "--data", "iris"), "4 features", "trained on 64");
    }

    [Fact]
    public void Evaluate_ATruncatedModelFile_IsAUserError()
    {
        using var files = new TempFiles();
        string text = File.ReadAllText(TrainedModels.Iris);
        string truncated = files.Write("truncated.json", text[..(text.Length / 2)]);
        UserErrors.AssertOneLine(CliRun.Of("evaluate", "--model", truncated, "--data", "iris"), "truncated.json");
    }

    [Fact]
    public void Evaluate_AMissingModelFile_IsAUserError()
    {
        UserErrors.AssertOneLine(CliRun.Of("evaluate", "--model", "no-such-model.json", "--data", "iris"), "no-such-model.json");
    }

    [Fact]
    public void Evaluate_Json_ErrorsAreJsonOnStderr()
    {
        var run = CliRun.Of("evaluate", "--model", "no-such-model.json", "--data", "iris", "--json");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Err);
        Assert.Equal(1, doc.RootElement.GetProperty("exitCode").GetInt32());
    }
}

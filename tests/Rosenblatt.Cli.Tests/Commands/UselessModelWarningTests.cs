using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>A run that finishes with a useless model says so: an exploded loss, and accuracy no better than the majority class.</summary>
public class UselessModelWarningTests
{
    [Fact]
    public void Train_WhenTheLossExplodesAndSettlesOnOneClass_WarnsOfBothWithAdvice()
    {
        // Unscaled breast-cancer features (areas near 1000) with lr 1: the loss peaks in the thousands, then every row is 'benign'.
        var run = CliRun.Of("train", "--data", "breast-cancer", "--scale", "none", "--lr", "1", "--epochs", "10");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("warning: the loss exploded to ", run.Out);
        Assert.Contains("lower --lr (it is 1; try 0.1)", run.Out);
        Assert.Contains("no better than always answering 'benign'", run.Out);
    }

    [Fact]
    public void Train_Json_ListsTheWarnings()
    {
        var run = CliRun.Of("train", "--data", "breast-cancer", "--scale", "none", "--lr", "1", "--epochs", "10", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Contains("exploded", warnings[0]);
    }

    [Fact]
    public void Train_AHealthyRun_HasNoWarning()
    {
        var run = CliRun.Of("train", "--data", "iris", "--layers", "16", "--lr", "0.01", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Train_APerceptronOnXor_IsNoBetterThanOneClass()
    {
        var run = CliRun.Of("train", "--data", "xor", "--model", "perceptron", "--epochs", "5");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("no better than always answering", run.Out);
    }

    [Fact]
    public void Evaluate_AModelNoBetterThanTheMajority_Warns()
    {
        string model = TrainedModels.File($"useless-{Guid.NewGuid():N}.json");
        var train = CliRun.Of("train", "--data", "breast-cancer", "--scale", "none", "--lr", "1", "--epochs", "10", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Err);
        var run = CliRun.Of("evaluate", "--model", model, "--data", "breast-cancer");
        Assert.Contains("no better than always answering 'benign'", run.Out);
    }
}

using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;

namespace Rosenblatt.Cli.Tests.Modeling;

/// <summary>The warm-up that compiles the training code while an image set loads: it runs the real path, only where it
/// applies, and never changes a result.</summary>
[Collection(WarmUpSwitch.Name)]
public sealed class TrainingWarmUpTests : IDisposable
{
    private readonly TinyMnist _mnist = new();

    public void Dispose()
    {
        TrainingWarmUp.Enabled = true;
        _mnist.Dispose();
    }

    private static TrainSettings Settings(string model = "network", int[]? hidden = null, string optimizer = "adam", int batch = 32) =>
        new("mnist", model, hidden ?? [128], "relu", optimizer, 0.001, 0, 1, batch, 42, 0.2, 0, null, "auto", null, new DataRequest());

    [Theory]
    [InlineData("adam", 32)]
    [InlineData("sgd", 128)]
    [InlineData("momentum", 16)]
    public void Run_TrainsTheRunsNetworkOnRandomImagesAndPredictsThem(string optimizer, int batch)
    {
        // The warm-up swallows its exceptions in production, so this is where a broken warm-up shows.
        Assert.Equal(3 * batch, TrainingWarmUp.Run(Settings(optimizer: optimizer, batch: batch)));
    }

    [Fact]
    public async Task Start_OnlyWarmsUpANetworkOnAnImageSet()
    {
        Assert.Same(Task.CompletedTask, TrainingWarmUp.Start(Settings(), imageSet: false));
        Assert.Same(Task.CompletedTask, TrainingWarmUp.Start(Settings(model: "logistic", hidden: []), imageSet: true));
        Assert.Same(Task.CompletedTask, TrainingWarmUp.Start(Settings(hidden: [8192]), imageSet: true)); // too big to be worth it
        var warmUp = TrainingWarmUp.Start(Settings(), imageSet: true);
        Assert.NotSame(Task.CompletedTask, warmUp);
        await warmUp;
        Assert.True(warmUp.IsCompletedSuccessfully);
    }

    [Fact]
    public void Train_OnAnImageSet_GivesTheSameDocumentWithAndWithoutTheWarmUp()
    {
        string[] args = ["train", "--data", "mnist", "--data-dir", _mnist.Folder, "--epochs", "3", "--batch", "16", "--json"];
        TrainingWarmUp.Enabled = true;
        var warm = CliRun.Of(args);
        TrainingWarmUp.Enabled = false;
        var cold = CliRun.Of(args);
        Assert.Equal(0, warm.ExitCode);
        Assert.Equal(Strip(cold.Out), Strip(warm.Out));
    }

    /// <summary>The document without its clock readings, which differ from run to run.</summary>
    private static string Strip(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"elapsedSeconds\":\\s*[0-9.eE+-]+", "\"elapsedSeconds\": 0");
}

/// <summary>The tests that flip <see cref="TrainingWarmUp.Enabled"/> run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WarmUpSwitch
{
    /// <summary>The collection's name.</summary>
    public const string Name = "training warm-up switch";
}

using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>rosenblatt bench</c> on tiny data: output shape and exit codes, never timing.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TinyMnist _mnist = new();

    private string Dir => _mnist.Folder;

    public void Dispose() => _mnist.Dispose();

    [Fact]
    public void Mnist_Json_ReportsEveryEpochOfEveryRunWithAccuracyAndMemory()
    {
        var run = CliRun.Of("bench", "mnist", "--data-dir", Dir, "--epochs", "2", "--repeat", "2", "--threads", "1", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("mnist", root.GetProperty("workload").GetString());
        var runs = root.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], runs.Select(r => (r.GetProperty("run").GetInt32(), r.GetProperty("epoch").GetInt32())));
        Assert.All(runs, r => Assert.True(r.GetProperty("seconds").GetDouble() > 0));
        // Same seed, same work: both runs end with the same test accuracy.
        Assert.Equal(runs[1].GetProperty("testAccuracy").GetDouble(), runs[3].GetProperty("testAccuracy").GetDouble());
        double accuracy = root.GetProperty("finalAccuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);
        Assert.Equal(0, accuracy * 20 % 1, 9); // a whole number of the 20 test images
        Assert.True(root.GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.Contains("16-128-10", root.GetProperty("what").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("machine").GetString()));
    }

    [Fact]
    public void Xor_Table_PrintsTheReplaysPredictionsAndTheMedian()
    {
        var run = CliRun.Of("bench", "xor", "--epochs", "10000");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.StartsWith("bench xor: seed 002 XOR replay", run.Out);
        Assert.Contains("after the last update [0.0298, 0.9748, 0.9748, 0.025]; last epoch's loss 6.965e-4", run.Out);
        Assert.Contains("median: ", run.Out);
        Assert.Contains("peak memory: ", run.Out);
    }

    [Fact]
    public void Perceptron_Json_TrainsOneVsRestAndScoresTheTestSet()
    {
        var run = CliRun.Of("bench", "perceptron", "--data-dir", Dir, "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Single(runs);
        Assert.Equal(1, runs[0].GetProperty("epoch").GetInt32());
        Assert.InRange(doc.RootElement.GetProperty("finalAccuracy").GetDouble(), 0, 1);
        Assert.Contains("float32 from bytes", doc.RootElement.GetProperty("what").GetString());
        Assert.Contains("separability analysis off", doc.RootElement.GetProperty("what").GetString());
    }

    [Fact]
    public void Mnist_MissingData_IsAUserErrorThatSaysWhereItLooked()
    {
        var run = CliRun.Of("bench", "mnist", "--data-dir", Path.Combine(Dir, "nowhere"));
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.StartsWith("error: ", run.Err);
        Assert.Contains("train-images-idx3-ubyte", run.Err);
        Assert.Contains("help:", run.Err);
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--repeat", "0")]
    public void OutOfRangeOption_IsAUserErrorWithHelp(string option, string value)
    {
        var run = CliRun.Of("bench", "xor", option, value);
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Contains($"{option} must be", run.Err);
        Assert.Contains("help:", run.Err);
    }

    [Fact]
    public void UnknownWorkload_IsBadUsage()
    {
        var run = CliRun.Of("bench", "cifar");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public void Mnist_Plain_SaysEachStepAsItGoes_BeforeTheTable()
    {
        var run = CliRun.Of("bench", "mnist", "--data-dir", Dir, "--epochs", "2", "--repeat", "2", "--threads", "1");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string[] lines = run.Out.Split('\n');
        string[] steps = [.. lines.TakeWhile(l => !l.StartsWith("bench mnist:", StringComparison.Ordinal))];
        Assert.Equal(7, steps.Length);
        Assert.StartsWith("Loading MNIST (warming up on 640 random images meanwhile) ...", steps[0]);
        Assert.Equal("run 1/2 ...", steps[1]);
        Assert.StartsWith("run 1/2, epoch 1/2: ", steps[2]);
        Assert.Contains(" s, test accuracy ", steps[2]);
        Assert.StartsWith("run 1/2, epoch 2/2: ", steps[3]);
        Assert.Equal("run 2/2 ...", steps[4]);
        Assert.StartsWith("run 2/2, epoch 2/2: ", steps[6]);
    }

    [Fact]
    public void Perceptron_Plain_SaysTheWarmUpAndEachRun()
    {
        var run = CliRun.Of("bench", "perceptron", "--data-dir", Dir, "--repeat", "2", "--threads", "1");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string[] steps = [.. run.Out.Split('\n').TakeWhile(l => !l.StartsWith("bench perceptron:", StringComparison.Ordinal))];
        Assert.Equal("Loading MNIST ...", steps[0]);
        Assert.StartsWith("warming up on ", steps[1]);
        Assert.Equal(["run 1/2 ...", "run 2/2 ..."], steps.Where(s => s.EndsWith(" ...", StringComparison.Ordinal) && s.StartsWith("run", StringComparison.Ordinal)));
        Assert.Contains(steps, s => s.StartsWith("run 2/2: ", StringComparison.Ordinal) && s.Contains(" s per epoch, test accuracy ", StringComparison.Ordinal));
    }
}

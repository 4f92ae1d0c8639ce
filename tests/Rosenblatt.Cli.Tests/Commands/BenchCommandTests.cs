using System.Buffers.Binary;
using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>rosenblatt bench</c> on tiny data: output shape and exit codes, never timing.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rosenblatt-bench-" + Guid.NewGuid().ToString("N"));

    public BenchCommandTests()
    {
        // A tiny MNIST look-alike: 4×4 images whose label is the brightest quarter's index (learnable), 10 classes.
        string mnist = Directory.CreateDirectory(Path.Combine(_dir, "mnist")).FullName;
        WriteSet(mnist, "train", 60, seed: 1);
        WriteSet(mnist, "t10k", 20, seed: 2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void WriteSet(string folder, string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 16];
        var labels = new byte[count];
        random.NextBytes(pixels);
        for (int i = 0; i < count; i++)
            labels[i] = (byte)(pixels[i * 16] % 10);
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Idx(0x0803, [count, 4, 4], pixels));
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), Idx(0x0801, [count], labels));
    }

    private static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    [Fact]
    public void Mnist_Json_ReportsEveryEpochOfEveryRunWithAccuracyAndMemory()
    {
        var run = CliRun.Of("bench", "mnist", "--data-dir", _dir, "--epochs", "2", "--repeat", "2", "--threads", "1", "--json");
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
        Assert.Contains("predictions [0.0298, 0.9748, 0.9748, 0.025], final loss 6.965e-4", run.Out);
        Assert.Contains("median: ", run.Out);
        Assert.Contains("peak memory: ", run.Out);
    }

    [Fact]
    public void Perceptron_Json_TrainsOneVsRestAndScoresTheTestSet()
    {
        var run = CliRun.Of("bench", "perceptron", "--data-dir", _dir, "--json");
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
        var run = CliRun.Of("bench", "mnist", "--data-dir", Path.Combine(_dir, "nowhere"));
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
}

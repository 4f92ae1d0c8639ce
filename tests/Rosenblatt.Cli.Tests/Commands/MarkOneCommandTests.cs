using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Rosenblatt.Cli.Tests.Plots;
using Rosenblatt.Data.Retina;
using Rosenblatt.MarkOne;
using Rosenblatt.Serialization;

namespace Rosenblatt.Cli.Tests.Commands;

public class MarkOneCommandTests
{
    [Fact]
    public void Shapes_PrintsPassesAccuracyTableAndCoding()
    {
        var run = CliRun.Of("mark1", "--task", "shapes", "--count", "200", "--epochs", "3", "--seed", "1");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        string text = System.Text.RegularExpressions.Regex.Replace(run.Out, @"\s+", " ");
        Assert.Contains("Mark I on shapes: 20×20 retina, 512 A-units (5 excitatory + 5 inhibitory wires, θ = 2), 8 R-units, α-system error correction, seed 1", text);
        Assert.Contains("Data: 150 training and 50 test images; square, circle, triangle, cross drawn one per image", text);
        Assert.Contains("pass 1/3  mistakes ", run.Out);
        Assert.Contains("│ pass │ mistakes │ corrections │ seconds │", run.Out);
        Assert.Contains("│ class    │ codeword (R1…) │ train accuracy │ test accuracy │ test images │", run.Out);
        Assert.Contains("│ square   │ −−+−", run.Out);
        Assert.Contains("R-unit coding: one R-unit per class: 4 of 8 R-units trained, the largest", text);
    }

    [Fact]
    public void Json_IsOneDocumentWithPassesClassesAndCoding()
    {
        var run = CliRun.Of("mark1", "--task", "letters", "--count", "120", "--epochs", "2", "--r-units", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("letters", root.GetProperty("task").GetString());
        Assert.Equal("output-code", root.GetProperty("coding").GetString());
        Assert.Equal(4, root.GetProperty("classes").GetArrayLength());
        Assert.Equal(2, root.GetProperty("classes")[0].GetProperty("codeword").GetString()!.Length);
        Assert.InRange(root.GetProperty("passes").GetArrayLength(), 1, 2);
        Assert.InRange(root.GetProperty("testAccuracy").GetDouble(), 0, 1);
        Assert.Equal(90, root.GetProperty("trainImages").GetInt32());
    }

    [Theory]
    [InlineData("--a-units", "0", "--a-units must be >= 1 (received 0)")]
    [InlineData("--r-units", "100", "--r-units must be <= 64 (received 100)")]
    [InlineData("--threshold", "9", "--threshold must be between -4 and 5")]
    [InlineData("--epochs", "0", "--epochs must be >= 1 (received 0)")]
    [InlineData("--noise", "0.9", "--noise must be between 0 and 0.5 (received 0.9)")]
    [InlineData("--count", "3", "--count must be 8 to 1000000 (received 3)")]
    public void BadOption_IsAUserErrorNamingTheFlag(string flag, string value, string message)
    {
        UserErrors.AssertOneLine(CliRun.Of("mark1", flag, value), message);
    }

    [Fact]
    public void UnknownTask_IsAUsageError()
    {
        var run = CliRun.Of("mark1", "--task", "xor");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("xor", run.Err);
    }

    [Fact]
    public void PicturesIntoAMissingFolder_IsAUserError()
    {
        UserErrors.AssertOneLine(CliRun.Of("mark1", "--count", "40", "--pictures", "/no/such/folder"), "--pictures: the folder '/no/such/folder' does not exist");
    }

    [Fact]
    public void Pictures_WritesFivePngs()
    {
        using var files = new TempFiles();
        var run = CliRun.Of("mark1", "--count", "80", "--epochs", "1", "--pictures", files.Folder);
        Assert.Equal(0, run.ExitCode);
        foreach (string name in new[] { "retina.png", "plugboard.png", "a-units.png", "r-weights.png", "r-retina.png" })
            Assert.Equal((800, 600), Png.Size(files.PathOf(name)));
        // The retina picture shows lit points in black.
        Assert.True(Png.Count(Png.Pixels(files.PathOf("retina.png")), SkiaSharp.SKColors.Black) > 1000);
    }

    [Fact]
    public void Out_ThenInfoAndPredict_ReadTheSavedMachine()
    {
        using var files = new TempFiles();
        string model = files.PathOf("mark1.json");
        Assert.Equal(0, CliRun.Of("mark1", "--count", "200", "--epochs", "3", "--seed", "4", "--out", model).ExitCode);

        var info = CliRun.Of("info", "--model", model);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("Model: Mark I perceptron 20×20 retina, 512 A-units, 4 of 8 R-units (one per class)", info.Out);
        Assert.Contains("plugboard (A-units)", info.Out);
        Assert.Contains("Total params: 2,052 (all trainable); the plugboard's wires are fixed, not counted", info.Out);
        Assert.Contains("Classes (4): circle, cross, square, triangle", info.Out);

        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 10, Seed = 99 });
        var machine = ModelFile.Load(model).As<MarkOnePerceptron<string>>();
        string[] expected = machine.Predict(shapes.Images);
        for (int i = 0; i < 3; i++)
        {
            string input = string.Join(",", shapes.Images.Image(i).ToArray().Select(b => b.ToString(CultureInfo.InvariantCulture)));
            using var doc = JsonDocument.Parse(CliRun.Of("predict", "--model", model, "--input", input, "--json").Out);
            Assert.Equal(expected[i], doc.RootElement.GetProperty("predicted").GetString());
        }
    }

    [Fact]
    public void Plot_OfASavedMachine_SkipsTheWeightPictureAndSaysWhereItsPicturesAre()
    {
        using var files = new TempFiles();
        string model = files.PathOf("mark1.json");
        Assert.Equal(0, CliRun.Of("mark1", "--count", "80", "--epochs", "1", "--out", model).ExitCode);
        var all = CliRun.Of("plot", "--model", model, "--out-dir", files.PathOf("plots"));
        Assert.Equal(0, all.ExitCode);
        UserErrors.AssertOneLine(CliRun.Of("plot", "--model", model, "--kind", "weights", "--out-dir", files.PathOf("plots")),
            "a Mark I has no trained weights on the retina", "'rosenblatt mark1 --pictures'");
    }

    [Fact]
    public void CtrlC_StopsTraining_Exits130_AndKeepsAnExistingModelFile()
    {
        using var files = new TempFiles();
        string model = files.Write("mark1.json", "the earlier model");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var run = CliRun.WithCancellation(cancelled.Token, "mark1", "--count", "80", "--out", model);
        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Contains("Stopped by the user after 0 passes", System.Text.RegularExpressions.Regex.Replace(run.Out, @"\s+", " "));
        Assert.Equal("the earlier model", File.ReadAllText(model));
        Assert.True(File.Exists(files.PathOf("mark1.interrupted.json")));
    }

    [Fact]
    public void Mnist_FromIdxFilesInDataDir_CropsAndUsesTheOutputCode()
    {
        using var files = new TempFiles();
        string folder = Directory.CreateDirectory(Path.Combine(files.Folder, "mnist")).FullName;
        WriteIdx(folder, "train", 60, seed: 1);
        WriteIdx(folder, "t10k", 20, seed: 2);
        var run = CliRun.Of("mark1", "--task", "mnist", "--data-dir", files.Folder, "--epochs", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("output-code", doc.RootElement.GetProperty("coding").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("minimumDistance").GetInt32());
        Assert.Equal(60, doc.RootElement.GetProperty("trainImages").GetInt32());
        Assert.Equal(20, doc.RootElement.GetProperty("testImages").GetInt32());
    }

    /// <summary>Synthetic MNIST-layout files: digit k is a bright bar at column 4 + 2k of the 28×28 frame (inside the centre crop).</summary>
    private static void WriteIdx(string folder, string prefix, int count, int seed)
    {
        var pixels = new byte[count * 784];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)((i + seed) % 10);
            for (int r = 6; r < 22; r++) pixels[i * 784 + r * 28 + 4 + 2 * labels[i]] = 255;
        }
        Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), 0x0803, [count, 28, 28], pixels);
        Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), 0x0801, [count], labels);
    }

    private static void Write(string path, int magic, int[] dims, byte[] data)
    {
        var header = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int d = 0; d < dims.Length; d++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), dims[d]);
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(header);
        gz.Write(data);
    }
}

using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>rosenblatt mlp --data</c>: the same network and trainer on a CSV file instead of a gate.</summary>
public sealed class MlpCsvCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string XorCsv() => _files.Write("xor.csv", "x1,x2,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n");

    /// <summary>Three clusters of 12 points each, labelled red/green/blue, with a third noise column.</summary>
    private string ThreeClassCsv()
    {
        var lines = new List<string> { "a,b,noise,kind" };
        (double X, double Y, string Name)[] centers = [(0, 2, "red"), (2, -2, "green"), (-2, -2, "blue")];
        for (int i = 0; i < 36; i++)
        {
            var c = centers[i % 3];
            double dx = ((i * 7) % 11 - 5) / 20.0, dy = ((i * 5) % 13 - 6) / 20.0;
            lines.Add(FormattableString.Invariant($"{c.X + dx},{c.Y + dy},{(i * 3 % 10) / 10.0},{c.Name}"));
        }
        return _files.Write("three.csv", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Data_Xor_LearnsEveryRowAndPrintsTheCurveAndPredictions()
    {
        var run = CliRun.Of("mlp", "--data", XorCsv(), "--optimizer", "adam", "--lr", "0.1", "--epochs", "500");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string[] lines = run.Out.Split('\n');
        Assert.Equal("MLP 2-8-1 on xor: 4 rows, 2 features, classes no, yes", lines[0]);
        Assert.Contains("│ epoch │ loss ", run.Out);
        Assert.Contains(lines, l => l.StartsWith("│ 500 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ 2   │", StringComparison.Ordinal) && l.Contains("│ yes    │ yes       │ ✓", StringComparison.Ordinal));
        Assert.Contains("4/4 rows correct (100%)", run.Out);
    }

    [Fact]
    public void Data_ThreeClassesWithSoftmax_Json_PredictsEveryRow()
    {
        var run = CliRun.Of("mlp", "--data", ThreeClassCsv(), "--label", "kind", "--layers", "3,8,3", "--output-activation", "softmax",
            "--loss", "categorical_crossentropy", "--optimizer", "adam", "--lr", "0.05", "--epochs", "150", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(["blue", "green", "red"], root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(36, root.GetProperty("predictions").GetArrayLength());
        Assert.Equal(150, root.GetProperty("lossCurve").GetArrayLength());
        Assert.Equal(1.0, root.GetProperty("accuracy").GetDouble());
        Assert.All(root.GetProperty("predictions").EnumerateArray(), p => Assert.Equal(1.0, p.GetProperty("output").EnumerateArray().Sum(v => v.GetDouble()), 4));
    }

    [Fact]
    public void Data_WithIdentityOutput_IsRegression()
    {
        var rows = Enumerable.Range(0, 30).Select(i => -2 + 4.0 * i / 29).Select(x => FormattableString.Invariant($"{x},{2 * x + 1}"));
        string path = _files.Write("line.csv", "x,y\n" + string.Join('\n', rows) + "\n");
        var run = CliRun.Of("mlp", "--data", path, "--activation", "tanh", "--output-activation", "identity",
            "--optimizer", "adam", "--lr", "0.05", "--epochs", "300", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("classes").ValueKind);
        Assert.Equal("1-8-1", root.GetProperty("shape").GetString());
        double mse = root.GetProperty("meanSquaredError").GetDouble();
        Assert.True(mse < 0.01, $"mean squared error {mse}");
        Assert.True(root.GetProperty("finalLoss").GetDouble() < root.GetProperty("lossCurve")[0].GetProperty("loss").GetDouble());
    }

    [Fact]
    public void Data_ThreeClassesIntoOneSigmoidUnit_ExitsOne_NamingTheClassesAndTheFix()
    {
        string line = CliRun.Of("mlp", "--data", ThreeClassCsv(), "--layers", "3,8,1").UserErrorLine();
        Assert.StartsWith("error: --layers ends with 1 output but three has 3 classes (blue, green, red) (received '3,8,1'). help: end with one unit per class, e.g. --layers 3,8,3", line);
    }

    [Theory]
    [InlineData("--layers 3,4,1", "error: --layers starts with 3 inputs but xor has 2 features (received '3,4,1'). help:")]
    [InlineData("--layers 2,4,3", "error: --layers ends with 3 outputs but xor has 2 classes (no, yes) (received '2,4,3'). help: end with 1")]
    [InlineData("--gate and", "error: both --gate (and) and --data (")]
    [InlineData("--batch -2", "error: --batch must be at least 1 (received -2).")]
    public void Data_BadInput_ExitsOne_WithOneClearLine(string args, string expected)
    {
        string line = CliRun.Of(["mlp", "--data", XorCsv(), .. args.Split(' ')]).UserErrorLine();
        Assert.StartsWith(expected, line);
    }

    [Fact]
    public void Data_MissingFile_IsAUserError() =>
        Assert.Contains("missing.csv", CliRun.Of("mlp", "--data", _files.PathOf("missing.csv")).UserErrorLine());
}

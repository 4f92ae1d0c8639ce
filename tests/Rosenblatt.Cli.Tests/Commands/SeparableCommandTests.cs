using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public sealed class SeparableCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Xor_PrintsTheCertificateTableAndTheSentence()
    {
        var run = CliRun.Of("separable", "--gate", "xor");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ 1 vs 0  │ not separable │ exact check │", run.Out);
        Assert.Contains("│ 0     │ 0   │ [0, 0] │ 1/2    │", run.Out);
        Assert.Contains("│ 0     │ 3   │ [1, 1] │ 1/2    │", run.Out);
        Assert.Contains("│ 1     │ 1   │ [0, 1] │ 1/2    │", run.Out);
        Assert.Contains("│ 1     │ 2   │ [1, 0] │ 1/2    │", run.Out);
        Assert.Contains("Both weighted averages equal [0.5, 0.5] (exactly [1/2, 1/2]).", run.Out);
        string text = string.Join(" ", run.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("(0.5, 0.5) is the average of (0, 0) and (1, 1) (labelled 0) and also of (0, 1) and (1, 0) (labelled 1), so no line can put the two classes on different sides", text);
    }

    [Fact]
    public void And_PrintsTheHyperplaneItsMarginAndTheBound()
    {
        var run = CliRun.Of("separable", "--gate", "and");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ 1 vs 0  │ separable │ exact check │", run.Out);
        Assert.Contains("│ [2, 2] │ -3 │ 0.353553 │ 1.73205 │ 0.242536 │ 0.242536   │ 51     │", run.Out);
        Assert.Contains("2·x₁ + 2·x₂ - 3 is > 0 for every sample labelled 1", run.Out);
    }

    [Fact]
    public void Json_HasOneResultWithVerdictCertificateAndNoTables()
    {
        var run = CliRun.Of("separable", "--gate", "xnor", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var result = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("notSeparable", result.GetProperty("verdict").GetString());
        Assert.True(result.GetProperty("exact").GetBoolean());
        Assert.Equal(["1/2", "1/2"], result.GetProperty("certificate").GetProperty("exactCommonPoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("hyperplane").ValueKind);
        Assert.DoesNotContain("│", run.Out);
    }

    [Fact]
    public void Data_WithThreeClasses_ChecksEachAgainstTheRest()
    {
        string path = _files.Write("three.csv", "x,label\n0,a\n1,a\n2,b\n3,b\n4,c\n5,c\n");
        var run = CliRun.Of("separable", "--data", path, "--label", "label");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ a vs rest │ separable     │ exact check │", run.Out);
        Assert.Contains("│ b vs rest │ not separable │ exact check │", run.Out);
        Assert.Contains("no threshold can put the two classes on different sides", string.Join(" ", run.Out.Split('\n', StringSplitOptions.TrimEntries)));

        using var doc = JsonDocument.Parse(CliRun.Of("separable", "--data", path, "--json").Out);
        Assert.Equal(["separable", "notSeparable", "separable"],
            doc.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void Data_WithOneClass_IsAUserErrorWithTheFix()
    {
        string path = _files.Write("one-class.csv", "0,0,a\n1,1,a\n");
        CliRun.Of("separable", "--data", path).UserErrorLine();
    }

    [Fact]
    public void UnknownGate_IsAUserErrorNamingTheGate()
    {
        Assert.Contains("xorr", CliRun.Of("separable", "--gate", "xorr").UserErrorLine());
    }

    [Fact]
    public void MissingFile_IsAUserErrorAndJsonErrorsAreJson()
    {
        var run = CliRun.Of("separable", "--data", "/nonexistent/file.csv", "--json");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Err);
        Assert.Equal(ExitCodes.UserError, doc.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void UnknownOption_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRun.Of("separable", "--gates", "xor").ExitCode);
}

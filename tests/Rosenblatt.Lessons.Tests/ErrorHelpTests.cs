using Rosenblatt.Lessons.Explaining;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Tests;

/// <summary>The plain-English help texts themselves: every compiler entry fills in cleanly, and positions are marked under the learner's line.</summary>
public sealed class ErrorHelpTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in CompilerErrorHelp.KnownCodes) data.Add(code);
        return data;
    }

    [Fact]
    public void CompilerHelp_CoversTheThirtyOrSoCommonestBeginnerErrors()
    {
        string[] named = ["CS0103", "CS1002", "CS0029", "CS0266", "CS1503", "CS0161", "CS0165", "CS0246", "CS1061", "CS0120"];
        Assert.All(named, code => Assert.Contains(code, CompilerErrorHelp.KnownCodes));
        Assert.InRange(CompilerErrorHelp.KnownCodes.Count, 30, 60);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void CompilerHelp_FillsTheQuotedNamesIn_WithNoPlaceholderLeft(string code)
    {
        var diagnostic = new CompilerDiagnostic(code, "Something about 'first' and 'second' and 'third'", 1, 5, 3);
        var help = CompilerErrorHelp.Explain(diagnostic, "cell", "int first = 1;");
        Assert.DoesNotContain("{0}", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{1}", help.Text, StringComparison.Ordinal);
        Assert.EndsWith($"({code})", help.Title, StringComparison.Ordinal);
        Assert.Equal("int first = 1;", help.Quote);
        Assert.Equal("    ^^^", help.Marker);
    }

    [Fact]
    public void UnknownCompilerCode_GetsAGeneralTextWithTheCompilersMessage()
    {
        var help = CompilerErrorHelp.Explain(new CompilerDiagnostic("CS9999", "Something rare", 2, 1, 1), "cell", "a\nb");
        Assert.Contains("Something rare", help.Text, StringComparison.Ordinal);
        Assert.Equal("b", help.Quote);
    }

    [Fact]
    public void RuntimeHelp_ForALibraryError_ShowsItsMessageAsIs()
    {
        string message = "learningRate must be > 0 (received -0.1). help: typical values are 0.001 to 1.";
        var help = RuntimeErrorHelp.Explain(new CellException("System.ArgumentOutOfRangeException", message, 3, false), "cell", "a\nb\nc");
        Assert.Equal("library", help.Kind);
        Assert.Equal(message, help.Text);
    }
}

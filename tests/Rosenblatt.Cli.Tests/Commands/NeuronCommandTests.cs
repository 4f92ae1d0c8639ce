using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class NeuronCommandTests
{
    // The seed tutorial's AND neuron at the test console's 100 columns, no colour. Exact compare: any change
    // to the table layout, number format or trace shows up here in review.
    private const string DefaultOutput = """
        Neuron: w = [1, 1], b = -1.5, activation step
        ╭────────┬────────────────────────────────────────────┬────────┬────────┬─────╮
        │ input  │ trace                                      │ output │ target │ ✓/✗ │
        ├────────┼────────────────────────────────────────────┼────────┼────────┼─────┤
        │ [0, 0] │ 0·1 + 0·1 + (-1.5) = -1.5 → step(-1.5) = 0 │ 0      │ 0      │ ✓   │
        │ [0, 1] │ 0·1 + 1·1 + (-1.5) = -0.5 → step(-0.5) = 0 │ 0      │ 0      │ ✓   │
        │ [1, 0] │ 1·1 + 0·1 + (-1.5) = -0.5 → step(-0.5) = 0 │ 0      │ 0      │ ✓   │
        │ [1, 1] │ 1·1 + 1·1 + (-1.5) = 0.5 → step(0.5) = 1   │ 1      │ 1      │ ✓   │
        ╰────────┴────────────────────────────────────────────┴────────┴────────┴─────╯
        4/4 rows match AND
        """;

    [Fact]
    public void Default_PrintsTheSeedsAndNeuron_TracedRowByRow()
    {
        var run = CliRun.Of("neuron");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Equal(DefaultOutput + "\n", run.Out);
    }

    [Fact]
    public void Json_WritesOneDocument_WithTracesTargetsAndMatches()
    {
        var run = CliRun.Of("neuron", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("and", root.GetProperty("gate").GetString());
        Assert.Equal([1.0, 1.0], root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(-1.5, root.GetProperty("bias").GetDouble());
        Assert.Equal("step", root.GetProperty("activation").GetString());
        Assert.Equal(4, root.GetProperty("matches").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        var oneZero = rows[2];
        Assert.Equal([1.0, 0.0], oneZero.GetProperty("input").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1.0, 0.0], oneZero.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("product").GetDouble()));
        Assert.Equal(-0.5, oneZero.GetProperty("sum").GetDouble());
        Assert.Equal(0, oneZero.GetProperty("output").GetDouble());
        Assert.Equal(0, oneZero.GetProperty("target").GetInt32());
        Assert.Equal(1, rows[3].GetProperty("output").GetDouble());
        Assert.DoesNotContain("╭", run.Out);
    }

    [Fact]
    public void Input_TracesOnlyThatRow()
    {
        var run = CliRun.Of("neuron", "--input", "1,0");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1·1 + 0·1 + (-1.5) = -0.5 → step(-0.5) = 0", run.Out);
        Assert.DoesNotContain("│ [1, 1]", run.Out);
        Assert.Contains("1/1 rows match AND", run.Out);
    }

    [Fact]
    public void Sigmoid_OnXor_ShowsProbabilitiesAndMisses()
    {
        var run = CliRun.Of("neuron", "--gate", "xor", "--activation", "sigmoid");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("sigmoid(0.5) = 0.622459", run.Out);
        Assert.Contains("rows match XOR", run.Out);
        Assert.Contains("✗", run.Out);
    }

    [Fact]
    public void WeightsNotMatchingTheGate_ExitsOne_NamingWeightsAndBothCounts()
    {
        var run = CliRun.Of("neuron", "--weights", "1,1,1");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(
            "error: --weights has 3 values but gate 'and' has 2 inputs (received '1,1,1'). " +
            "help: pass one weight per input, e.g. --weights 1,1, or choose a gate with 3 inputs, e.g. --gate and3.\n",
            run.Err);
    }

    [Fact]
    public void UnknownGate_ExitsOne_WithTheLibrarysMessage()
    {
        var run = CliRun.Of("neuron", "--gate", "nope");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Equal(
            "error: 'nope' is not a known gate. help: use and, or, nand, nor, xor, xnor, or andN, orN, parityN with N inputs (e.g. parity3).\n",
            run.Err);
    }

    [Fact]
    public void BiasNotANumber_ExitsTwo()
    {
        var run = CliRun.Of("neuron", "--bias", "abc");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'abc'", run.Err);
        Assert.Contains("--bias", run.Err);
    }

    [Fact]
    public void WeightsWithABadToken_ExitsTwo_NamingTheOptionAndTheToken()
    {
        var run = CliRun.Of("neuron", "--weights", "1,x");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --weights value 'x' is not a number (received '1,x'). help:", run.Err);
    }

    [Fact]
    public void UnknownActivation_ExitsTwo()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Of("neuron", "--activation", "relu").ExitCode);
    }

    [Fact]
    public void Help_ShowsTheVectorDefaultAsTyped()
    {
        var run = CliRun.Of("neuron", "--help");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("[default: 1,1]", run.Out);
    }
}

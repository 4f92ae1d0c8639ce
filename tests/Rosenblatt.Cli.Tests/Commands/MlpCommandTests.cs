using System.Text.Json;
using Rosenblatt.Cli;
using Rosenblatt.Cli.Commands;

namespace Rosenblatt.Cli.Tests.Commands;

public class MlpCommandTests
{
    /// <summary>Seed 002 exactly as the tutorial runs it.</summary>
    private static readonly string[] SeedTwo =
        ["mlp", "--gate", "xor", "--layers", "2,4,1", "--activation", "sigmoid", "--lr", "1.0", "--epochs", "10000", "--seed", "42", "--numpy-init"];

    /// <summary>What NumPy computes for seed 002 (float64; Rosenblatt trains in float32).</summary>
    private static readonly double[] NumPyPredictions = [0.0298, 0.9748, 0.9747, 0.0250];

    [Fact]
    public void SeedTwo_Json_ReplaysNumPysPredictionsAndFinalLoss()
    {
        var run = CliRun.Of([.. SeedTwo, "--json"]);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        double[] outputs = [.. root.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("output")[0].GetDouble())];
        Assert.Equal(4, outputs.Length);
        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(outputs[i] - NumPyPredictions[i]) < 1e-3, $"prediction {i}: {outputs[i]} vs NumPy {NumPyPredictions[i]}");
        Assert.True(Math.Abs(root.GetProperty("finalLoss").GetDouble() - 6.965e-4) < 1e-6);
        Assert.Equal(0.5, root.GetProperty("settings").GetProperty("effectiveLearningRate").GetDouble());
        Assert.Equal(1.0, root.GetProperty("settings").GetProperty("learningRate").GetDouble());
        Assert.StartsWith("note: --numpy-init trains with lr/2 = 0.5", root.GetProperty("note").GetString());
    }

    [Fact]
    public void SeedTwo_Table_PrintsTheNoteTheCurveThePredictionsAndNumPysRoundedArray()
    {
        var run = CliRun.Of(SeedTwo);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Err);
        string[] lines = run.Out.Split('\n');
        Assert.Equal("MLP 2-4-1 on XOR: sigmoid activation, mse loss, sgd lr 1, full batch", lines[0]);
        Assert.Equal("10000 epochs, seed 42, initial weights: numpy (np.random.seed(42); randn × 0.5; biases 0)", lines[1]);
        Assert.StartsWith("note: --numpy-init trains with lr/2 = 0.5: the NumPy scripts back-propagate the gradient of", lines[2]);
        Assert.Contains("½·mean((a−y)²) while printing mean((a−y)²), and Rosenblatt's MSE gradient is 2(a−y)/N.", run.Out.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("│ 1     │ 0.2557    │ 50%      │", lines);
        Assert.Contains("│ 10000 │ 0.0006965 │ 100%     │", lines);
        Assert.Contains("│ [0, 0] │ 0.0298 │ 0      │ ✓   │", lines);
        Assert.Contains("│ [1, 1] │ 0.025  │ 0      │ ✓   │", lines);
        Assert.Contains("final loss 0.0006965 (epoch 10000); 4/4 rows correct", lines);
        Assert.Contains("rounded as NumPy prints them: [0.03 0.97 0.97 0.03]", lines);
    }

    [Fact]
    public void Default_PrintsElevenCurveRows_EpochOneThenEveryThousand()
    {
        var run = CliRun.Of("mlp");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        int[] epochs = [.. run.Out.Split('\n')
            .TakeWhile(l => !l.StartsWith("│ input", StringComparison.Ordinal))
            .Where(l => l.StartsWith("│ ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => int.Parse(l.Split('│')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal([1, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000], epochs);
        Assert.Contains("4/4 rows correct", run.Out);
        Assert.DoesNotContain("note:", run.Out);
    }

    [Fact]
    public void Adam_OnXor_LearnsAllFourRows()
    {
        var run = CliRun.Of("mlp", "--optimizer", "adam", "--lr", "0.1", "--epochs", "1000", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(4, doc.RootElement.GetProperty("correct").GetInt32());
        Assert.All(doc.RootElement.GetProperty("predictions").EnumerateArray(), p => Assert.True(p.GetProperty("correct").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("note").ValueKind);
    }

    [Fact]
    public void Nesterov_OnXor_LearnsAllFourRowsAndSaysWhichMomentum()
    {
        var run = CliRun.Of("mlp", "--optimizer", "nesterov", "--lr", "0.5", "--epochs", "2000");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("MLP 2-4-1 on XOR: sigmoid activation, mse loss, nesterov (momentum 0.9) lr 0.5, full batch", run.Out);
        Assert.Contains("4/4 rows correct", run.Out);
    }

    [Fact]
    public void L2_ShowsInTheSettingsAndRaisesTheFinalLoss()
    {
        string[] args = ["mlp", "--optimizer", "momentum", "--lr", "0.5", "--epochs", "2000", "--json"];
        using var plain = JsonDocument.Parse(CliRun.Of(args).Out);
        using var decayed = JsonDocument.Parse(CliRun.Of([.. args, "--l2", "0.001"]).Out);
        Assert.Equal(0.001, decayed.RootElement.GetProperty("settings").GetProperty("l2").GetDouble());
        // The data loss is what the curve reports; weight decay trades some of it for smaller weights.
        Assert.True(decayed.RootElement.GetProperty("finalLoss").GetDouble() > plain.RootElement.GetProperty("finalLoss").GetDouble());
    }

    [Fact]
    public void SoftmaxWithTwoOutputs_TrainsOnOneHotTargets()
    {
        var run = CliRun.Of("mlp", "--layers", "2,4,2", "--output-activation", "softmax", "--loss", "categorical_crossentropy",
            "--optimizer", "adam", "--lr", "0.1", "--epochs", "500");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ input  │ outputs          │ target │ ✓/✗ │", run.Out);
        Assert.Contains("4/4 rows correct", run.Out);
        Assert.DoesNotContain("rounded as NumPy", run.Out);
    }

    [Fact]
    public void Diverging_ExitsOne_WithTheTrainersAdvice()
    {
        string line = CliRun.Of("mlp", "--lr", "10", "--activation", "relu", "--output-activation", "identity").UserErrorLine();
        Assert.StartsWith("error: Training diverged in epoch ", line);
        Assert.Contains("lower the learning rate (it is 10; try 1)", line);
    }

    [Theory]
    [InlineData("--layers 3,4,1", "error: --layers starts with 3 inputs but gate 'xor' has 2 (received '3,4,1'). help: start with the gate's input count, e.g. --layers 2,4,1.")]
    [InlineData("--layers 2", "error: --layers needs at least an input and an output size (received '2').")]
    [InlineData("--layers 2,4,3", "error: --layers ends with 3 outputs but gate 'xor' has one 0/1 target (received '2,4,3').")]
    [InlineData("--gate and3", "error: --layers starts with 2 inputs but gate 'and3' has 3 (received '2,4,1'). help: start with the gate's input count, e.g. --layers 3,4,1.")]
    [InlineData("--activation step", "error: Layer Dense(4, step) uses the step activation, which has no gradient")]
    [InlineData("--layers 2,4,2 --output-activation softmax --loss binary_crossentropy", "error: binary cross-entropy needs a sigmoid output layer, but the output activation is softmax.")]
    [InlineData("--loss categorical_crossentropy", "error: categorical cross-entropy needs a softmax output layer, but the output activation is sigmoid.")]
    [InlineData("--optimizer adam --momentum 0.9", "error: --momentum applies to sgd, momentum and nesterov only")]
    [InlineData("--init normal:abc", "error: --init: 'normal:abc' has 'abc' after the colon, which is not a finite number.")]
    [InlineData("--init constant", "error: --init: 'constant' needs its value.")]
    [InlineData("--init swish", "error: --init: 'swish' is not a known initializer.")]
    [InlineData("--l2 -0.1", "error: --l2 must be at least 0 and below 1 (received -0.1).")]
    [InlineData("--momentum 1.5", "error: --momentum must be at least 0 and below 1 (received 1.5).")]
    [InlineData("--init he --numpy-init", "error: --init he and --numpy-init both choose the starting weights.")]
    [InlineData("--lr 0", "error: --lr must be > 0 and at most 10 (received 0).")]
    [InlineData("--lr 11", "error: --lr must be > 0 and at most 10 (received 11).")]
    [InlineData("--epochs 0", "error: --epochs must be 1 to 1000000 (received 0).")]
    [InlineData("--epochs 2000000000", "error: --epochs must be 1 to 1000000 (received 2000000000).")]
    [InlineData("--batch -1", "error: --batch must be at least 1 (received -1).")]
    [InlineData("--batch 0", "error: --batch must be at least 1 (received 0). help: leave --batch out to train on the whole table in every step (full batch)")]
    [InlineData("--gate nope", "error: 'nope' is not a known gate.")]
    public void BadInput_ExitsOne_WithOneClearLine(string args, string expected)
    {
        string line = CliRun.Of(["mlp", .. args.Split(' ')]).UserErrorLine();
        Assert.StartsWith(expected, line);
    }

    [Theory]
    [InlineData("--layers 2,x,1", "--layers value 'x' is not a layer size (received '2,x,1')")]
    [InlineData("--layers 2,0,1", "--layers value '0' is not a layer size")]
    [InlineData("--activation nope", "'nope'")]
    [InlineData("--optimizer rmsprop", "'rmsprop'")]
    [InlineData("--epochs many", "'many'")]
    public void Unparsable_ExitsTwo(string args, string expected)
    {
        var run = CliRun.Of(["mlp", .. args.Split(' ')]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Err);
    }

    [Fact]
    public void Json_HasSettingsEveryEpochFinalLossAndPredictions()
    {
        var run = CliRun.Of("mlp", "--gate", "and", "--epochs", "300", "--batch", "2", "--seed", "7", "--init", "uniform", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        var settings = root.GetProperty("settings");
        Assert.Equal("and", settings.GetProperty("gate").GetString());
        Assert.Equal([2, 4, 1], settings.GetProperty("layers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, settings.GetProperty("batch").GetInt32());
        Assert.True(settings.GetProperty("shuffle").GetBoolean());
        Assert.Equal("uniform", settings.GetProperty("init").GetString());
        Assert.Equal("2-4-1", root.GetProperty("shape").GetString());
        var curve = root.GetProperty("lossCurve").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, 300), curve.Select(p => p.GetProperty("epoch").GetInt32()));
        Assert.Equal(curve[^1].GetProperty("loss").GetDouble(), root.GetProperty("finalLoss").GetDouble());
        Assert.Equal(JsonValueKind.Number, curve[0].GetProperty("accuracy").ValueKind);
        var rows = root.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal([1.0, 1.0], rows[3].GetProperty("input").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1, rows[3].GetProperty("target").GetInt32());
        Assert.DoesNotContain("╭", run.Out);
    }

    [Fact]
    public void SameSeed_ShuffledMiniBatches_GiveTheSameDocument()
    {
        string[] args = ["mlp", "--epochs", "200", "--batch", "1", "--seed", "3", "--json"];
        Assert.Equal(CliRun.Of(args).Out, CliRun.Of(args).Out);
    }

    [Theory]
    [InlineData(10_000, new[] { 1, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000 })]
    [InlineData(15, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 })]
    [InlineData(305, new[] { 1, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300, 305 })]
    [InlineData(40, new[] { 1, 5, 10, 15, 20, 25, 30, 35, 40 })]
    public void SampleCurve_KeepsEpochOneRoundStepsAndTheLast(int epochs, int[] expected)
    {
        var curve = Enumerable.Range(1, epochs).Select(e => new MlpCommand.CurvePoint(e, 1.0 / e, null)).ToArray();
        Assert.Equal(expected, MlpCommand.SampleCurve(curve).Select(p => p.Epoch));
    }
}

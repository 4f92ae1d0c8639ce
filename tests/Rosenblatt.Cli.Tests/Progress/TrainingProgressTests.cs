using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Cli.Tests.Progress;

public class TrainingProgressTests
{
    private static (string Out, TrainingHistory History) Run(int epochs, bool json = false, CancellationToken cancellation = default, TrainerOptions? options = null)
    {
        var stdout = new StringWriter();
        var cli = new CliContext(CliApp.PlainConsole(stdout), stdout, new StringWriter(), cancellation, new ManualClock());
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed: 3);
        var trainer = new Trainer(options ?? new TrainerOptions { Epochs = epochs, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
        var history = TrainingProgress.Run(cli, json, "xor 2-4-1", epochs, (progress, token) =>
            trainer.Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05), Matrix.FromRows(LogicGate.Xor.X),
                new Matrix(4, 1, [0, 1, 1, 0]), progress: progress, cancellationToken: token));
        return (stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), history);
    }

    [Fact]
    public void Plain_ShortRun_PrintsOneLinePerEpochWithLossAndAccuracy()
    {
        var (output, history) = Run(5);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("epoch 1/5  loss ", lines[0]);
        Assert.Contains("accuracy ", lines[0]);
        Assert.Contains("left", lines[0]);
        Assert.StartsWith("epoch 5/5  loss ", lines[4]);
        Assert.DoesNotContain("left", lines[4]);
        Assert.Equal(5, history.Epochs.Count);
    }

    [Fact]
    public void Plain_LongRun_IsThinnedToAboutTwentyLinesWithFirstAndLast()
    {
        var (output, _) = Run(200);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.InRange(lines.Length, 15, TrainingProgress.PlainLines + 1);
        Assert.StartsWith("epoch   1/200", lines[0]);
        Assert.StartsWith("epoch 200/200", lines[^1]);
    }

    [Fact]
    public void Json_PrintsNothingWhileTraining()
    {
        var (output, history) = Run(5, json: true);
        Assert.Equal("", output);
        Assert.Equal(5, history.Epochs.Count);
    }

    [Fact]
    public void Cancelled_StopsAfterTheFirstBatch_AndSaysWhichWeightsWereKept()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var (output, history) = Run(50, cancellation: source.Token);
        Assert.True(history.Cancelled);
        Assert.Single(history.Epochs);
        Assert.StartsWith("epoch  1/50", output);
        string ending = TrainingProgress.Ending(history)!;
        Assert.Contains("Ctrl+C during epoch 1 of 50", ending);
        Assert.Contains("kept the weights of epoch 1", ending);
    }

    [Fact]
    public void Ending_OfACompleteRun_IsNull()
    {
        var (_, history) = Run(3, options: new TrainerOptions { Epochs = 3, BatchSize = TrainerOptions.FullBatch, Shuffle = false, RestoreBestWeights = false });
        Assert.Null(TrainingProgress.Ending(history));
    }

    [Fact]
    public void Interactive_DrawsALiveBarEndingAtTheLastEpoch()
    {
        var stdout = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(stdout),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
        });
        var cli = new CliContext(console, stdout, new StringWriter());
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed: 3);
        var history = TrainingProgress.Run(cli, json: false, "xor 2-4-1", 20, (progress, token) =>
            new Trainer(new TrainerOptions { Epochs = 20, BatchSize = TrainerOptions.FullBatch }).Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05),
                Matrix.FromRows(LogicGate.Xor.X), new Matrix(4, 1, [0, 1, 1, 0]), progress: progress, cancellationToken: token));
        Assert.Equal(20, history.Epochs.Count);
        Assert.Contains("epoch 20/20", stdout.ToString());
        Assert.Contains("100%", stdout.ToString());
    }

    [Fact]
    public void Line_WithValidation_ShowsValidationFigures()
    {
        var record = new EpochRecord(3, 10, 0.25, 0.9, 0.3, 0.875, 0.01, TimeSpan.FromSeconds(1.5));
        Assert.Equal("epoch  3/10  loss 0.25  accuracy 90.00%  val loss 0.3  val accuracy 87.50%  1.5s, about 3.5s left", TrainingProgress.Line(record));
    }
}

/// <summary>The live bar fits 80 columns and shows one clock.</summary>
public class LiveBarWidthTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(200)]
    public void Interactive_EveryDrawnLineFitsEightyColumns_WithOneClock(int width)
    {
        var stdout = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(stdout),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.Yes,
        });
        console.Profile.Width = width;
        var cli = new CliContext(console, stdout, new StringWriter());
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed: 3);
        var (x, y) = (Matrix.FromRows(LogicGate.Xor.X), new Matrix(4, 1, [0, 1, 1, 0]));
        // Long figures: a six-digit epoch count, validation loss and accuracy.
        TrainingProgress.Run(cli, json: false, "a data set with a long name 2-4-1", 100_000, (progress, token) =>
            new Trainer(new TrainerOptions { Epochs = 3, BatchSize = TrainerOptions.FullBatch }).Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05),
                x, y, validation: (x, y), progress: new SyncProgress<EpochRecord>(e => progress.Report(e with { TotalEpochs = 100_000 })), cancellationToken: token));
        string plain = System.Text.RegularExpressions.Regex.Replace(stdout.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]", "");
        string[] lines = [.. plain.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(l => l.Trim().Length > 0)];
        Assert.Contains(lines, l => l.Contains("epoch 3/100000", StringComparison.Ordinal));
        foreach (string line in lines)
        {
            Assert.True(line.TrimEnd().Length <= 80, $"{line.TrimEnd().Length} columns: '{line}'");
            Assert.True(System.Text.RegularExpressions.Regex.Matches(line, @"\d+(\.\d)?s\b|\d\d:\d\d:\d\d").Count <= 1, $"two clocks: '{line}'");
        }
    }
}

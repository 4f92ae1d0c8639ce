using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Cli.Tests.Progress;

/// <summary>Plain-mode training output on a manual clock: lines within a long epoch, and thinned epochs that are not left
/// more than a second apart. No test sleeps; the clock moves when a batch is reported.</summary>
public class PlainTrainingPauseTests
{
    /// <summary>Trains XOR one row per batch (four batches an epoch) in plain mode on a manual clock that each batch moves on
    /// by <paramref name="perBatch"/>, as if every batch took that long.</summary>
    private static string[] PlainWithSlowBatches(int epochs, TimeSpan perBatch)
    {
        var stdout = new StringWriter();
        var clock = new ManualClock();
        var cli = new CliContext(CliApp.PlainConsole(stdout), stdout, new StringWriter(), default, clock);
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed: 3);
        var trainer = new Trainer(new TrainerOptions { Epochs = epochs, BatchSize = 1, Shuffle = false, RestoreBestWeights = false });
        TrainingProgress.Run(cli, json: false, "xor 2-4-1", epochs, (progress, token) =>
            trainer.Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05), Matrix.FromRows(LogicGate.Xor.X),
                new Matrix(4, 1, [0, 1, 1, 0]), progress: new SlowBatches(progress, clock, perBatch), cancellationToken: token));
        return stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
    }

    /// <summary>Moves the clock before passing each batch on, then behaves as the progress it wraps.</summary>
    private sealed class SlowBatches(IProgress<EpochRecord> inner, ManualClock clock, TimeSpan perBatch) : IProgress<EpochRecord>, IProgress<BatchRecord>
    {
        public void Report(EpochRecord value) => inner.Report(value);

        public void Report(BatchRecord value)
        {
            clock.Advance(perBatch);
            ((IProgress<BatchRecord>)inner).Report(value);
        }
    }

    [Fact]
    public void Plain_ALongEpoch_PrintsWhereItIsAfterASecondWithoutALine()
    {
        string[] lines = PlainWithSlowBatches(1, TimeSpan.FromSeconds(0.3));
        Assert.Equal(2, lines.Length);
        Assert.Equal("epoch 1/1   75%  (batch 3/4)  0.9s", lines[0]);
        Assert.StartsWith("epoch 1/1  loss ", lines[1]);
    }

    [Fact]
    public void Plain_FastBatches_PrintExactlyTheEpochLines()
    {
        string[] lines = PlainWithSlowBatches(3, TimeSpan.FromSeconds(0.05));
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.DoesNotContain("(batch", line));
    }

    [Fact]
    public void Plain_ThinnedEpochsOfAFewTenthsOfASecond_ArePrintedOftenEnoughThatNoSecondIsSilent()
    {
        // 200 epochs would be thinned to every 10th; each takes 0.4 s here, so every 10th alone would leave 4 s gaps.
        string[] lines = PlainWithSlowBatches(200, TimeSpan.FromSeconds(0.1));
        Assert.All(lines, line => Assert.DoesNotContain("(batch", line));
        int[] printed = [.. lines.Select(l => int.Parse(l["epoch ".Length..l.IndexOf('/')].Trim(), System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(1, printed[0]);
        Assert.Equal(200, printed[^1]);
        Assert.All(printed.Zip(printed.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1, 2));
    }

    [Fact]
    public void Plain_SilenceBeforeTheFirstBatch_GetsHeartbeatLinesNamingTheRun()
    {
        var stdout = new StringWriter();
        var clock = new ManualClock();
        var cli = new CliContext(CliApp.PlainConsole(stdout), stdout, new StringWriter(), default, clock);
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed: 3);
        var trainer = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 4, Shuffle = false });
        TrainingProgress.Run(cli, json: false, "xor 2-4-1", 1, (progress, token) =>
        {
            clock.Advance(TimeSpan.FromSeconds(2)); // an estimator's checks and copies, before it calls the trainer
            return trainer.Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05), Matrix.FromRows(LogicGate.Xor.X),
                new Matrix(4, 1, [0, 1, 1, 0]), progress: progress, cancellationToken: token);
        });
        string[] lines = stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Assert.Equal(["Training xor 2-4-1 ... 0.9s", "Training xor 2-4-1 ... 1.8s"], lines[..2]);
        Assert.StartsWith("epoch 1/1  loss ", lines[2]);
        Assert.Equal(3, lines.Length);
    }
}

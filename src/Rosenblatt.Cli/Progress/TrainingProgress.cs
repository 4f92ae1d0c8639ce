using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli.Progress;

/// <summary>Shows a training run as it goes: a live bar on a terminal, plain lines in a pipe or a log, nothing under <c>--json</c>.</summary>
/// <remarks>
/// <para>On an interactive terminal a Spectre.Console progress bar advances once per epoch, its description
/// carrying the latest loss, accuracy, validation figures and the time left (average epoch time × epochs to go).
/// When output is not a terminal (a file, a pipe, a test) the same figures are printed as one line per epoch,
/// thinned to about <see cref="PlainLines"/> lines, always with the first and last epoch; a line where the run is
/// (<see cref="BatchLine"/>) comes after any second without one, and a thinned-out epoch is printed when the next
/// printed one would be more than a second away, so a log never sits silent while an epoch runs.</para>
/// <para>Under <c>--json</c> nothing is printed while training, so stdout stays one JSON document.</para>
/// <para>The trainer reports each epoch (and, to <see cref="TrainingReports"/>, each batch) synchronously from the
/// training thread; <see cref="TrainingReports"/> forwards them directly instead of <see cref="Progress{T}"/>, which would post to a thread pool and could
/// print lines out of order or after the run has ended.</para>
/// </remarks>
internal static class TrainingProgress
{
    /// <summary>About how many lines the plain mode prints for a long run.</summary>
    public const int PlainLines = 20;

    /// <summary>Runs <paramref name="fit"/> with progress shown on <paramref name="cli"/>'s console.</summary>
    /// <param name="cli">The console, the <c>--json</c> choice and the Ctrl+C token.</param>
    /// <param name="json">Whether this invocation writes JSON (then nothing is shown while training).</param>
    /// <param name="title">What is being trained, e.g. <c>digits 64-64-10</c>.</param>
    /// <param name="epochs">The epochs asked for.</param>
    /// <param name="fit">Trains, reporting each epoch to the given progress and stopping when the token is cancelled.</param>
    /// <returns>What <paramref name="fit"/> returned.</returns>
    public static TrainingHistory Run(CliContext cli, bool json, string title, int epochs,
        Func<IProgress<EpochRecord>, CancellationToken, TrainingHistory> fit)
    {
        if (json)
            return fit(new SyncProgress<EpochRecord>(_ => { }), cli.Cancellation);
        if (!cli.Console.Profile.Capabilities.Interactive || !cli.Console.Profile.Capabilities.Ansi)
            return Plain(cli.Console, cli.Clock, title, epochs, fit, cli.Cancellation);

        TrainingHistory? history = null;
        int room = BarDescriptionWidth(cli.Console.Profile.Width);
        cli.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth }, new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(Fit($"{title}: epoch 0/{epochs}", room)), maxValue: epochs);
                // Each batch moves the bar by its share of an epoch, so a long epoch is seen advancing, not only its end.
                history = fit(new TrainingReports(e =>
                {
                    task.Description = Markup.Escape(Fit(BarLine(e), room));
                    task.Value = e.Epoch;
                }, b => task.Value = b.Epoch - 1 + b.Batch / (double)b.BatchesPerEpoch), cli.Cancellation);
                if (history.Epochs.Count == 0 || history.Last.Epoch < epochs)
                    task.StopTask();
            });
        return history!;
    }

    /// <summary>The live bar's own width, in columns.</summary>
    private const int BarWidth = 12;

    /// <summary>The widest line the live bar draws: 80 columns fit any terminal, and a wider one gains nothing from a longer line.</summary>
    public const int MaxBarLine = 80;

    /// <summary>Columns left for the description: the line (at most <see cref="MaxBarLine"/>) less the bar, the percentage
    /// (<c>100%</c>), the one clock (<c>00:00:00</c>) and the spaces between the four columns.</summary>
    /// <param name="consoleWidth">The console's width.</param>
    internal static int BarDescriptionWidth(int consoleWidth) => Math.Max(10, Math.Min(consoleWidth, MaxBarLine) - BarWidth - 4 - 8 - 3 - 1);

    /// <summary>One epoch's figures for the live bar, without a clock (the bar's elapsed-time column is the one clock), e.g.
    /// <c>epoch 3/20 loss 0.2113 acc 93.50% val 0.25 92.10%</c>.</summary>
    /// <param name="e">The epoch.</param>
    public static string BarLine(EpochRecord e)
    {
        var parts = new List<string> { $"epoch {e.Epoch.ToString(CultureInfo.InvariantCulture)}/{e.TotalEpochs.ToString(CultureInfo.InvariantCulture)}", $"loss {CliFormat.Significant(e.Loss, 4)}" };
        if (e.Accuracy is double accuracy)
            parts.Add($"acc {CliFormat.Percent(accuracy)}");
        if (e.ValidationLoss is double valLoss)
            parts.Add($"val {CliFormat.Significant(valLoss, 4)}" + (e.ValidationAccuracy is double va ? $" {CliFormat.Percent(va)}" : ""));
        return string.Join(" ", parts);
    }

    /// <summary><paramref name="text"/> cut to <paramref name="width"/> columns, ending in … when cut.</summary>
    internal static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static TrainingHistory Plain(IAnsiConsole console, TimeProvider clock, string title, int epochs,
        Func<IProgress<EpochRecord>, CancellationToken, TrainingHistory> fit, CancellationToken cancellation)
    {
        int step = Math.Max(1, (int)Math.Ceiling(epochs / (double)PlainLines));
        EpochRecord? lastPrinted = null, last = null;
        long start = clock.GetTimestamp();
        // The heartbeat covers what reports nothing: an estimator's checks and copies before the first batch (seconds on
        // MNIST's double rows), and a validation pass between epochs.
        using var lines = new StatusLines(console.WriteLine, clock, $"Training {title}", announce: false);
        var history = fit(new TrainingReports(e =>
        {
            last = e;
            // A thinned-out epoch is printed anyway when waiting for the next one (an average epoch on this clock) would
            // leave more than a second without a line.
            var averageEpoch = clock.GetElapsedTime(start) / e.Epoch;
            if (e.Epoch == 1 || e.Epoch % step == 0 || e.Epoch == e.TotalEpochs || lines.SinceLastLine + averageEpoch > StatusLines.Silence)
            {
                lines.Print(Line(e));
                lastPrinted = e;
            }
            else
            {
                lines.Alive();
            }
        }, b =>
        {
            if (lines.SinceLastLine >= StatusLines.Silence)
                lines.Print(BatchLine(b, epochs, clock.GetElapsedTime(start)));
            else
                lines.Alive();
        }), cancellation);
        // A run that stopped early or was cancelled ends on an epoch the thinning may have skipped.
        if (last is not null && !ReferenceEquals(last, lastPrinted))
            lines.Print(Line(last));
        return history;
    }

    /// <summary>Where a long epoch is, for the plain mode's line after a second without one, e.g.
    /// <c>epoch 1/1  37%  (batch 694/1875)  1.0s</c>.</summary>
    /// <param name="b">The batch just done.</param>
    /// <param name="epochs">The epochs asked for.</param>
    /// <param name="elapsed">Time since training started.</param>
    public static string BatchLine(BatchRecord b, int epochs, TimeSpan elapsed)
    {
        int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        int percent = (int)(100L * b.Batch / b.BatchesPerEpoch);
        return $"epoch {b.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  {percent.ToString(CultureInfo.InvariantCulture).PadLeft(3)}%  " +
               $"(batch {b.Batch.ToString(CultureInfo.InvariantCulture)}/{b.BatchesPerEpoch.ToString(CultureInfo.InvariantCulture)})  {StatusLines.Seconds(elapsed)}";
    }

    /// <summary>One epoch's figures, e.g. <c>epoch 3/20  loss 0.2113  accuracy 93.5%  val loss 0.25  val accuracy 92.1%  0.4s, about 2.3s left</c>.</summary>
    /// <param name="e">The epoch.</param>
    public static string Line(EpochRecord e)
    {
        int width = e.TotalEpochs.ToString(CultureInfo.InvariantCulture).Length;
        var parts = new List<string>
        {
            $"epoch {e.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{e.TotalEpochs}",
            $"loss {CliFormat.Significant(e.Loss, 4)}",
        };
        if (e.Accuracy is double accuracy)
            parts.Add($"accuracy {CliFormat.Percent(accuracy)}");
        if (e.ValidationLoss is double valLoss)
            parts.Add($"val loss {CliFormat.Significant(valLoss, 4)}");
        if (e.ValidationAccuracy is double valAccuracy)
            parts.Add($"val accuracy {CliFormat.Percent(valAccuracy)}");
        double elapsed = e.Elapsed.TotalSeconds;
        double left = elapsed / e.Epoch * (e.TotalEpochs - e.Epoch);
        parts.Add(e.Epoch == e.TotalEpochs ? Seconds(elapsed) : $"{Seconds(elapsed)}, about {Seconds(left)} left");
        return string.Join("  ", parts);
    }

    /// <summary>How the run ended, when it did not simply run all its epochs: early stopping, Ctrl+C, and which weights were kept.</summary>
    /// <param name="history">The run's history.</param>
    /// <returns>One sentence, or null for a run that completed every epoch with its last weights.</returns>
    public static string? Ending(TrainingHistory history)
    {
        var last = history.Last;
        string kept = history.RestoredBestWeights
            ? $"kept the best weights, from epoch {history.BestEpoch}"
            : history.BestEpoch == last.Epoch
                ? $"kept the weights of epoch {last.Epoch}, the best so far"
                : $"kept the last weights, of epoch {last.Epoch} (the best loss was at epoch {history.BestEpoch})";
        if (history.Cancelled)
            return $"Stopped by Ctrl+C during epoch {last.Epoch} of {last.TotalEpochs}, after the batch in progress; {kept}.";
        if (history.StoppedEarly)
            return $"Stopped early at epoch {last.Epoch} of {last.TotalEpochs}: the monitored loss had not improved since epoch {history.BestEpoch}; {kept}.";
        if (history.RestoredBestWeights)
            return $"Kept the best weights, from epoch {history.BestEpoch} of {last.TotalEpochs}.";
        return null;
    }


    private static string Seconds(double seconds) =>
        seconds < 60 ? seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds < 3600 ? @"m\:ss" : @"h\:mm\:ss", CultureInfo.InvariantCulture);
}

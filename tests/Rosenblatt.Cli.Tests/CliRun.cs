using System.CommandLine;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests;

/// <summary>One in-process run of the CLI: exit code and everything written to stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    /// <summary>Runs with the plain 100-column console and a frozen clock: progress lines that come after a second of silence
    /// never appear, however loaded the machine (tests that want them give a <see cref="Progress.ManualClock"/>).</summary>
    public static CliRun Of(params string[] args) => WithClock(new Progress.ManualClock(), args);

    /// <summary>Runs with the given clock, e.g. one that moves a second at every reading.</summary>
    internal static CliRun WithClock(TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliApp.PlainConsole(stdout), clock: clock);
        return new CliRun(code, Normalize(stdout), Normalize(stderr));
    }

    /// <summary>Runs with a cancellation token, as if Ctrl+C had been pressed (when it is already cancelled).</summary>
    internal static CliRun WithCancellation(CancellationToken cancellation, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliApp.PlainConsole(stdout), cancellation, new Progress.ManualClock());
        return new CliRun(code, Normalize(stdout), Normalize(stderr));
    }

    /// <summary>Runs as if Ctrl+C were pressed the moment stdout first shows <paramref name="trigger"/> (e.g. the training heading,
    /// printed once the data is loaded): the same token the real Ctrl+C handler cancels, cancelled at a known point.</summary>
    internal static CliRun WithCtrlCWhenPrinted(string trigger, params string[] args)
    {
        using var ctrlC = new CancellationTokenSource();
        var stdout = new TriggerWriter(trigger, ctrlC);
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliApp.PlainConsole(stdout), ctrlC.Token, new Progress.ManualClock());
        return new CliRun(code, Normalize(stdout), Normalize(stderr));
    }

    private sealed class TriggerWriter(string trigger, CancellationTokenSource source) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value is not null && value.Contains(trigger, StringComparison.Ordinal))
                source.Cancel();
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value)
        {
            Write(value);
            base.WriteLine();
        }
    }

    /// <summary>Runs with extra commands plugged in, e.g. one that throws on purpose.</summary>
    internal static CliRun With(Func<CliContext, Command> command, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliApp.PlainConsole(stdout), [command], clock: new Progress.ManualClock());
        return new CliRun(code, Normalize(stdout), Normalize(stderr));
    }

    /// <summary>Asserts the run ended as a user error must (exit code 1, nothing on stdout, exactly one
    /// <c>error: …</c> line on stderr that carries a <c>help:</c> fix) and returns that line.</summary>
    public string UserErrorLine()
    {
        Assert.Equal(ExitCodes.UserError, ExitCode);
        Assert.Equal("", Out);
        string line = Assert.Single(Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains("help:", line);
        return line;
    }

    private static string Normalize(StringWriter writer) => writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
}

using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Rosenblatt.Cli.Progress;

/// <summary>Shows a step that takes a while outside the training bar (loading, scaling, evaluating): a live status on a
/// terminal, a plain line otherwise, nothing under <c>--json</c>.</summary>
/// <remarks>
/// <para>Without it a command on MNIST sat silent while 70,000 images loaded and again after the bar reached 100% while
/// 70,000 were scored. On an interactive terminal a Spectre.Console spinner shows <c>Loading mnist…</c> while the step runs
/// and leaves <c>Loaded mnist (0.3 s)</c>; in a pipe or a log the line <c>Loading mnist ...</c> is printed before it starts
/// (a live status there would only add control codes), and again with the time so far after each second of silence
/// (<see cref="StatusLines"/>).</para>
/// <para>Commands call it only for steps that can take long (data-folder image sets, large row counts), so the output of
/// small runs stays as it was.</para>
/// </remarks>
internal static class PhaseStatus
{
    /// <summary>Runs <paramref name="work"/> with a status.</summary>
    /// <typeparam name="T">What the step returns.</typeparam>
    /// <param name="cli">The console.</param>
    /// <param name="json">Whether this invocation writes JSON (then nothing is shown).</param>
    /// <param name="doing">The step, e.g. <c>Loading mnist</c>.</param>
    /// <param name="done">The line left when it ends on a terminal, e.g. <c>Loaded mnist</c>.</param>
    /// <param name="work">The step.</param>
    /// <returns>What <paramref name="work"/> returned.</returns>
    public static T Run<T>(CliContext cli, bool json, string doing, string done, Func<T> work) =>
        Run(cli, json, doing, done, (IPhase _) => work());

    /// <summary>Runs <paramref name="work"/> with a status it can update as it goes (each bench run, each file).</summary>
    /// <remarks>On a terminal what <paramref name="work"/> says or shows replaces the spinner's text; in plain mode a step it
    /// says is a line of its own (and resets the heartbeat, see <see cref="StatusLines"/>); under <c>--json</c> it is dropped.</remarks>
    /// <typeparam name="T">What the step returns.</typeparam>
    /// <param name="cli">The console.</param>
    /// <param name="json">Whether this invocation writes JSON (then nothing is shown).</param>
    /// <param name="doing">The step, e.g. <c>Loading mnist</c>.</param>
    /// <param name="done">The line left when it ends on a terminal, e.g. <c>Loaded mnist</c>.</param>
    /// <param name="work">The step, given a way to say what it is doing now.</param>
    /// <returns>What <paramref name="work"/> returned.</returns>
    public static T Run<T>(CliContext cli, bool json, string doing, string done, Func<IPhase, T> work)
    {
        if (json)
            return work(Silent.Instance);
        var console = cli.Console;
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            using var lines = new StatusLines(console.WriteLine, cli.Clock, doing);
            return work(lines);
        }
        T result = default!;
        var clock = Stopwatch.StartNew();
        console.Status().Start(Markup.Escape($"{doing}…"), context => result = work(new Live(context)));
        console.WriteLine($"{done} ({clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        return result;
    }

    /// <summary>Runs <paramref name="work"/> with plain status lines on stderr, for a command whose stdout is data (the CSV of
    /// <c>predict</c> without <c>--out</c>): the user watching the terminal sees the step, the file or pipe gets only data.</summary>
    /// <typeparam name="T">What the step returns.</typeparam>
    /// <param name="cli">The console and stderr.</param>
    /// <param name="doing">The step, e.g. <c>Predicting 10000 rows</c>.</param>
    /// <param name="work">The step.</param>
    /// <returns>What <paramref name="work"/> returned.</returns>
    public static T OnStderr<T>(CliContext cli, string doing, Func<T> work)
    {
        using var lines = new StatusLines(cli.Error.WriteLine, cli.Clock, doing);
        return work();
    }

    /// <summary>The live spinner's side of <see cref="IPhase"/>: both kinds of news become its text.</summary>
    private sealed class Live(StatusContext context) : IPhase
    {
        public void Say(string line) => Show(line.EndsWith(" ...", StringComparison.Ordinal) ? line[..^4] + "…" : line);

        public void Show(string text) => context.Status(Markup.Escape(text));
    }

    /// <summary>Under <c>--json</c>: nothing.</summary>
    private sealed class Silent : IPhase
    {
        public static readonly Silent Instance = new();

        public void Say(string line)
        {
        }

        public void Show(string text)
        {
        }
    }
}

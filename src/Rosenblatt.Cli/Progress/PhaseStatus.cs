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
/// (a live status there would only add control codes).</para>
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
    public static T Run<T>(CliContext cli, bool json, string doing, string done, Func<T> work)
    {
        if (json)
            return work();
        var console = cli.Console;
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            console.WriteLine($"{doing} ...");
            return work();
        }
        T result = default!;
        var clock = Stopwatch.StartNew();
        console.Status().Start(Markup.Escape($"{doing}…"), _ => result = work());
        console.WriteLine($"{done} ({clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        return result;
    }
}

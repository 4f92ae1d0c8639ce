using System.Text;
using Rosenblatt.Cli.Progress;
using Spectre.Console;

namespace Rosenblatt.Cli;

/// <summary>The entry point of the <c>rosenblatt</c> command.</summary>
/// <remarks>Only wires the real terminal to <see cref="CliApp"/>; all behaviour lives there so tests can run it in-process.</remarks>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    public static int Main(string[] args)
    {
        // Traces print "·" and "→" and tables draw box characters; without UTF-8 they turn into '?'.
        Console.OutputEncoding = Encoding.UTF8;
        // Live progress bars only on a terminal: redirected to a file or a pipe, training prints plain lines. Made on first
        // use: `--version`, help and JSON output never need it.
        var console = new Lazy<IAnsiConsole>(() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        }));
        using var cancelKey = new CancelKeyScope();
        return CliApp.Run(args, Console.Out, Console.Error, console, cancelKey.Token);
    }
}

using System.CommandLine;
using System.Diagnostics;
using Rosenblatt.Playground;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt playground</c>: starts the local web playground and opens it in the default browser.</summary>
/// <remarks>
/// Prints exactly one line, <c>Playground: http://127.0.0.1:PORT/?token=TOKEN</c>, that scripts and tests read, then serves
/// until Ctrl+C, which stops the server cleanly (exit 0). The server binds to loopback only and the token changes at every
/// start; see <c>docs/playground.md</c> for the locks and limits.
/// </remarks>
internal static class PlaygroundCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "playground";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Start the playground: watch a network learn, in your own browser (local server, loopback only).";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var port = new Option<int>("--port") { Description = "The loopback port to listen on; 0 picks any free port.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the address; do not open a browser." };
        var command = new Command(Name, Description)
        {
            port, noBrowser,
        };
        command.SetAction(parse => Execute(cli, parse.GetValue(port), parse.GetValue(noBrowser)));
        return command;
    }

    private static int Execute(CliContext cli, int port, bool noBrowser)
    {
        if (port is < 0 or > 65535)
            throw new ArgumentException($"--port must be 0 to 65535 (received {port}). help: use --port 0 to pick any free port.");
        PlaygroundServer server;
        try
        {
            server = PlaygroundServer.StartAsync(new PlaygroundOptions { Port = port }).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new IOException($"cannot listen on 127.0.0.1:{port} ({e.Message.TrimEnd('.')}). help: another program uses that port; pick another with --port, or --port 0 for any free one.", e);
        }
        try
        {
            cli.Out.WriteLine($"Playground: {server.Address}");
            cli.Out.Flush();
            if (!noBrowser && !TryOpenBrowser(server.Address))
                cli.Error.WriteLine("note: could not open a browser; open the address above yourself.");
            cli.Error.WriteLine("Serving on loopback only. Press Ctrl+C to stop.");
            try
            {
                Task.Delay(Timeout.Infinite, cli.Cancellation).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        cli.Error.WriteLine("Playground stopped.");
        return ExitCodes.Success;
    }

    private static bool TryOpenBrowser(Uri address)
    {
        try
        {
            var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(address.ToString()) { UseShellExecute = true }
                : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open", address.ToString())
                : new ProcessStartInfo("xdg-open", address.ToString());
            start.RedirectStandardError = !OperatingSystem.IsWindows();
            start.RedirectStandardOutput = !OperatingSystem.IsWindows();
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            return false;
        }
    }
}

namespace Rosenblatt.Cli;

/// <summary>The entry point of the <c>rosenblatt</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    public static int Main(string[] args) => 0;
}

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>The contract for a user's mistake: exit 1, nothing on stdout, one <c>error: ... help: ...</c> line, no stack trace.</summary>
public static class UserErrors
{
    public static string AssertOneLine(CliRun run, params string[] fragments)
    {
        Assert.True(run.ExitCode == ExitCodes.UserError, $"exit {run.ExitCode}; stderr: {run.Err}; stdout: {run.Out}");
        string line = Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains("help:", line);
        Assert.DoesNotContain("   at ", run.Err);
        foreach (string fragment in fragments)
            Assert.Contains(fragment, line);
        return line;
    }
}

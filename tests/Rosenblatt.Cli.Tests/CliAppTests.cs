using System.CommandLine;
using System.Text.Json;
using Rosenblatt.Cli;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Cli.Tests;

public class CliAppTests
{
    [Theory]
    [InlineData(false, "--version")]
    [InlineData(false, "neuron", "--gate", "and", "--json")]
    [InlineData(true, "--help")]
    [InlineData(true, "train", "--help")]
    public void TheConsole_IsMadeOnlyWhenACommandDrawsOnIt(bool made, params string[] args)
    {
        // Making Spectre.Console's console over a terminal costs about 40 ms, a third of `--version`'s time.
        var stdout = new StringWriter();
        int makes = 0;
        var console = new Lazy<Spectre.Console.IAnsiConsole>(() => { makes++; return CliApp.PlainConsole(stdout); });
        int code = CliApp.Run(args, stdout, new StringWriter(), console);
        Assert.Equal(ExitCodes.Success, code);
        Assert.NotEqual("", stdout.ToString());
        Assert.Equal(made ? 1 : 0, makes);
    }

    [Fact]
    public void Help_ExitsZero_AndListsTheNeuronCommand()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("neuron", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo_WithOneErrorLineAndAHelpHint()
    {
        var run = CliRun.Of("bogus");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Out);
        string line = Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains("'bogus'", line);
        Assert.Contains("rosenblatt --help", line);
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var run = CliRun.Of("neuron", "--nope");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("rosenblatt neuron --help", run.Err);
    }

    [Fact]
    public void NoCommand_ExitsTwo()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Of().ExitCode);
    }

    [Fact]
    public void UsageError_UnderJson_IsAJsonDocumentOnStderr()
    {
        var run = CliRun.Of("bogus", "--json");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Out);
        using var doc = JsonDocument.Parse(run.Err);
        Assert.Equal(2, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Contains("'bogus'", doc.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void NotFittedException_IsAUserError_PrintedAsOneLine()
    {
        var run = CliRun.With(Throwing("fit", () => new NotFittedException("Perceptron", "Weights")), "fit");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Equal("error: Perceptron.Weights is not available before training. help: call Perceptron.Fit(X, y) first.\n", run.Err);
    }

    [Fact]
    public void ArgumentOutOfRange_DropsDotNetsParameterAndActualValueLines()
    {
        var run = CliRun.With(Throwing("x", () => new ArgumentOutOfRangeException("epochs", -1, "epochs must be >= 1 (received -1). help: use 100.")), "x");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Equal("error: epochs must be >= 1 (received -1). help: use 100.\n", run.Err);
    }

    [Fact]
    public void UnexpectedException_ExitsSeventy_WithTheStackTrace()
    {
        var run = CliRun.With(Throwing("boom", () => new NullReferenceException("oops")), "boom");
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.StartsWith("error: internal error: NullReferenceException: oops help: this is a bug", run.Err);
        Assert.Contains("at ", run.Err);
    }

    [Fact]
    public void UserError_UnderJson_IsAJsonDocumentWithExitCodeOne()
    {
        var run = CliRun.With(Throwing("x", () => new InvalidDataException("bad file. help: fix it.")), "x", "--json");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Err);
        Assert.Equal("bad file. help: fix it.", doc.RootElement.GetProperty("error").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("exitCode").GetInt32());
    }

    private static Func<CliContext, Command> Throwing(string name, Func<Exception> error) => _ =>
    {
        var command = new Command(name);
        command.SetAction(new Func<ParseResult, int>(_ => throw error()));
        return command;
    };
}

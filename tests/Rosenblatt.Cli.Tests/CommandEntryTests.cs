using System.CommandLine;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests;

/// <summary>The root builds only the command a run names; the others stand in by name and description.</summary>
public class CommandEntryTests
{
    private static CliContext Context() => new(CliApp.PlainConsole(new StringWriter()), new StringWriter(), new StringWriter());

    private static bool IsBuilt(Command command) =>
        command.Action is not null || command.Options.Count > 0 || command.Subcommands.Count > 0 || command.Arguments.Count > 0;

    [Fact]
    public void EveryEntry_BuildsACommandWithTheEntrysNameAndDescription()
    {
        var cli = Context();
        Assert.Equal(19, CliApp.Commands.Length);
        foreach (var entry in CliApp.Commands)
        {
            var command = entry.Create(cli);
            Assert.Equal(entry.Name, command.Name);
            Assert.Equal(entry.Description, command.Description);
            Assert.True(IsBuilt(command), $"{entry.Name} built with nothing to run");
            Assert.False(IsBuilt(entry.Placeholder()), $"{entry.Name}'s placeholder has parts");
        }
        Assert.Equal(CliApp.Commands.Length, CliApp.Commands.Select(e => e.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("train", "--data", "xor", "--epochs", "1")]
    [InlineData("predict", "--model", "m.json", "--input", "1,2")]
    [InlineData("bogus")]
    public void OnlyTheCommandNamedOnTheLine_IsBuilt(params string[] args)
    {
        var root = new RootCommand();
        CliApp.AddCommands(root, Context(), CliApp.Commands, args);

        Assert.Equal(CliApp.Commands.Select(e => e.Name), root.Subcommands.Select(c => c.Name));
        foreach (var command in root.Subcommands)
            Assert.Equal(args.Contains(command.Name), IsBuilt(command));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("train", "--help")]
    [InlineData("@args.rsp")]
    [InlineData("[suggest:4]", "trai")]
    public void HelpAResponseFileOrADirective_BuildsEveryCommand(params string[] args)
    {
        var root = new RootCommand();
        CliApp.AddCommands(root, Context(), CliApp.Commands, args);

        Assert.All(root.Subcommands, command => Assert.True(IsBuilt(command), command.Name));
    }

    [Fact]
    public void RootHelp_ShowsEveryCommandsArguments()
    {
        // bench takes its workload as an argument, which the root help shows beside its name.
        var run = CliRun.Of("--help");
        Assert.Contains("bench <mnist|perceptron|xor>", run.Out);
        foreach (var entry in CliApp.Commands)
            Assert.Contains(entry.Name, run.Out);
    }

    [Fact]
    public void AResponseFile_RunsTheCommandItNames()
    {
        using var files = new TempFiles();
        string rsp = files.Write("args.rsp", "neuron\n--gate\nand\n--json\n");

        var viaFile = CliRun.Of("@" + rsp);
        var direct = CliRun.Of("neuron", "--gate", "and", "--json");

        Assert.Equal(ExitCodes.Success, viaFile.ExitCode);
        Assert.Equal(direct.Out, viaFile.Out);
        Assert.Contains("\"gate\"", viaFile.Out);
    }
}

using System.CommandLine;

namespace Rosenblatt.Cli;

/// <summary>A command as the root knows it before building it: its name, its one-line description, and how to build it.</summary>
/// <remarks>
/// Building a command makes all its options with their parsers, defaults and validators, and instantiates generic
/// code that ReadyToRun cannot precompile: all nineteen took about 21 ms of a <c>rosenblatt --version</c> run on
/// 2026-12-02 (bench/RESULTS.md, Issue 14).
/// One run invokes at most one command, so <see cref="CliApp"/> builds only the one named on the command line
/// and lists the others by name and description (<see cref="Placeholder"/>), which is all the parser needs of them.
/// </remarks>
/// <param name="Name">The command's name, as typed after <c>rosenblatt</c>.</param>
/// <param name="Description">The line the root help shows for it; <see cref="Create"/> must give the command the same.</param>
/// <param name="Create">Builds the whole command: options, arguments, subcommands and action.</param>
internal sealed record CommandEntry(string Name, string Description, Func<CliContext, Command> Create)
{
    /// <summary>The command with its name and description only: enough to list it, never invoked.</summary>
    public Command Placeholder() => new(Name, Description);
}

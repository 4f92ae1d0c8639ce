using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Rosenblatt.Cli.Conventions;

namespace Rosenblatt.Cli;

/// <summary>What every command needs from the outside world: where to write, and whether to write JSON.</summary>
/// <remarks>
/// Commands receive this instead of touching <see cref="Console"/> or <see cref="AnsiConsole"/>, so a test can
/// run any command in-process over a <see cref="StringWriter"/> and get plain, deterministic text.
/// </remarks>
internal sealed class CliContext
{
    internal CliContext(IAnsiConsole console, TextWriter output, TextWriter error, CancellationToken cancellation = default, TimeProvider? clock = null)
        : this(new Lazy<IAnsiConsole>(console), output, error, cancellation, clock)
    {
    }

    /// <summary>A context whose console is made on first use.</summary>
    /// <remarks>Making Spectre.Console's console over a real terminal asks the terminal for its size and colours and reads
    /// the environment: about 40 ms, a third of what <c>rosenblatt --version</c> took. Commands that print only plain text or
    /// JSON never pay it.</remarks>
    internal CliContext(Lazy<IAnsiConsole> console, TextWriter output, TextWriter error, CancellationToken cancellation = default, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        _console = console;
        Out = output;
        Error = error;
        Cancellation = cancellation;
    }

    private readonly Lazy<IAnsiConsole> _console;

    /// <summary>The console for human-readable output (tables, titles); writes to <see cref="Out"/>.</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary>Standard output, for raw text such as JSON documents.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error; only <see cref="CliApp"/> writes errors here, commands throw instead.</summary>
    public TextWriter Error { get; }

    /// <summary>Cancelled by the first Ctrl+C (see <c>Progress/CancelKeyScope</c>); long commands such as training stop
    /// at the next safe point and still write what they have. Never cancelled in in-process runs unless a test asks.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The clock progress lines read ("a line after a second of silence"); a test gives a manual one, so what is
    /// printed never depends on how loaded the machine is.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The global <c>--json</c> option, recursive so every subcommand accepts it.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to stdout instead of tables (errors go to stderr as JSON).",
        Recursive = true,
    };

    /// <summary>Whether this invocation asked for JSON output.</summary>
    /// <param name="parseResult">The parse result the command's action received.</param>
    public bool IsJson(ParseResult parseResult) => parseResult.GetValue(Json);

    /// <summary>Writes the command's result: <paramref name="document"/> as JSON under <c>--json</c>, else <paramref name="render"/>.</summary>
    /// <remarks>One call per command keeps the promise "JSON mode writes exactly one document and no tables".</remarks>
    /// <typeparam name="T">The document's type; serialized camelCase and indented.</typeparam>
    /// <param name="parseResult">The parse result the command's action received.</param>
    /// <param name="document">The machine-readable result.</param>
    /// <param name="render">Draws the human-readable result on <see cref="Console"/>.</param>
    /// <returns><see cref="ExitCodes.Success"/>, so an action can end with <c>return cli.Write(...)</c>.</returns>
    public int Write<T>(ParseResult parseResult, T document, Action<IAnsiConsole> render)
    {
        if (IsJson(parseResult))
            Out.WriteLine(JsonSerializer.Serialize(document, CliJson.Options));
        else
            render(Console);
        return ExitCodes.Success;
    }
}

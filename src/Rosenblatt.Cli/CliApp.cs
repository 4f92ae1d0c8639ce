using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using Rosenblatt.Cli.Commands;
using Rosenblatt.Cli.Commands.Lessons;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli;

/// <summary>The whole <c>rosenblatt</c> application: builds the command tree, runs it, and enforces the exit-code contract.</summary>
/// <remarks>
/// Commands never print errors or choose exit codes for failures: they throw, and this class maps the
/// exception to 1 (user error, one <c>error: ...</c> line) or 70 (bug, with stack trace). Parse errors map to 2;
/// an <see cref="OperationCanceledException"/> (Ctrl+C before anything was done) maps to 130.
/// See <c>docs/cli.md</c>. Everything goes through the given writers, so tests run it in-process.
/// </remarks>
public static class CliApp
{
    /// <summary>The console width used by <see cref="Run(string[], TextWriter, TextWriter)"/>, so snapshots do not depend on the terminal.</summary>
    public const int TestWidth = 100;

    /// <summary>
    /// The commands, one file each under <c>Commands/</c>. To add a command, write <c>internal static class XCommand</c>
    /// with <c>Name</c>, <c>Description</c> and <c>public static Command Create(CliContext cli)</c>, and list it here.
    /// </summary>
    internal static readonly CommandEntry[] Commands =
    [
        new(NeuronCommand.Name, NeuronCommand.Description, NeuronCommand.Create),
        new(PerceptronCommand.Name, PerceptronCommand.Description, PerceptronCommand.Create),
        new(SeparableCommand.Name, SeparableCommand.Description, SeparableCommand.Create),
        new(BackpropCommand.Name, BackpropCommand.Description, BackpropCommand.Create),
        new(MlpCommand.Name, MlpCommand.Description, MlpCommand.Create),
        new(CompareCommand.Name, CompareCommand.Description, CompareCommand.Create),
        new(DemoCommand.Name, DemoCommand.Description, DemoCommand.Create),
        new(TrainCommand.Name, TrainCommand.Description, TrainCommand.Create),
        new(EvaluateCommand.Name, EvaluateCommand.Description, EvaluateCommand.Create),
        new(PredictCommand.Name, PredictCommand.Description, PredictCommand.Create),
        new(InfoCommand.Name, InfoCommand.Description, InfoCommand.Create),
        new(PlotCommand.Name, PlotCommand.Description, PlotCommand.Create),
        new(DataCommand.Name, DataCommand.Description, DataCommand.Create),
        new(BenchCommand.Name, BenchCommand.Description, BenchCommand.Create),
        new(ExportCommand.Name, ExportCommand.Description, ExportCommand.Create),
        new(ImportCommand.Name, ImportCommand.Description, ImportCommand.Create),
        new(PlaygroundCommand.Name, PlaygroundCommand.Description, PlaygroundCommand.Create),
        new(MarkOneCommand.Name, MarkOneCommand.Description, MarkOneCommand.Create),
        new(LessonCommand.Name, LessonCommand.Description, LessonCommand.Create),
    ];

    /// <summary>Runs the CLI with plain, uncoloured, 100-column output: the form tests and scripts compare.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go (tables, or one JSON document under <c>--json</c>).</param>
    /// <param name="stderr">Where errors go (one line, or one JSON document under <c>--json</c>).</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, new Lazy<IAnsiConsole>(PlainConsole(stdout)), TheCommands(args), default, null);

    /// <summary>A console over <paramref name="writer"/> with no colours, no ANSI codes, Unicode borders and <see cref="TestWidth"/> columns.</summary>
    /// <param name="writer">Where the console writes.</param>
    internal static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = TestWidth;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>Runs the CLI over an explicit console (the real terminal, from <see cref="Program.Main"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output; <paramref name="console"/> must write to it too.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="console">The console for tables and titles.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    /// <param name="cancellation">Cancelled by Ctrl+C: training stops after the current batch and keeps its best weights.</param>
    /// <param name="clock">The clock progress lines read; the system's when null (tests give a manual one).</param>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation = default, TimeProvider? clock = null) =>
        Run(args, stdout, stderr, new Lazy<IAnsiConsole>(console), TheCommands(args), cancellation, clock);

    /// <summary>Runs the CLI over a console made only if a command draws on it (the real terminal, from <see cref="Program.Main"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output; the console must write to it too.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="console">Makes the console for tables and titles, on first use.</param>
    /// <param name="cancellation">Cancelled by Ctrl+C.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Lazy<IAnsiConsole> console, CancellationToken cancellation = default) =>
        Run(args, stdout, stderr, console, TheCommands(args), cancellation, null);

    /// <summary>Runs the CLI with a given command list; tests use it to plug in commands that fail on purpose.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole console, IEnumerable<Func<CliContext, Command>> commands,
        CancellationToken cancellation = default, TimeProvider? clock = null) =>
        Run(args, stdout, stderr, new Lazy<IAnsiConsole>(console), (cli, root) =>
        {
            foreach (var create in commands)
                root.Subcommands.Add(create(cli));
        }, cancellation, clock);

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, Lazy<IAnsiConsole> console, Action<CliContext, RootCommand> addCommands,
        CancellationToken cancellation, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool json = args.Contains("--json");
        try
        {
            var cli = new CliContext(console, stdout, stderr, cancellation, clock);
            var root = new RootCommand("rosenblatt: build, train and explain neural networks from one neuron up.") { cli.Json };
            addCommands(cli, root);
            var parseResult = root.Parse(args);
            json = WantsJson(parseResult, cli.Json);
            // Help is laid out for the console's width; asking for it makes the console, so only help asks.
            if (parseResult.Action is HelpAction help)
                help.MaxWidth = cli.Console.Profile.Width;

            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                string command = CommandPath(parseResult.CommandResult);
                string message = string.Join(" ", parseResult.Errors.Select(e => TypeNamesInWords(OneLine(e.Message))));
                message += message.Contains("help:", StringComparison.Ordinal)
                    ? $" See '{command} --help' for usage."
                    : $" help: run '{command} --help' to see the valid commands and options.";
                return Fail(stderr, json, message, ExitCodes.Usage);
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (OperationCanceledException ex)
        {
            return Fail(stderr, json, OneLine(ex.Message), ExitCodes.Interrupted);
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            return Fail(stderr, json, UserMessage(ex), ExitCodes.UserError);
        }
        catch (Exception ex) when (MissingNativeLibrary(ex) is { } missing)
        {
            return Fail(stderr, json, $"{OneLine(missing.Message)} help: the PNG plots need SkiaSharp's native library, which the rosenblatt tool ships for " +
                "linux-x64, linux-arm64, win-x64 and macOS (x64 and arm64); every other command works on this machine.", ExitCodes.UserError);
        }
        catch (Exception ex)
        {
            string message = $"internal error: {ex.GetType().Name}: {OneLine(ex.Message)} help: this is a bug in rosenblatt; please report it with the command line and the stack trace.";
            if (json)
                stderr.WriteLine(JsonSerializer.Serialize(new { error = message, exitCode = ExitCodes.InternalError, stackTrace = ex.ToString() }, CliJson.Options));
            else
                stderr.WriteLine($"error: {message}{Environment.NewLine}{ex}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Adds <see cref="Commands"/> for this command line (see <see cref="AddCommands"/>).</summary>
    private static Action<CliContext, RootCommand> TheCommands(string[] args) => (cli, root) => AddCommands(root, cli, Commands, args);

    /// <summary>Adds the commands to the root: whole if the command line may reach them, else as <see cref="CommandEntry.Placeholder"/>.</summary>
    /// <remarks>
    /// The command a run invokes is named on its command line, so a command whose name is not among the arguments
    /// is only listed. Everything is built when the parser may need more than names: help (a command's line in
    /// the root help shows its arguments), a response file (<c>@file</c>, whose contents are read while parsing)
    /// and directives (<c>[suggest]</c> for shell completion carries the whole line in one argument).
    /// </remarks>
    internal static void AddCommands(RootCommand root, CliContext cli, IEnumerable<CommandEntry> entries, IReadOnlyList<string> args)
    {
        bool all = args.Any(a => a.StartsWith('@') || a.StartsWith('[') || IsHelpToken(root, a));
        foreach (var entry in entries)
            root.Subcommands.Add(all || args.Contains(entry.Name) ? entry.Create(cli) : entry.Placeholder());
    }

    private static bool IsHelpToken(RootCommand root, string arg) =>
        root.Options.OfType<HelpOption>().Any(help => help.Name == arg || help.Aliases.Contains(arg));

    /// <summary>Whether <c>--json</c> was given, even when other parts of the command line failed to parse.</summary>
    private static bool WantsJson(ParseResult parseResult, Option<bool> json)
    {
        if (parseResult.GetResult(json) is not { Implicit: false } result)
            return false;
        return result.Errors.Any() || parseResult.GetValue(json);
    }

    /// <summary>The exceptions that mean "the request was wrong", not "rosenblatt is broken".</summary>
    /// <remarks>NotFittedException derives from InvalidOperationException, so it is covered. A diverged training run
    /// is the request's fault (usually the learning rate), and its message already says what to change.</remarks>
    private static bool IsUserError(Exception ex) => ex is ArgumentException or InvalidOperationException or FormatException
        or IOException or InvalidDataException or UnauthorizedAccessException or JsonException or TrainingDivergedException;

    /// <summary>A native library that could not be loaded (SkiaSharp's, for plots, on a platform the tool package has no natives for).</summary>
    private static DllNotFoundException? MissingNativeLibrary(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DllNotFoundException missing)
                return missing;
        }
        return null;
    }

    /// <summary>The exception's message as one line, without .NET's "(Parameter 'x')" and "Actual value was" additions.</summary>
    /// <remarks>The library's messages already name the parameter and quote the value, so the additions only repeat them.</remarks>
    internal static string UserMessage(Exception ex)
    {
        string message = ex.Message;
        if (ex is ArgumentOutOfRangeException { ActualValue: not null })
        {
            int cut = message.LastIndexOf('\n');
            if (cut > 0) message = message[..cut].TrimEnd('\r');
        }
        if (ex is ArgumentException { ParamName: { } name })
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return OneLine(message);
    }

    /// <summary>The parser's .NET type names (<c>'System.Double'</c>, <c>'System.Nullable`1[System.Int32]'</c>) in the
    /// words a command-line user knows: "a number", "a whole number", "true or false".</summary>
    internal static string TypeNamesInWords(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '(?:System\.Nullable`1\[)?System\.(\w+)\]?'", m => m.Groups[1].Value switch
        {
            "Double" or "Single" or "Decimal" => "as a number (e.g. 0.5)",
            "Int32" or "Int64" or "Int16" or "Byte" => "as a whole number (e.g. 10)",
            "Boolean" => "as true or false",
            _ => "as a value of the expected kind",
        });

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Fail(TextWriter stderr, bool json, string message, int exitCode)
    {
        if (json)
            stderr.WriteLine(JsonSerializer.Serialize(new { error = message, exitCode }, CliJson.Options));
        else
            stderr.WriteLine($"error: {message}");
        return exitCode;
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(r.Parent is null ? "rosenblatt" : r.Command.Name);
        return names.Count == 0 ? "rosenblatt" : string.Join(" ", names);
    }
}

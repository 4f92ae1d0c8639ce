using System.CommandLine;

namespace Rosenblatt.Cli.Conventions;

/// <summary><c>--header</c> and <c>--delimiter</c>: how to read a CSV file, the same on every command that reads one.</summary>
/// <remarks>The loader detects a header and reads commas by default; these flags are what its error messages tell a
/// command-line user to pass when the detection or the separator is wrong.</remarks>
internal sealed class CsvFlags
{
    /// <summary><c>--header</c>.</summary>
    public Option<bool?> Header { get; } = new("--header") { Description = "Whether the CSV's first line holds column names: true or false (default: detected; a first line with numbers is data).", HelpName = "true|false" };

    /// <summary><c>--delimiter</c>.</summary>
    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "The CSV's field separator: one character such as ';', or tab (default: ',').", HelpName = "char" };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        Delimiter.Validators.Add(result =>
        {
            string text = string.Concat(result.Tokens.Select(t => t.Value));
            if (result.Tokens.Count > 0 && Parse(text) is null)
                result.AddError($"--delimiter '{text}' is not one character. help: e.g. --delimiter ';' or --delimiter tab.");
        });
        command.Options.Add(Header);
        command.Options.Add(Delimiter);
    }

    /// <summary><paramref name="request"/> with the header and delimiter the user gave.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="request">The rest of the request.</param>
    public DataRequest Apply(ParseResult parse, DataRequest request) =>
        request with { Header = parse.GetValue(Header), Delimiter = parse.GetValue(Delimiter) is { } d ? Parse(d) : null };

    private static char? Parse(string text) => text switch
    {
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => null,
    };
}

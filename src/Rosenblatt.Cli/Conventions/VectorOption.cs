using System.CommandLine;

namespace Rosenblatt.Cli.Conventions;

/// <summary>An option that takes a comma-separated vector, such as <c>--weights 1,1</c> or <c>--input 5.1,3.5</c>.</summary>
/// <remarks>
/// A bad token is reported while parsing, so it exits 2 (bad usage) like any other unparsable value, with a
/// message that names the option and quotes the token: <c>--weights value 'x' is not a number (received '1,x'). help: ...</c>.
/// </remarks>
/// <example><code>
/// var weights = new VectorOption("--weights", "The weights, one per input.", [1, 1]);
/// double[] w = parseResult.GetValue(weights)!;          // [1, 1] when absent
/// double[]? x = parseResult.GetValue(input)?.Values;   // null when an optional vector is absent
/// </code></example>
internal sealed class VectorOption : Option<CliVector?>
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option's name, e.g. <c>--weights</c>.</param>
    /// <param name="description">The help text.</param>
    /// <param name="defaultValue">The value when the option is absent; null makes the vector optional (GetValue returns null).</param>
    public VectorOption(string name, string description, double[]? defaultValue = null)
        : base(name)
    {
        Description = description;
        HelpName = "x1,x2,...";
        if (defaultValue is not null)
            DefaultValueFactory = _ => new CliVector((double[])defaultValue.Clone());
        CustomParser = result =>
        {
            string text = string.Join(",", result.Tokens.Select(t => t.Value));
            if (CliVector.TryParse(text, out var vector, out string? error))
                return vector;
            result.AddError($"{name} {error}");
            return null;
        };
    }
}

using System.Globalization;

namespace Rosenblatt.Cli.Conventions;

/// <summary>The value of a vector option such as <c>--weights 1,1</c>: the numbers, printed back as <c>1,1</c>.</summary>
/// <remarks>
/// A wrapper rather than a bare <c>double[]</c> because System.CommandLine prints an array default in help as
/// <c>1|1</c>, which reads like a list of alternatives; for anything else it uses <see cref="ToString"/>.
/// It converts implicitly to <c>double[]</c>, so commands write <c>double[] w = parse.GetValue(weights)!;</c>.
/// </remarks>
/// <param name="Values">The numbers, in the order given.</param>
internal sealed record CliVector(double[] Values)
{
    /// <summary>The numbers.</summary>
    /// <param name="vector">The vector.</param>
    public static implicit operator double[](CliVector vector) => vector.Values;

    /// <summary>The vector as the command line takes it, e.g. <c>1,-0.5</c>.</summary>
    public override string ToString() => string.Join(",", Values.Select(CliFormat.Number));

    /// <summary>Parses <c>1,-0.5,2</c> (spaces allowed around commas) into numbers, invariant culture.</summary>
    /// <param name="text">The comma-separated numbers.</param>
    /// <param name="vector">The parsed vector, or null on failure.</param>
    /// <param name="error">On failure, what is wrong and how to fix it, to be prefixed by the option's name.</param>
    public static bool TryParse(string text, out CliVector? vector, out string? error)
    {
        string[] tokens = text.Split(',');
        var values = new double[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            string token = tokens[i].Trim();
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                error = token.Length == 0
                    ? $"has an empty value at position {i + 1} (received '{text}'). help: write numbers separated by single commas, e.g. 1,0.5."
                    : $"value '{token}' is not a number (received '{text}'). help: write numbers separated by commas with '.' as the decimal point, e.g. 1,0.5.";
                vector = null;
                return false;
            }
        }
        error = null;
        vector = new CliVector(values);
        return true;
    }
}

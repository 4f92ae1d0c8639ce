using System.CommandLine;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Conventions;

/// <summary>The <c>--gate</c> or <c>--data</c> choice of <c>perceptron</c>, <c>separable</c> and <c>mlp</c>.</summary>
/// <remarks>Both name what to learn, so giving both is refused rather than one silently ignored; <c>--data</c> takes the
/// same forms as on <c>train</c> (built-in names, gates, synthetic sets, CSV files), through <see cref="DataArgument"/>.</remarks>
internal static class GateOrData
{
    /// <summary>The data <c>--data</c> names, or null when the gate is to be used.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="gate">The command's <c>--gate</c>.</param>
    /// <param name="data">The command's <c>--data</c>.</param>
    /// <param name="request">The CSV flags and the rest of the request.</param>
    /// <exception cref="ArgumentException">Both were given, or the data has no labels.</exception>
    public static Dataset? Load(ParseResult parse, Option<string> gate, Option<string?> data, DataRequest request)
    {
        string? value = parse.GetValue(data);
        if (value is null)
            return null;
        if (parse.GetResult(gate) is { Implicit: false })
            throw new ArgumentException($"both --gate ({parse.GetValue(gate)}) and --data ({value}) choose what to learn. help: use one of them.");
        var set = DataArgument.Load(value, request).Data;
        if (!set.HasLabels && !set.HasTargets)
            throw new ArgumentException($"--data '{value}' has no labels, so there is nothing to learn. help: use a labelled CSV (label in the last column, or --label NAME).");
        if (set.HasLabels)
            RequireTwoClasses(set, value);
        return set;
    }

    /// <summary>Refuses labelled rows of a single class, in the CLI's words (every command alike, not only those whose estimator checks).</summary>
    /// <param name="set">Labelled rows.</param>
    /// <param name="data">The <c>--data</c> value, for the message.</param>
    /// <exception cref="ArgumentException">Fewer than two classes have rows.</exception>
    public static void RequireTwoClasses(Dataset set, string data)
    {
        int[] counts = set.ClassCounts();
        string[] present = [.. counts.Select((n, c) => (n, c)).Where(p => p.n > 0).Select(p => set.ClassNames[p.c])];
        if (present.Length < 2)
            throw new ArgumentException(
                $"--data '{data}' has rows of only one class ({string.Join("", present.Select(p => $"'{p}'"))}), so there is nothing to tell apart. " +
                "help: include rows of at least two classes, or check that --label names the class column.");
    }
}

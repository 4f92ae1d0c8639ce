using Rosenblatt.Data;
using Rosenblatt.Numerics;

namespace Rosenblatt.Cli.Modeling;

/// <summary>Matches a data set's feature columns to a saved model's feature names, by name.</summary>
/// <remarks>
/// A model answers for the columns it was trained on, in their order. A CSV with the same columns in another
/// order would otherwise be scored column by column against the wrong weights (an iris model then scores about a
/// third instead of 90%), with no error. So when both sides carry real names, columns are matched by name:
/// the same names in another order are reordered; a missing or unknown name is refused, listing both. Names match
/// ignoring case, spacing, punctuation and a trailing unit (<c>sepal_length</c> is <c>sepal length (cm)</c>).
/// A file without a header (its columns named <c>x1</c>..<c>xd</c> by the loader) or a model saved without
/// names can only be matched by position, which is what happens then.
/// </remarks>
internal static class FeatureAlignment
{
    /// <summary>The rows of <paramref name="set"/> with their feature columns in <paramref name="model"/>'s order.</summary>
    /// <param name="model">The model, with the feature names saved at training.</param>
    /// <param name="set">The data read from <paramref name="data"/>.</param>
    /// <param name="data">The <c>--data</c> value, for messages.</param>
    /// <exception cref="ArgumentException">The data's header names columns the model does not know, or lacks some it needs.</exception>
    public static Dataset Align(CliModel model, Dataset set, string data)
    {
        var wanted = model.FeatureNames;
        var have = set.FeatureNames;
        if (have.SequenceEqual(wanted) || IsPositional(have) || IsPositional(wanted))
            return set;
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < have.Count; c++)
            position.TryAdd(Key(have[c]), c);
        var known = wanted.Select(Key).ToHashSet(StringComparer.Ordinal);
        string[] missing = [.. wanted.Where(n => !position.ContainsKey(Key(n)))];
        string[] unknown = [.. have.Where(n => !known.Contains(Key(n)))];
        if (missing.Length > 0 || unknown.Length > 0 || have.Count != wanted.Count || position.Count != have.Count || known.Count != wanted.Count)
            throw new ArgumentException(
                $"--data '{data}' has feature columns that do not match the model {model.Path}: " +
                (missing.Length > 0 ? $"missing {List(missing)}" : "") +
                (missing.Length > 0 && unknown.Length > 0 ? "; " : "") +
                (unknown.Length > 0 ? $"not in the model {List(unknown)}" : "") +
                (missing.Length == 0 && unknown.Length == 0 ? "a column name appears twice" : "") +
                $". help: name the columns as at training ({List(wanted)}; any order), or remove the header line to match columns by position.");

        int[] order = [.. wanted.Select(n => position[Key(n)])];
        if (order.Select((from, to) => from == to).All(same => same))
            return set;
        var features = new Matrix(set.Count, order.Length);
        for (int r = 0; r < set.Count; r++)
        {
            var from = set.Features.Row(r);
            var to = features.Row(r);
            for (int c = 0; c < order.Length; c++)
                to[c] = from[order[c]];
        }
        string[] names = [.. order.Select(c => have[c])];
        if (set.HasLabels)
            return new Dataset(set.Name, features, set.Labels, set.ClassNames, names);
        if (set.HasTargets)
            return Dataset.ForRegression(set.Name, features, set.Targets, names);
        return Dataset.Unlabelled(set.Name, features, names);
    }

    /// <summary>Whether the names are the loader's stand-ins <c>x1</c>..<c>xd</c> (no header, or a model saved without names).</summary>
    private static bool IsPositional(IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] != "x" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                return false;
        return true;
    }

    /// <summary>A name as matched: lower case, letters and digits only, a trailing unit in parentheses dropped,
    /// so <c>sepal_length</c>, <c>Sepal Length</c> and <c>sepal length (cm)</c> are one column.</summary>
    private static string Key(string name)
    {
        string text = name.Trim();
        if (text.EndsWith(')') && text.LastIndexOf('(') is int open and > 0)
            text = text[..open];
        return string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }

    private static string List(IEnumerable<string> names)
    {
        string[] all = [.. names];
        string shown = string.Join(", ", all.Take(8).Select(n => $"'{n}'"));
        return all.Length > 8 ? $"{shown}, … ({all.Length} in all)" : shown;
    }
}

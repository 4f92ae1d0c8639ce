using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data;

/// <summary>Maps arbitrary labels to class indices 0..K−1 in sorted order, and back.</summary>
/// <remarks>
/// Sorting makes the mapping independent of row order, so the "positive" class of a binary problem is
/// always the larger label: 1 of {0, 1}, +1 of {−1, +1}, "yes" of {"no", "yes"} (strings compare
/// ordinally). This is scikit-learn's <c>classes_</c> convention.
/// </remarks>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ClassEncoder<TLabel> where TLabel : notnull
{
    private readonly TLabel[] _classes;
    private readonly Dictionary<TLabel, int> _index;

    private ClassEncoder(TLabel[] classes)
    {
        _classes = classes;
        _index = new Dictionary<TLabel, int>(classes.Length);
        for (int i = 0; i < classes.Length; i++)
            _index[classes[i]] = i;
    }

    /// <summary>Learns the distinct labels of <paramref name="y"/>.</summary>
    /// <param name="y">Labels; nulls are rejected.</param>
    /// <param name="minClasses">The fewest distinct labels the caller can learn from.</param>
    /// <exception cref="ArgumentException">Fewer than <paramref name="minClasses"/> distinct labels.</exception>
    public static ClassEncoder<TLabel> Fit(IReadOnlyList<TLabel> y, int minClasses = 2)
    {
        var distinct = new HashSet<TLabel>();
        foreach (var label in y)
            distinct.Add(label);
        var classes = distinct.ToArray();
        Array.Sort(classes, LabelComparer);
        if (classes.Length < minClasses)
        {
            string seen = classes.Length == 0 ? "none" : string.Join(", ", classes);
            throw Guard.Error(nameof(y),
                $"y holds {classes.Length} distinct label(s) ({seen}) but at least {minClasses} are needed.",
                "a classifier learns to tell classes apart; include samples of every class.");
        }
        return new ClassEncoder<TLabel>(classes);
    }

    /// <summary>Restores an encoder from a saved class list (already sorted and distinct).</summary>
    /// <param name="classes">The classes in index order.</param>
    public static ClassEncoder<TLabel> FromClasses(IReadOnlyList<TLabel> classes) => new(classes.ToArray());

    /// <summary>The classes, index i holding the label encoded as i.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The number of classes.</summary>
    public int Count => _classes.Length;

    /// <summary>The index of <paramref name="label"/>.</summary>
    /// <param name="label">A label seen during <see cref="Fit"/>.</param>
    /// <exception cref="ArgumentException">The label was never seen in training.</exception>
    public int Encode(TLabel label)
    {
        if (_index.TryGetValue(label, out int i))
            return i;
        throw Guard.Error(nameof(label),
            $"label '{label}' was never seen in training (known: {string.Join(", ", _classes)}).",
            "score or evaluate only on labels the model was trained with, or retrain with that class included.");
    }

    /// <summary>The indices of every label in <paramref name="y"/>.</summary>
    /// <param name="y">Labels seen during <see cref="Fit"/>.</param>
    public int[] Encode(IReadOnlyList<TLabel> y)
    {
        var result = new int[y.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = Encode(y[i]);
        return result;
    }

    /// <summary>The label with index <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    public TLabel Decode(int index) => _classes[index];

    private static readonly Comparison<TLabel> LabelComparer = typeof(TLabel) == typeof(string)
        ? (a, b) => string.CompareOrdinal((string)(object)a, (string)(object)b)
        : Comparer<TLabel>.Default.Compare;
}

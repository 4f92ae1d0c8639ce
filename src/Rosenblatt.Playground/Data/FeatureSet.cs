using Rosenblatt.Numerics;

namespace Rosenblatt.Playground.Data;

/// <summary>The input features the page can feed the network, each a function of a point (x1, x2).</summary>
/// <remarks>TensorFlow Playground's seven: the coordinates, their squares, their product and their sines. A circle is a
/// line in (x1², x2²) and XOR's quadrants are the sign of x1·x2, so the right feature lets a network without hidden
/// layers solve what otherwise needs one: the lesson the features teach. The ids are what the URL, the model file's
/// feature names and the exported CSV's header use.</remarks>
public sealed class FeatureSet
{
    private static readonly Dictionary<string, Func<double, double, double>> Functions = new()
    {
        ["x1"] = (x, _) => x,
        ["x2"] = (_, y) => y,
        ["x1sq"] = (x, _) => x * x,
        ["x2sq"] = (_, y) => y * y,
        ["x1x2"] = (x, y) => x * y,
        ["sinx1"] = (x, _) => Math.Sin(x),
        ["sinx2"] = (_, y) => Math.Sin(y),
    };

    /// <summary>Every feature id, in the page's order.</summary>
    public static IReadOnlyList<string> AllIds { get; } = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"];

    private readonly Func<double, double, double>[] _functions;

    /// <summary>A set of features, in the given order.</summary>
    /// <param name="ids">Feature ids from <see cref="AllIds"/>, each at most once, at least one.</param>
    /// <exception cref="ArgumentException">An unknown or repeated id, or none.</exception>
    public FeatureSet(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            throw new ArgumentException("Features: pick at least one input feature (x1 and x2 are the usual start).", nameof(ids));
        foreach (var id in ids)
            if (!Functions.ContainsKey(id))
                throw new ArgumentException($"Features: there is no feature '{id}'. Use some of {string.Join(", ", AllIds)}.", nameof(ids));
        if (ids.Distinct().Count() != ids.Count)
            throw new ArgumentException("Features: each feature can be used once.", nameof(ids));
        Ids = ids.ToArray();
        _functions = Ids.Select(id => Functions[id]).ToArray();
    }

    /// <summary>The feature ids, in input order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The number of features: the network's input count.</summary>
    public int Count => Ids.Count;

    /// <summary>The features of every point: points.Rows × <see cref="Count"/>.</summary>
    /// <param name="points">Rows of (x1, x2).</param>
    public Matrix Transform(Matrix points)
    {
        var result = new Matrix(points.Rows, Count);
        for (int r = 0; r < points.Rows; r++)
        {
            double x = points[r, 0], y = points[r, 1];
            for (int f = 0; f < _functions.Length; f++)
                result[r, f] = (float)_functions[f](x, y);
        }
        return result;
    }
}

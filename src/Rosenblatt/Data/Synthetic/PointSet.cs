using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>Collects generated 2-D points and their classes, then shuffles them into a <see cref="Dataset"/>.</summary>
/// <remarks>Generators emit points class by class; the final seeded shuffle makes any prefix of the set a fair sample.</remarks>
internal sealed class PointSet(int capacity)
{
    private readonly List<(double X, double Y, int Label)> _points = new(capacity);

    internal void Add(double x, double y, int label) => _points.Add((x, y, label));

    internal Dataset Build(string name, IReadOnlyList<string> classNames, SeededRandom random)
    {
        var order = Enumerable.Range(0, _points.Count).ToArray();
        random.Shuffle(order.AsSpan());
        var features = new Matrix(order.Length, 2);
        var labels = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var (x, y, label) = _points[order[i]];
            features[i, 0] = (float)x;
            features[i, 1] = (float)y;
            labels[i] = label;
        }
        return new Dataset(name, features, labels, classNames, ["x1", "x2"]);
    }
}

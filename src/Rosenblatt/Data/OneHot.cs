using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Data;

/// <summary>One-hot encoding: class index k becomes a row of K zeros with a 1 in column k.</summary>
/// <remarks>
/// A softmax output layer predicts one probability per class, so its targets must be rows of the same
/// width: the true class's probability is 1, every other is 0. Categorical cross-entropy then reduces to
/// <c>−log p[true class]</c>.
/// </remarks>
/// <example>
/// <code>
/// Matrix y = OneHot.Encode([2, 0], classes: 3); // [[0, 0, 1], [1, 0, 0]]
/// </code>
/// </example>
public static class OneHot
{
    /// <summary>Encodes class indices as an n × <paramref name="classes"/> matrix of 0s and 1s.</summary>
    /// <param name="labels">Class indices, each in 0..<paramref name="classes"/>−1.</param>
    /// <param name="classes">The number of classes K, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">A label is outside 0..K−1.</exception>
    public static Matrix Encode(int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Guard.AtLeast(classes, 1, nameof(classes), "pass the number of classes, e.g. dataset.ClassCount.");
        var result = new Matrix(labels.Length, classes);
        Span<float> data = result.AsSpan();
        for (int i = 0; i < labels.Length; i++)
        {
            int k = labels[i];
            if ((uint)k >= (uint)classes)
                throw Guard.Error(nameof(labels), $"labels[{i}] is {k} but there are {classes} classes (valid 0..{classes - 1}).",
                    "labels must be class indices; map raw labels with ClassEncoder first, or raise classes.");
            data[i * classes + k] = 1f;
        }
        return result;
    }
}

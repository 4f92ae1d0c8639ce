using System.Numerics.Tensors;

namespace Rosenblatt.Activations;

/// <summary>Softmax over each row: <c>aⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z)</c>, a probability distribution over classes.</summary>
/// <remarks>
/// Subtracting the row maximum changes nothing mathematically and keeps <c>e^z</c> from overflowing.
/// It is the only activation here that mixes a row's values, so its derivative is a Jacobian:
/// <c>dL/dzⱼ = aⱼ·(dL/daⱼ − Σₖ aₖ·dL/daₖ)</c>. Paired with categorical cross-entropy the product
/// collapses to <c>a − y</c> (see <c>CategoricalCrossEntropy</c>). The scalar members treat one value
/// as a one-element row, so <see cref="Apply"/> is always 1.
/// </remarks>
public sealed class Softmax : Activation
{
    /// <summary>The shared instance.</summary>
    public static Softmax Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "softmax";

    /// <inheritdoc />
    public override double Apply(double z) => 1.0;

    /// <inheritdoc />
    public override double Derivative(double z) => 0.0;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns)
    {
        for (int r = 0; r < z.Length; r += columns)
        {
            var row = z.Slice(r, columns);
            var dst = a.Slice(r, columns);
            float max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, dst);
            TensorPrimitives.Exp(dst, dst);
            float sum = TensorPrimitives.Sum((ReadOnlySpan<float>)dst);
            TensorPrimitives.Divide(dst, sum, dst);
        }
    }

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        for (int r = 0; r < z.Length; r += columns)
        {
            var ar = a.Slice(r, columns);
            float dot = TensorPrimitives.Dot(ar, gradA.Slice(r, columns));
            for (int j = 0; j < columns; j++)
                gradZ[r + j] = ar[j] * (gradA[r + j] - dot);
        }
    }
}

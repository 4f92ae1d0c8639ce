using Rosenblatt.Activations;

namespace Rosenblatt.Losses;

/// <summary>How wrong a network's output is, and which way to move its output layer: the start of backpropagation.</summary>
/// <remarks>
/// A loss sees the output layer's weighted sums <c>z</c> as well as its activations <c>a = f(z)</c>.
/// That is what lets the cross-entropy losses work from <c>z</c> directly: computing
/// <c>log(sigmoid(z))</c> from a rounded <c>a</c> loses everything once <c>a</c> rounds to 0 or 1, while the
/// log-sum-exp form never does, and the fused gradient <c>a − y</c> never multiplies a tiny derivative by
/// a huge one. Every loss is a mean over the batch, so the learning rate does not depend on batch size.
/// </remarks>
public abstract class Loss
{
    /// <summary>The name used in model files and CLI flags (e.g. <c>mse</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Throws, with an explanation, when this loss makes no sense after <paramref name="output"/> with <paramref name="units"/> units.</summary>
    /// <param name="output">The output layer's activation.</param>
    /// <param name="units">The output layer's width.</param>
    /// <exception cref="ArgumentException">The pair makes no sense (e.g. cross-entropy after ReLU).</exception>
    public virtual void CheckCompatible(Activation output, int units)
    {
    }

    /// <summary>The mean loss over the batch.</summary>
    /// <param name="z">The output layer's weighted sums, row-major.</param>
    /// <param name="a">The output layer's activations, same shape.</param>
    /// <param name="y">The targets, same shape (one-hot rows for classification).</param>
    /// <param name="columns">The output width.</param>
    public abstract double Compute(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, int columns);

    /// <summary>The gradient of the mean loss with respect to the output layer's weighted sums, dL/dz.</summary>
    /// <param name="output">The output layer's activation (used when the pair is not fused).</param>
    /// <param name="z">The output layer's weighted sums.</param>
    /// <param name="a">The output layer's activations.</param>
    /// <param name="y">The targets.</param>
    /// <param name="gradZ">Destination, same shape.</param>
    /// <param name="columns">The output width.</param>
    public abstract void OutputGradient(Activation output, ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradZ, int columns);

    /// <inheritdoc />
    public override string ToString() => Name;
}

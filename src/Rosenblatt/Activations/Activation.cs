namespace Rosenblatt.Activations;

/// <summary>The function a neuron applies to its weighted sum <c>z = w·x + b</c>.</summary>
/// <remarks>
/// Each activation is one small sealed type holding its forward formula and its derivative side by
/// side, so the two cannot drift apart. The scalar members serve single neurons and the teaching
/// tools; layers use the span members, which subclasses override with vectorized kernels.
/// </remarks>
public abstract class Activation
{
    /// <summary>The name used in model files, CLI flags and printed traces (e.g. <c>step</c>, <c>sigmoid</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Whether gradient descent can train through this activation.</summary>
    /// <remarks>The step function's derivative is zero almost everywhere, so no gradient flows through it.</remarks>
    public virtual bool IsDifferentiable => true;

    /// <summary>Applies the activation to one weighted sum.</summary>
    /// <param name="z">The weighted sum <c>w·x + b</c>.</param>
    public abstract double Apply(double z);

    /// <summary>The derivative da/dz at <paramref name="z"/>.</summary>
    /// <param name="z">The weighted sum the activation was applied to.</param>
    /// <exception cref="InvalidOperationException">The activation has no useful derivative (the step function).</exception>
    public abstract double Derivative(double z);

    /// <summary>Applies the activation element by element: <c>a[i] = f(z[i])</c>.</summary>
    /// <param name="z">Weighted sums.</param>
    /// <param name="a">Destination, the same length as <paramref name="z"/>; may be the same memory.</param>
    public virtual void Forward(ReadOnlySpan<float> z, Span<float> a)
    {
        if (a.Length < z.Length)
            throw new ArgumentException($"destination holds {a.Length} values but {z.Length} are needed.", nameof(a));
        for (int i = 0; i < z.Length; i++)
            a[i] = (float)Apply(z[i]);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

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

    /// <summary>Applies the activation to a batch: <c>a = f(z)</c>, row by row.</summary>
    /// <remarks>Element-wise activations ignore <paramref name="columns"/>; softmax normalizes each row of that width.</remarks>
    /// <param name="z">Weighted sums, row-major, <paramref name="columns"/> per row.</param>
    /// <param name="a">Destination, the same length as <paramref name="z"/>; may be the same memory.</param>
    /// <param name="columns">The row width (the layer's unit count).</param>
    public void Forward(ReadOnlySpan<float> z, Span<float> a, int columns)
    {
        CheckShapes(z.Length, a.Length, columns, nameof(a));
        ForwardCore(z, a[..z.Length], columns);
    }

    /// <summary>The forward kernel without the shape checks, for a layer passing its own buffers (z and a of the same length, whole rows).</summary>
    internal void ForwardUnchecked(ReadOnlySpan<float> z, Span<float> a, int columns) => ForwardCore(z, a, columns);

    /// <summary>Back-propagates through the activation: <c>dL/dz = dL/da · f'(z)</c> (a Jacobian-vector product for softmax).</summary>
    /// <param name="z">The weighted sums the forward pass saw.</param>
    /// <param name="a">The forward pass's outputs <c>f(z)</c>; many derivatives are cheapest from them.</param>
    /// <param name="gradA">The upstream gradient dL/da.</param>
    /// <param name="gradZ">Destination for dL/dz; may be the same memory as <paramref name="gradA"/>.</param>
    /// <param name="columns">The row width.</param>
    /// <exception cref="InvalidOperationException">The activation is not differentiable (step).</exception>
    public void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        if (!IsDifferentiable)
            Derivative(0);
        CheckShapes(z.Length, a.Length, columns, nameof(a));
        CheckShapes(z.Length, gradA.Length, columns, nameof(gradA));
        CheckShapes(z.Length, gradZ.Length, columns, nameof(gradZ));
        BackwardCore(z, a[..z.Length], gradA[..z.Length], gradZ[..z.Length], columns);
    }

    /// <summary>The batch forward kernel; the default applies <see cref="Apply"/> to each value.</summary>
    /// <param name="z">Weighted sums.</param>
    /// <param name="a">Destination of the same length.</param>
    /// <param name="columns">The row width.</param>
    protected virtual void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns)
    {
        for (int i = 0; i < z.Length; i++)
            a[i] = (float)Apply(z[i]);
    }

    /// <summary>The batch backward kernel; the default multiplies by <see cref="Derivative"/> at each z.</summary>
    /// <param name="z">Weighted sums.</param>
    /// <param name="a">Forward outputs.</param>
    /// <param name="gradA">Upstream gradient.</param>
    /// <param name="gradZ">Destination of the same length.</param>
    /// <param name="columns">The row width.</param>
    protected virtual void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        for (int i = 0; i < z.Length; i++)
            gradZ[i] = (float)(gradA[i] * Derivative(z[i]));
    }

    /// <summary>Whether this is one of the library's own element-wise activations (all but softmax): each output then
    /// depends on its own input alone, so a layer's units can be computed in blocks on different threads.</summary>
    /// <remarks>A subclass from outside the library may look at whole rows, so it never counts.</remarks>
    internal bool IsBuiltInElementwise => GetType().Assembly == typeof(Activation).Assembly && this is not Softmax;

    private static void CheckShapes(int expected, int actual, int columns, string name)
    {
        if (columns <= 0 || expected % columns != 0)
            throw new ArgumentException($"columns must be a positive divisor of the batch size {expected} (received {columns}). help: pass the layer's unit count.", nameof(columns));
        if (actual < expected)
            throw new ArgumentException($"{name} holds {actual} values but {expected} are needed. help: allocate it with the same shape as z.", name);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

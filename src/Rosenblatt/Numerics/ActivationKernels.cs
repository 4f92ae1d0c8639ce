using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Elementwise activation functions and their backward passes on spans, vectorized.</summary>
/// <remarks>
/// Each backward kernel takes the gradient flowing in from the layer above and what it needs of the
/// forward pass (the pre-activation z for ReLU, the output y for sigmoid and tanh, since their
/// derivatives are cheapest from y). Destination may be exactly an input (in place) but not a shifted
/// overlap. Lengths must match.
/// </remarks>
public static class ActivationKernels
{
    /// <summary>ReLU: destination[i] = max(x[i], 0).</summary>
    /// <param name="x">Pre-activations.</param>
    /// <param name="destination">Same length as <paramref name="x"/>; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void Relu(ReadOnlySpan<float> x, Span<float> destination)
    {
        Check(x, destination);
        if (!x.IsEmpty)
            TensorPrimitives.Max(x, 0f, destination);
    }

    /// <summary>ReLU's backward pass: destination[i] = gradient[i] where z[i] &gt; 0, else 0.</summary>
    /// <remarks>d max(z, 0)/dz is 1 for z &gt; 0 and 0 otherwise (0 at z = 0, as in PyTorch). A select, not a
    /// multiply, so a NaN or infinite gradient behind an inactive unit stays 0.</remarks>
    /// <param name="gradient">∂L/∂a, the gradient with respect to the ReLU's output.</param>
    /// <param name="z">The pre-activations of the forward pass.</param>
    /// <param name="destination">∂L/∂z; may be <paramref name="gradient"/> or <paramref name="z"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void ReluBackward(ReadOnlySpan<float> gradient, ReadOnlySpan<float> z, Span<float> destination) =>
        ElementwiseDriver.Run<ReluBackwardOperator>(gradient, z, destination, nameof(gradient), nameof(z));

    /// <summary>Logistic sigmoid: destination[i] = 1 / (1 + exp(−x[i])).</summary>
    /// <remarks>Every element, the tail included, goes through the same vector exp, so a value does not depend on
    /// the span's length: sigmoid over a whole matrix equals sigmoid row by row, bit for bit.
    /// Saturates cleanly: exp(−x) = ∞ for x &lt; −88 gives exactly 0.</remarks>
    /// <param name="x">Pre-activations.</param>
    /// <param name="destination">Same length; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) =>
        ElementwiseDriver.Run<SigmoidOperator>(x, destination, nameof(x));

    /// <summary>Sigmoid's backward pass from its output: destination[i] = gradient[i] · y[i] · (1 − y[i]).</summary>
    /// <remarks>σ'(z) = σ(z)(1 − σ(z)), so the forward output y is all it needs.</remarks>
    /// <param name="gradient">∂L/∂y.</param>
    /// <param name="y">The sigmoid outputs of the forward pass.</param>
    /// <param name="destination">∂L/∂z; may be <paramref name="gradient"/> or <paramref name="y"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void SigmoidBackward(ReadOnlySpan<float> gradient, ReadOnlySpan<float> y, Span<float> destination) =>
        ElementwiseDriver.Run<SigmoidBackwardOperator>(gradient, y, destination, nameof(gradient), nameof(y));

    /// <summary>Hyperbolic tangent: destination[i] = tanh(x[i]).</summary>
    /// <param name="x">Pre-activations.</param>
    /// <param name="destination">Same length; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        Check(x, destination);
        if (!x.IsEmpty)
            TensorPrimitives.Tanh(x, destination);
    }

    /// <summary>Tanh's backward pass from its output: destination[i] = gradient[i] · (1 − y[i]²).</summary>
    /// <remarks>tanh'(z) = 1 − tanh²(z), so the forward output y is all it needs.</remarks>
    /// <param name="gradient">∂L/∂y.</param>
    /// <param name="y">The tanh outputs of the forward pass.</param>
    /// <param name="destination">∂L/∂z; may be <paramref name="gradient"/> or <paramref name="y"/> itself.</param>
    /// <exception cref="ArgumentException">Lengths differ or the spans partly overlap.</exception>
    public static void TanhBackward(ReadOnlySpan<float> gradient, ReadOnlySpan<float> y, Span<float> destination) =>
        ElementwiseDriver.Run<TanhBackwardOperator>(gradient, y, destination, nameof(gradient), nameof(y));

    private static void Check(ReadOnlySpan<float> x, Span<float> destination)
    {
        ElementwiseDriver.SameLength(x.Length, destination.Length, nameof(x), nameof(destination));
        ElementwiseDriver.NoPartialOverlap(x, destination, nameof(x));
    }

    private readonly struct SigmoidOperator : IUnaryOperator
    {
        public static float Invoke(float x) => 1f / (1f + MathF.Exp(-x));
        public static Vector128<float> Invoke(Vector128<float> x) => Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-x));
        public static Vector256<float> Invoke(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));
    }

    private readonly struct ReluBackwardOperator : IBinaryOperator
    {
        public static float Invoke(float g, float z) => z > 0f ? g : 0f;
        public static Vector128<float> Invoke(Vector128<float> g, Vector128<float> z) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), g, Vector128<float>.Zero);
        public static Vector256<float> Invoke(Vector256<float> g, Vector256<float> z) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), g, Vector256<float>.Zero);
    }

    private readonly struct SigmoidBackwardOperator : IBinaryOperator
    {
        public static float Invoke(float g, float y) => g * (y * (1f - y));
        public static Vector128<float> Invoke(Vector128<float> g, Vector128<float> y) => g * (y * (Vector128<float>.One - y));
        public static Vector256<float> Invoke(Vector256<float> g, Vector256<float> y) => g * (y * (Vector256<float>.One - y));
    }

    private readonly struct TanhBackwardOperator : IBinaryOperator
    {
        public static float Invoke(float g, float y) => g * (1f - y * y);
        public static Vector128<float> Invoke(Vector128<float> g, Vector128<float> y) => g * (Vector128<float>.One - y * y);
        public static Vector256<float> Invoke(Vector256<float> g, Vector256<float> y) => g * (Vector256<float>.One - y * y);
    }
}

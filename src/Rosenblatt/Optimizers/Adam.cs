using System.Runtime.CompilerServices;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Optimizers;

/// <summary>Adam (Kingma and Ba, 2015): per-weight step sizes from running averages of the gradient and its square.</summary>
/// <remarks>
/// <c>m = β₁m + (1−β₁)g</c>, <c>v = β₂v + (1−β₂)g²</c>, bias-corrected <c>m̂ = m/(1−β₁ᵗ)</c>, <c>v̂ = v/(1−β₂ᵗ)</c>,
/// then <c>w −= lr·m̂/(√v̂ + ε)</c>. Dividing by √v̂ makes the step size roughly lr whatever the gradient's
/// scale, which is why Adam's default 0.001 works across problems. Weight decay here is classic L2
/// (added to g), as in PyTorch's <c>Adam(weight_decay=…)</c>.
/// </remarks>
public sealed class Adam : Optimizer
{
    private readonly ConditionalWeakTable<Parameter, Moments> _moments = new();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">Step size, in (0, 10]; 0.001 by default.</param>
    /// <param name="beta1">Decay of the first-moment average, in [0, 1).</param>
    /// <param name="beta2">Decay of the second-moment average, in [0, 1).</param>
    /// <param name="epsilon">Added to √v̂ to avoid division by zero; &gt; 0.</param>
    /// <param name="weightDecay">L2 penalty λ.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Guard.InRange(beta1, 0, 0.999999999, nameof(beta1), "the usual value is 0.9.");
        Guard.InRange(beta2, 0, 0.999999999, nameof(beta2), "the usual value is 0.999.");
        Guard.Positive(epsilon, nameof(epsilon), "the usual value is 1e-8.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <inheritdoc />
    public override string Name => "adam";

    /// <summary>β₁, the first-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>ε, the denominator's floor.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override void Update(Parameter parameter, ReadOnlySpan<float> gradient)
    {
        var state = _moments.GetValue(parameter, p => new Moments(p.Value.Length));
        state.Step++;
        float b1 = (float)Beta1, b2 = (float)Beta2, eps = (float)Epsilon;
        float correction1 = 1f - MathF.Pow(b1, state.Step);
        float correction2 = 1f - MathF.Pow(b2, state.Step);
        float stepSize = (float)LearningRate / correction1;
        float sqrtCorrection2 = MathF.Sqrt(correction2);
        var w = parameter.Value;
        var m = state.M;
        var v = state.V;
        for (int i = 0; i < w.Length; i++)
        {
            float g = gradient[i];
            m[i] = b1 * m[i] + (1f - b1) * g;
            v[i] = b2 * v[i] + (1f - b2) * g * g;
            w[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / sqrtCorrection2 + eps);
        }
    }

    private sealed class Moments(int length)
    {
        public float[] M { get; } = new float[length];

        public float[] V { get; } = new float[length];

        public int Step { get; set; }
    }
}

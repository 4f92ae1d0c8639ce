using System.Runtime.CompilerServices;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

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
        var state = MomentsOf(parameter);
        state.Step++;
        UpdateRange(state, Factors(state.Step), parameter.Value, 0, gradient);
    }

    /// <inheritdoc />
    /// <remarks>Each value's update reads only its own gradient and moments; the step count t of the bias corrections is the
    /// parameter's, advanced once the whole step is done (<see cref="Optimizer.EndColumnUpdates"/>).</remarks>
    internal override bool UpdatesColumnBlocks => true;

    /// <inheritdoc />
    private protected override void UpdateRange(Parameter parameter, int start, ReadOnlySpan<float> gradient)
    {
        var state = MomentsOf(parameter);
        UpdateRange(state, Factors(state.Step + 1), parameter.Value, start, gradient);
    }

    /// <inheritdoc />
    /// <remarks>The moments and the step's factors are looked up once for the whole block, not once per row.</remarks>
    internal override bool UpdateColumns(Parameter parameter, int columns, int first, int end)
    {
        if (!BlockKernels.AllFinite(parameter.Gradient, columns, first, end))
            return false;
        var state = MomentsOf(parameter);
        var factors = Factors(state.Step + 1);
        int rows = parameter.Value.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            int start = r * columns + first;
            UpdateRange(state, factors, parameter.Value, start, EffectiveGradient(parameter, start, end - first));
        }
        return true;
    }

    /// <inheritdoc />
    internal override void EndColumnUpdates(Parameter parameter) => MomentsOf(parameter).Step++;

    private Moments MomentsOf(Parameter parameter) => _moments.GetValue(parameter, p => new Moments(p.Value.Length));

    /// <summary>Step t's scalars: lr / (1 − β₁ᵗ) and √(1 − β₂ᵗ).</summary>
    private (float StepSize, float SqrtCorrection2) Factors(int t)
    {
        float b1 = (float)Beta1, b2 = (float)Beta2;
        float correction1 = 1f - MathF.Pow(b1, t);
        float correction2 = 1f - MathF.Pow(b2, t);
        return ((float)LearningRate / correction1, MathF.Sqrt(correction2));
    }

    /// <summary>One step on values [start, start + gradient length): the whole-parameter step and a block's are this one kernel
    /// call, so a split step has the plain step's bits.</summary>
    private void UpdateRange(Moments state, (float StepSize, float SqrtCorrection2) factors, float[] values, int start, ReadOnlySpan<float> gradient)
    {
        int n = gradient.Length;
        AdamKernel.Update(values.AsSpan(start, n), state.M.AsSpan(start, n), state.V.AsSpan(start, n), gradient,
            (float)Beta1, (float)Beta2, (float)Epsilon, factors.StepSize, factors.SqrtCorrection2);
    }

    private sealed class Moments(int length)
    {
        public float[] M { get; } = new float[length];

        public float[] V { get; } = new float[length];

        public int Step { get; set; }
    }
}

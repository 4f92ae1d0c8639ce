using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Optimizers;

/// <summary>Stochastic gradient descent, optionally with momentum and Nesterov's look-ahead.</summary>
/// <remarks>
/// Plain: <c>w −= lr·g</c>, seed 002's update. Momentum μ keeps a velocity <c>v = μ·v + g</c> and steps
/// <c>w −= lr·v</c>, smoothing noisy mini-batch gradients; Nesterov steps <c>w −= lr·(g + μ·v)</c>, which
/// corrects the velocity before it overshoots. These are PyTorch's formulas, so settings transfer.
/// </remarks>
public sealed class Sgd : Optimizer
{
    private readonly ConditionalWeakTable<Parameter, float[]> _velocity = new();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">Step size, in (0, 10].</param>
    /// <param name="momentum">μ in [0, 1); 0 is plain SGD.</param>
    /// <param name="nesterov">Use Nesterov momentum (needs momentum &gt; 0).</param>
    /// <param name="weightDecay">L2 penalty λ.</param>
    /// <exception cref="ArgumentException">A value out of range, or Nesterov without momentum.</exception>
    public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Guard.InRange(momentum, 0, 0.999999, nameof(momentum), "typical momentum is 0.9; 0 turns it off.");
        if (nesterov && momentum == 0)
            throw Guard.Error(nameof(nesterov), "Nesterov momentum was requested with momentum 0.", "set momentum, e.g. 0.9, or turn nesterov off.");
        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <inheritdoc />
    public override string Name => "sgd";

    /// <summary>The momentum coefficient μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override void Update(Parameter parameter, ReadOnlySpan<float> gradient) => UpdateRange(parameter, 0, gradient);

    /// <inheritdoc />
    internal override bool UpdatesColumnBlocks => true;

    /// <inheritdoc />
    internal override float? PlainStepRate(Parameter parameter) =>
        Momentum == 0 && !Penalizes(parameter) ? -(float)LearningRate : null;

    /// <inheritdoc />
    /// <remarks>Plain SGD (no momentum, no decay on this parameter) runs one strided kernel over the block: the common case
    /// of a split training step, where a call per row would cost more than the update.</remarks>
    internal override bool UpdateColumns(Parameter parameter, int columns, int first, int end)
    {
        if (PlainStepRate(parameter) is not float rate)
            return base.UpdateColumns(parameter, columns, first, end);
        return BlockKernels.MultiplyAddIfFinite(parameter.Gradient, rate, parameter.Value, columns, first, end);
    }

    /// <inheritdoc />
    private protected override void UpdateRange(Parameter parameter, int start, ReadOnlySpan<float> gradient)
    {
        float lr = (float)LearningRate;
        var w = parameter.Value.AsSpan(start, gradient.Length);
        if (Momentum == 0)
        {
            TensorPrimitives.MultiplyAdd(gradient, -lr, w, w);
            return;
        }
        float mu = (float)Momentum;
        var v = _velocity.GetValue(parameter, p => new float[p.Value.Length]).AsSpan(start, gradient.Length);
        TensorPrimitives.MultiplyAdd(v, mu, gradient, v);          // v = μ·v + g
        if (Nesterov)
        {
            for (int i = 0; i < w.Length; i++)
                w[i] -= lr * (gradient[i] + mu * v[i]);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(v, -lr, w, w);            // w −= lr·v
        }
    }
}

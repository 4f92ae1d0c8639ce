using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Optimizers;

/// <summary>Turns gradients into parameter updates: <c>Step</c> after every backward pass.</summary>
/// <remarks>
/// The learning rate is mutable so a schedule can change it between epochs; everything else is fixed
/// at construction and validated there. Per-parameter state (velocity, moments) is created on the
/// first step and kept by reference to the <see cref="Parameter"/>.
/// </remarks>
public abstract class Optimizer
{
    private double _learningRate;

    /// <summary>Validates and stores the shared hyperparameters.</summary>
    /// <param name="learningRate">The step size, in (0, 10].</param>
    /// <param name="weightDecay">The L2 penalty λ, in [0, 1): adds λ·w to the gradient of every decaying parameter.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    protected Optimizer(double learningRate, double weightDecay)
    {
        LearningRate = learningRate;
        Guard.InRange(weightDecay, 0, 0.999999, nameof(weightDecay), "typical values are 1e-5 to 1e-2; 0 turns weight decay off.");
        WeightDecay = weightDecay;
    }

    /// <summary>The name used in model files and CLI flags.</summary>
    public abstract string Name { get; }

    /// <summary>The current step size; schedules change it between epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 10], or so small that float32 rounds it to 0 or a subnormal.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            Guard.Positive(value, nameof(LearningRate), "typical values are 0.001 (Adam) to 1 (plain SGD on tiny data).");
            Guard.InRange(value, 0, 10, nameof(LearningRate), "a learning rate above 10 diverges on any sensible network; typical values are 0.001 to 1.");
            Guard.Float32Step(value, nameof(LearningRate), "typical values are 0.001 (Adam) to 1 (plain SGD on tiny data).");
            _learningRate = value;
        }
    }

    /// <summary>The L2 weight-decay coefficient λ.</summary>
    public double WeightDecay { get; }

    /// <summary>The L1 penalty λ₁, in [0, 1): adds λ₁·sign(w) to the gradient of every decaying parameter (weights, not biases).</summary>
    /// <remarks>The gradient of λ₁·Σ|w|. Where L2 (<see cref="WeightDecay"/>) shrinks every weight in proportion to its size,
    /// L1 pulls each one towards zero by the same amount, so small weights reach zero and stay near it: a sparse network
    /// (the TensorFlow Playground offers both). Set it at construction: <c>new Sgd(0.03) { L1 = 0.001 }</c>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double L1
    {
        get => _l1;
        init
        {
            Guard.InRange(value, 0, 0.999999, nameof(L1), "typical values are 1e-4 to 1e-2; 0 turns the L1 penalty off.");
            _l1 = value;
        }
    }

    private readonly double _l1;

    /// <summary>Whether a penalty (L1 or L2) adds to <paramref name="parameter"/>'s gradient before the update.</summary>
    private protected bool Penalizes(Parameter parameter) => parameter.Decays && (WeightDecay != 0 || _l1 != 0);

    /// <summary>The number of steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Updates every parameter from its gradient.</summary>
    /// <param name="parameters">The model's parameters, in a fixed order.</param>
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        Steps++;
        for (int i = 0; i < parameters.Count; i++) // indexed: foreach over the interface would allocate an enumerator per batch
            Update(parameters[i], EffectiveGradient(parameters[i]));
    }

    /// <summary>Applies one update to one parameter.</summary>
    /// <param name="parameter">The parameter to change in place.</param>
    /// <param name="gradient">Its gradient, the L2 and L1 penalties already added.</param>
    protected abstract void Update(Parameter parameter, ReadOnlySpan<float> gradient);

    /// <summary>Whether <see cref="UpdateColumns"/> works: the update of each value depends only on that value's own
    /// gradient and state, so any block of values can be updated apart (on another thread), with the same bits.</summary>
    /// <remarks>True for <see cref="Sgd"/> (with or without momentum) and <see cref="Adam"/> (whose per-parameter step count
    /// advances in <see cref="EndColumnUpdates"/>); a subclass may couple values, so it keeps the whole-parameter <see cref="Step"/>. An optimizer that sets it must not read
    /// <see cref="Steps"/> in its update: a split step counts itself only once its updates are done.</remarks>
    internal virtual bool UpdatesColumnBlocks => false;

    /// <summary>The factor r of this optimizer's update of <paramref name="parameter"/> when it is the plain <c>w += r·g</c>
    /// (SGD without momentum or decay on it: r = −lr), so a split step may fuse it into the gradient's product; else null.</summary>
    internal virtual float? PlainStepRate(Parameter parameter) => null;

    /// <summary>Counts a step whose updates were applied block by block with <see cref="UpdateColumns"/> and <see cref="UpdateWhole"/>.</summary>
    /// <remarks>Called after the updates, and only for a step that was not stopped as diverged (<see cref="Step"/> is not called
    /// for those): fine because the optimizers that update by blocks (<see cref="UpdatesColumnBlocks"/>) never read <see cref="Steps"/>.</remarks>
    internal void CountStep() => Steps++;

    /// <summary>The update of <see cref="Step"/> for one whole parameter, with <see cref="CountStep"/> once the step is done.</summary>
    internal void UpdateWhole(Parameter parameter) => Update(parameter, EffectiveGradient(parameter, 0, parameter.Value.Length));

    /// <summary>The update of <see cref="Step"/> restricted to columns [<paramref name="first"/>, <paramref name="end"/>) of a
    /// parameter laid out row-major with <paramref name="columns"/> columns (a weight matrix, or a bias as one row).</summary>
    /// <remarks>Only when <see cref="UpdatesColumnBlocks"/>; each value gets exactly the arithmetic of the whole update.</remarks>
    /// <returns>False, with the update not (or only partly) applied, when the block's gradient holds NaN or ±∞.</returns>
    internal virtual bool UpdateColumns(Parameter parameter, int columns, int first, int end)
    {
        if (!BlockKernels.AllFinite(parameter.Gradient, columns, first, end))
            return false;
        int rows = parameter.Value.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            int start = r * columns + first;
            UpdateRange(parameter, start, EffectiveGradient(parameter, start, end - first));
        }
        return true;
    }

    /// <summary>Finishes a step whose update of <paramref name="parameter"/> was applied block by block with <see cref="UpdateColumns"/>:
    /// called once per parameter, after every block (Adam advances the parameter's step count here).</summary>
    /// <param name="parameter">The parameter updated by blocks.</param>
    internal virtual void EndColumnUpdates(Parameter parameter)
    {
    }

    /// <summary>Updates values [<paramref name="start"/>, <paramref name="start"/> + gradient length) of <paramref name="parameter"/>;
    /// overridden by the optimizers that set <see cref="UpdatesColumnBlocks"/>.</summary>
    /// <exception cref="NotSupportedException">This optimizer updates whole parameters only.</exception>
    private protected virtual void UpdateRange(Parameter parameter, int start, ReadOnlySpan<float> gradient) =>
        throw new NotSupportedException($"{Name} updates whole parameters only. help: call Step.");

    private ReadOnlySpan<float> EffectiveGradient(Parameter p) => EffectiveGradient(p, 0, p.Gradient.Length);

    private protected ReadOnlySpan<float> EffectiveGradient(Parameter p, int start, int length)
    {
        var g = p.Gradient.AsSpan(start, length);
        if (!Penalizes(p))
            return g;
        var w = p.Value.AsSpan(start, length);
        if (WeightDecay != 0)
        {
            float lambda = (float)WeightDecay;
            for (int i = 0; i < g.Length; i++)
                g[i] += lambda * w[i];
        }
        if (_l1 != 0)
        {
            float lambda1 = (float)_l1;
            for (int i = 0; i < g.Length; i++)
                g[i] += lambda1 * MathF.Sign(w[i]);
        }
        return g;
    }
}

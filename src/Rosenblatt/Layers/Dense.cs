using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;
using Rosenblatt.Initializers;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Randomness;

namespace Rosenblatt.Layers;

/// <summary>A fully connected layer: every unit sees every input, <c>a = f(X·W + b)</c>.</summary>
/// <remarks>
/// <para>The lifecycle is Keras's: construct with the unit count and activation (validated at once);
/// the network builds it when it knows the input width (weights <c>inputs × units</c>, row-major, as
/// NumPy's <c>W1</c> in the tutorials); then forward and backward, over and over.</para>
/// <para>Backward, given <c>dL/dZ</c> (batch × units): <c>dW = Xᵀ·dZ</c>, <c>db = Σ rows of dZ</c> and
/// <c>dL/dX = dZ·Wᵀ</c> for the layer below, turned into that layer's dL/dZ by its activation's derivative.
/// All three products go through <see cref="Gemm"/>, except in a tiny layer (XOR's 2-4-1), where they cost
/// less than the calls around them: there <see cref="TinyAffine"/> does a whole pass in one call, bit for bit
/// the same numbers. Buffers grow to the largest batch seen and are then reused: no allocation per batch.</para>
/// </remarks>
public sealed class Dense
{
    private float[] _weights = [];
    private float[] _bias = [];
    private float[] _z = [];
    private float[] _a = [];
    private float[]? _input;
    private int _rows;
    private readonly TinyActivation _tinyActivation;

    /// <summary>Creates a layer of <paramref name="units"/> units.</summary>
    /// <param name="units">The number of units (outputs), ≥ 1.</param>
    /// <param name="activation">The activation applied to each unit's weighted sum.</param>
    /// <param name="weightInitializer">How weights start; Xavier for sigmoid/tanh/softmax/identity, He for ReLU when null.</param>
    /// <param name="biasInitializer">How biases start; zeros when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> below 1.</exception>
    public Dense(int units, Activation activation, Initializer? weightInitializer = null, Initializer? biasInitializer = null)
    {
        Guard.AtLeast(units, 1, nameof(units), "a layer needs at least one unit.");
        Guard.AtMost(units, 1 << 20, nameof(units), "that layer would not fit in memory; use fewer units.");
        ArgumentNullException.ThrowIfNull(activation);
        Units = units;
        Activation = activation;
        WeightInitializer = weightInitializer ?? (activation is Relu or LeakyRelu ? new HeInitializer() : new XavierInitializer());
        BiasInitializer = biasInitializer ?? new ZerosInitializer();
        _tinyActivation = activation switch
        {
            Identity => TinyActivation.Identity,
            Sigmoid => TinyActivation.Sigmoid,
            Tanh => TinyActivation.Tanh,
            Relu => TinyActivation.Relu,
            _ => TinyActivation.Other,
        };
    }

    /// <summary>Creates a layer from an activation name such as <c>"relu"</c>.</summary>
    /// <param name="units">The number of units.</param>
    /// <param name="activation">An activation name (see <see cref="ActivationRegistry"/>).</param>
    public Dense(int units, string activation) : this(units, ActivationRegistry.FromName(activation))
    {
    }

    /// <summary>The number of units (outputs).</summary>
    public int Units { get; }

    /// <summary>The number of inputs; known once the layer is built.</summary>
    public int Inputs { get; private set; }

    /// <summary>The activation.</summary>
    public Activation Activation { get; }

    /// <summary>How weights start.</summary>
    public Initializer WeightInitializer { get; }

    /// <summary>How biases start.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>Whether the layer has been built (its weights exist).</summary>
    public bool IsBuilt => Inputs > 0;

    /// <summary>The weights, <c>Inputs × Units</c>: column j holds unit j's weights.</summary>
    public Matrix Weights => new(Inputs, Units, Built()._weights);

    /// <summary>The biases, one per unit.</summary>
    public float[] Bias => Built()._bias;

    /// <summary>The number of trainable values: <c>Inputs·Units + Units</c>.</summary>
    public int ParameterCount => Inputs * Units + Units;

    internal Parameter? WeightParameter { get; private set; }

    internal Parameter? BiasParameter { get; private set; }

    /// <summary>Whether tiny layers take <see cref="TinyAffine"/> (the default) or the general path; the results are the same bits either way, which tests check by switching it.</summary>
    internal static bool UseTinyKernels { get; set; } = true;

    /// <summary>The weighted sums of the last forward pass (rows × units).</summary>
    /// <remarks>For ReLU layers the forward pass fuses the activation and keeps only the activations, so
    /// this is <c>max(z, 0)</c>: all a ReLU backward pass needs is where z &gt; 0.</remarks>
    internal ReadOnlySpan<float> Z => (Activation is Relu ? _a : _z).AsSpan(0, _rows * Units);

    /// <summary>The activations of the last forward pass (rows × units).</summary>
    internal float[] Output => _a;

    internal void Build(int inputs, SeededRandom random, string name)
    {
        Guard.AtLeast(inputs, 1, nameof(inputs), "a layer needs at least one input.");
        Inputs = inputs;
        _weights = new float[inputs * Units];
        _bias = new float[Units];
        WeightInitializer.Initialize(_weights, inputs, Units, random);
        BiasInitializer.Initialize(_bias, inputs, Units, random);
        WeightParameter = new Parameter($"{name}.weights", _weights, decays: true);
        BiasParameter = new Parameter($"{name}.bias", _bias, decays: false);
    }

    /// <summary>Copies another set of values into the weights (e.g. to replay a NumPy script or restore a checkpoint).</summary>
    /// <param name="weights">Inputs × Units values, row-major.</param>
    /// <param name="bias">Units values.</param>
    /// <exception cref="ArgumentException">Wrong lengths or non-finite values.</exception>
    public void SetWeights(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias)
    {
        Built();
        if (weights.Length != _weights.Length)
            throw Guard.Error(nameof(weights), $"the layer has {Inputs}×{Units} = {_weights.Length} weights but received {weights.Length}.", "pass inputs × units values, row-major.");
        if (bias.Length != _bias.Length)
            throw Guard.Error(nameof(bias), $"the layer has {Units} biases but received {bias.Length}.", "pass one bias per unit.");
        if (!TensorPrimitives.IsFiniteAll(weights) || !TensorPrimitives.IsFiniteAll(bias))
            throw Guard.Error(nameof(weights), "the weights contain NaN or infinite values.", "pass finite values.");
        weights.CopyTo(_weights);
        bias.CopyTo(_bias);
    }

    /// <summary>Forward pass for <paramref name="rows"/> samples: <c>Z = X·W + b</c>, <c>A = f(Z)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Forward(float[] input, int rows)
    {
        EnsureCapacity(rows);
        _input = input;
        _rows = rows;
        var x = input.AsSpan(0, rows * Inputs);
        var a = _a.AsSpan(0, rows * Units);
        if (UseTinyKernels && TinyAffine.Handles(rows, Inputs, Units))
        {
            // One call for the product, the bias and the activation; a ReLU layer keeps only max(z, 0), as below.
            var zt = Activation is Relu ? a : _z.AsSpan(0, rows * Units);
            if (!TinyAffine.Forward(x, _weights, _bias, zt, a, rows, Inputs, Units, _tinyActivation))
                Activation.ForwardUnchecked(zt, a, Units); // the shapes are this layer's own
            return;
        }
        if (Activation is Relu)
        {
            // Bias and ReLU fused into the product while each block of it is in cache. Z is not kept:
            // ReLU's backward needs only the sign of z, and max(z, 0) > 0 exactly when z > 0.
            Gemm.MultiplyAddBias(x, _weights, _bias, a, rows, Units, Inputs, GemmEpilogue.Relu);
            return;
        }
        var z = _z.AsSpan(0, rows * Units);
        Gemm.MultiplyAddBias(x, _weights, _bias, z, rows, Units, Inputs);
        Activation.Forward(z, a, Units);
    }

    /// <summary>Backward pass: from dL/dZ fills the parameter gradients and, when there is a layer below (whose activations
    /// were this layer's input), that layer's dL/dZ.</summary>
    /// <param name="gradZ">dL/dZ of this layer, rows × units.</param>
    /// <param name="below">The layer below, or null for the first layer.</param>
    /// <param name="belowGradZ">Receives dL/dZ of <paramref name="below"/>, rows × its units; empty for the first layer.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Backward(ReadOnlySpan<float> gradZ, Dense? below, Span<float> belowGradZ)
    {
        int rows = _rows;
        var input = _input!.AsSpan(0, rows * Inputs);
        var belowActivation = below?._tinyActivation ?? TinyActivation.Identity;
        if (UseTinyKernels && belowActivation != TinyActivation.Other && TinyAffine.Handles(rows, Inputs, Units))
        {
            TinyAffine.Backward(input, _weights, gradZ, WeightParameter!.Gradient, BiasParameter!.Gradient,
                below is null ? default : belowGradZ[..(rows * Inputs)], belowActivation, rows, Inputs, Units);
            return;
        }
        BackwardParameters(gradZ);
        if (below is null)
            return;
        var gradBelow = belowGradZ[..(rows * Inputs)];
        BackwardInput(gradZ, gradBelow);
        // dL/dA of the layer below becomes its dL/dZ in place.
        below.Activation.Backward(below.Z, below.Output.AsSpan(0, rows * Inputs), gradBelow, gradBelow, Inputs);
    }

    /// <summary>The weight and bias gradients from dL/dZ: <c>dW = Xᵀ·dZ</c>, <c>db = Σ rows of dZ</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void BackwardParameters(ReadOnlySpan<float> gradZ)
    {
        int rows = _rows;
        Gemm.Multiply(_input!.AsSpan(0, rows * Inputs), gradZ, WeightParameter!.Gradient, Inputs, Units, rows, transposeA: true);
        RowKernels.SumColumns(gradZ, rows, Units, BiasParameter!.Gradient);
    }

    /// <summary>dL/dX = dZ·Wᵀ for the layer below; apart from <see cref="BackwardParameters"/> so a split step can hand it on first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void BackwardInput(ReadOnlySpan<float> gradZ, Span<float> gradInput) =>
        Gemm.Multiply(gradZ, _weights, gradInput[..(_rows * Inputs)], _rows, Inputs, Units, transposeB: true);

    /// <summary>Readies a forward pass whose units are computed block by block (<see cref="ForwardColumns"/>), possibly on several threads.</summary>
    internal void BeginSplitForward(float[] input, int rows)
    {
        EnsureCapacity(rows);
        _input = input;
        _rows = rows;
    }

    /// <summary>The forward pass of units [<paramref name="first"/>, <paramref name="end"/>) only, reading <paramref name="input"/>
    /// (the batch, or a thread's own copy of it): the same bits <see cref="Forward"/> gives those units.</summary>
    /// <remarks>Only for element-wise activations: each unit's activation then depends on its own weighted sum alone.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ForwardColumns(float[] input, int rows, int first, int end)
    {
        var x = input.AsSpan(0, rows * Inputs);
        if (Activation is Relu)
        {
            Gemm.MultiplyColumns(x, _weights, _bias, _a.AsSpan(0, rows * Units), rows, Units, Inputs, transposeA: false, GemmEpilogue.Relu, first, end);
            return;
        }
        Gemm.MultiplyColumns(x, _weights, _bias, _z.AsSpan(0, rows * Units), rows, Units, Inputs, transposeA: false, GemmEpilogue.None, first, end);
        int width = end - first;
        if (width >= NarrowBlock)
        {
            for (int r = 0; r < rows; r++)
                Activation.Forward(_z.AsSpan(r * Units + first, width), _a.AsSpan(r * Units + first, width), width);
            return;
        }
        // A span this short may take TensorPrimitives' scalar code (MathF.Exp: not the vector code's bits, which Forward's
        // whole-batch call gives every value): run the activation on a zero-padded copy a whole vector long instead.
        Span<float> z = stackalloc float[NarrowBlock];
        Span<float> a = stackalloc float[NarrowBlock];
        z.Clear();
        for (int r = 0; r < rows; r++)
        {
            _z.AsSpan(r * Units + first, width).CopyTo(z);
            Activation.ForwardUnchecked(z, a, NarrowBlock);
            a[..width].CopyTo(_a.AsSpan(r * Units + first, width));
        }
    }

    /// <summary>Row blocks narrower than this go through a padded copy in <see cref="ForwardColumns"/>: 16 floats, the widest vector.</summary>
    private const int NarrowBlock = 16;

    /// <summary>The weight and bias gradients of units [<paramref name="first"/>, <paramref name="end"/>) of the first layer,
    /// from dL/dZ: the bits <see cref="Backward"/> gives them. No dL/dX: nothing lies below the first layer.</summary>
    /// <param name="input">The rows the forward pass read (a thread's own copy is fine: same values).</param>
    /// <param name="gradZ">rows × units dL/dZ.</param>
    /// <param name="first">The block's first unit, at a 16-unit boundary.</param>
    /// <param name="end">One past the block's last unit.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void BackwardColumns(float[] input, float[] gradZ, int first, int end)
    {
        int rows = _rows;
        Gemm.MultiplyColumns(input.AsSpan(0, rows * Inputs), gradZ.AsSpan(0, rows * Units), ReadOnlySpan<float>.Empty,
            WeightParameter!.Gradient, Inputs, Units, rows, transposeA: true, GemmEpilogue.None, first, end);
        BiasGradientColumns(gradZ, first, end);
    }

    /// <summary>Units [<paramref name="first"/>, <paramref name="end"/>) of the first layer's backward pass with a plain SGD step
    /// fused into the weight gradient's product (<c>W += rate·Xᵀ·dZ</c>, rate = −lr): the weights get the bits of
    /// <see cref="BackwardColumns"/> followed by the step, but the weight gradient is never stored (its buffer keeps
    /// older values). The bias gradient is stored as usual. Returns false when a weight gradient was NaN or ±∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool BackwardColumnsWithStep(float[] input, float[] gradZ, int first, int end, float rate)
    {
        int rows = _rows;
        bool finite = Gemm.DescendColumns(input.AsSpan(0, rows * Inputs), gradZ.AsSpan(0, rows * Units), _weights, Inputs, Units, rows, rate, first, end);
        BiasGradientColumns(gradZ, first, end);
        return finite;
    }

    /// <summary>db for units [<paramref name="first"/>, <paramref name="end"/>): the column sums of dZ, the bits of <see cref="BackwardParameters"/>' sum.</summary>
    private void BiasGradientColumns(float[] gradZ, int first, int end)
    {
        var biasGradient = BiasParameter!.Gradient.AsSpan();
        biasGradient[first..end].Clear();
        RowKernels.SumColumnRange(gradZ.AsSpan(0, _rows * Units), _rows, Units, first, end, biasGradient);
    }

    private void EnsureCapacity(int rows)
    {
        int needed = rows * Units;
        if (_a.Length < needed)
        {
            _a = new float[needed];
            if (Activation is not Relu) // a ReLU layer keeps only its activations (see Z): no buffer for z
                _z = new float[needed];
        }
    }

    private Dense Built() => IsBuilt ? this : throw new InvalidOperationException(
        $"This Dense({Units}) layer has no weights yet: it is built when added to a Network, which knows its input width. help: create new Network(inputs, layers...) first.");

    /// <inheritdoc />
    public override string ToString() => $"Dense({Units}, {Activation.Name})";
}

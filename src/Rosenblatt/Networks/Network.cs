using System.Runtime.CompilerServices;
using Rosenblatt.Diagnostics;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Randomness;

namespace Rosenblatt.Networks;

/// <summary>A stack of <see cref="Dense"/> layers: the multilayer perceptron of the tutorials.</summary>
/// <remarks>
/// <para>Reads like seed 002: <c>new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"))</c> is its
/// 2-4-1 network. The constructor builds every layer (it now knows each one's input width) and draws
/// the starting weights from its seed, so the same seed always gives the same network.</para>
/// <para>The network only does arithmetic: <see cref="Forward"/> and <see cref="Backward"/>. Epochs,
/// batches, shuffling and stopping belong to the <c>Trainer</c>.</para>
/// </remarks>
public sealed class Network
{
    private readonly Dense[] _layers;
    private readonly Parameter[] _parameters;
    private readonly ParameterList _parameterList;
    private float[][] _grad = [];
    private int _training;

    /// <summary>Builds a network with the starting weights drawn from seed 0.</summary>
    /// <param name="inputs">Features per sample.</param>
    /// <param name="layers">The layers, input side first; the last is the output layer.</param>
    public Network(int inputs, params Dense[] layers) : this(inputs, layers, seed: 0)
    {
    }

    /// <summary>Builds a network with the starting weights drawn from <paramref name="seed"/>.</summary>
    /// <param name="inputs">Features per sample, ≥ 1.</param>
    /// <param name="layers">The layers, input side first; each may belong to one network only.</param>
    /// <param name="seed">The seed for the initializers.</param>
    /// <exception cref="ArgumentException">No layers, a layer used twice, a bad input count, or more than <see cref="MaxParameters"/> parameters.</exception>
    public Network(int inputs, IReadOnlyList<Dense> layers, int seed)
    {
        Guard.AtLeast(inputs, 1, nameof(inputs), "a network needs at least one input feature.");
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
            throw Guard.Error(nameof(layers), "the network has no layers.", "add at least an output layer, e.g. new Dense(1, \"sigmoid\").");
        if (layers.Distinct().Count() != layers.Count || layers.Any(l => l.IsBuilt))
            throw Guard.Error(nameof(layers), "a layer appears twice or already belongs to another network.", "create a new Dense for every position.");
        CheckSize(inputs, layers);
        Inputs = inputs;
        Seed = seed;
        _layers = layers.ToArray();
        var random = new SeededRandom(seed);
        int width = inputs;
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].Build(width, random, $"dense_{i + 1}");
            width = _layers[i].Units;
        }
        _parameters = _layers.SelectMany(l => new[] { l.WeightParameter!, l.BiasParameter! }).ToArray();
        _parameterList = new ParameterList(_parameters);
    }

    /// <summary>The most trainable values a network may have: 250 million, 1 GB of float32 weights.</summary>
    /// <remarks>Training holds about four copies (weights, gradients and Adam's two moments), so the cap keeps a
    /// network trainable in a few GB of memory. It is checked before anything is allocated, in 64-bit arithmetic, so
    /// a typo such as 40000 units per layer, or a model file that claims such a layer, is a clear error instead of an
    /// allocation of many gigabytes. MNIST's 784-128-10 network has about 100,000.</remarks>
    public const long MaxParameters = 250_000_000;

    /// <summary>The number of trainable values of a network with these layer widths, in 64-bit arithmetic.</summary>
    /// <param name="inputs">Features per sample.</param>
    /// <param name="units">Each layer's units, input side first.</param>
    /// <returns>Σ (inputs of the layer × units + units), or <see cref="long.MaxValue"/> if that does not fit in 64 bits.</returns>
    public static long CountParameters(int inputs, IEnumerable<int> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        long total = 0;
        long width = Math.Max(inputs, 0);
        foreach (int u in units)
        {
            long layer = width * Math.Max(u, 0) + Math.Max(u, 0);   // each factor below 2^31: no overflow
            total = total > long.MaxValue - layer ? long.MaxValue : total + layer;
            width = Math.Max(u, 0);
        }
        return total;
    }

    private static void CheckSize(int inputs, IReadOnlyList<Dense> layers)
    {
        long parameters = CountParameters(inputs, layers.Select(l => l.Units));
        if (parameters > MaxParameters)
            throw Guard.Error(nameof(layers),
                $"a network of {inputs}-{string.Join("-", layers.Select(l => l.Units))} would have {parameters:N0} parameters " +
                $"({parameters * 4.0 / (1 << 30):0.#} GB of float32 weights, about four times that to train), more than the limit of {MaxParameters:N0}.",
                "use fewer or smaller layers; 64 to 512 units per layer is typical.");
    }

    /// <summary>Features per sample.</summary>
    public int Inputs { get; }

    /// <summary>Outputs per sample (the last layer's units).</summary>
    public int Outputs => _layers[^1].Units;

    /// <summary>The seed the starting weights were drawn from.</summary>
    public int Seed { get; }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<Dense> Layers => _layers;

    /// <summary>The total number of trainable values.</summary>
    public int ParameterCount => _layers.Sum(l => l.ParameterCount);

    /// <summary>The trainable parameters, in layer order (weights, then bias, per layer).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameterList;

    /// <summary>Marks the network as training, or throws if another <c>Fit</c> on it has not returned.</summary>
    /// <remarks>Training reuses the network's buffers batch after batch, so two fits at once would overwrite each other's
    /// activations and fail deep in a matrix product (or, worse, silently mix their weights). One flag, set atomically,
    /// turns that into an error that says what happened.</remarks>
    /// <exception cref="InvalidOperationException">The network is already training.</exception>
    internal void BeginTraining()
    {
        if (Interlocked.Exchange(ref _training, 1) != 0)
            throw new InvalidOperationException(
                "this network is already training: another Fit call on it has not returned. help: wait for that Fit to finish, or give each concurrent Fit its own network.");
    }

    /// <summary>Ends what <see cref="BeginTraining"/> began.</summary>
    internal void EndTraining() => Volatile.Write(ref _training, 0);

    /// <summary>The same parameters as <see cref="Parameters"/>, as the array itself for the training loop.</summary>
    internal Parameter[] ParameterArray => _parameters;

    /// <summary>The layer sizes as text, e.g. <c>2-4-1</c>.</summary>
    public string Shape => string.Join("-", new[] { Inputs }.Concat(_layers.Select(l => l.Units)));

    /// <summary>Runs the network on every row of <paramref name="x"/> and returns the outputs (rows × <see cref="Outputs"/>).</summary>
    /// <param name="x">Rows × <see cref="Inputs"/> finite values.</param>
    /// <exception cref="ArgumentException">Wrong column count or non-finite values.</exception>
    public Matrix Predict(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckInput(x);
        var result = new Matrix(x.Rows, Outputs);
        const int chunk = 1024;
        var buffer = new float[Math.Min(chunk, Math.Max(x.Rows, 1)) * Inputs];
        for (int start = 0; start < x.Rows; start += chunk)
        {
            int rows = Math.Min(chunk, x.Rows - start);
            x.AsSpan().Slice(start * Inputs, rows * Inputs).CopyTo(buffer);
            var output = Forward(buffer, rows);
            output.AsSpan(0, rows * Outputs).CopyTo(result.AsSpan().Slice(start * Outputs));
        }
        return result;
    }

    /// <summary>Runs the network on every row of <paramref name="x"/> and returns every layer's activations, input side first.</summary>
    /// <remarks>What each neuron computes over a grid of inputs is what the playground paints on every neuron, and what a
    /// lesson shows of a hidden layer; <see cref="Predict"/> keeps only the last of these. Result <c>i</c> is rows ×
    /// <c>Layers[i].Units</c>; the last equals <see cref="Predict"/>'s.</remarks>
    /// <param name="x">Rows × <see cref="Inputs"/> finite values.</param>
    /// <exception cref="ArgumentException">Wrong column count or non-finite values.</exception>
    public IReadOnlyList<Matrix> PredictLayers(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckInput(x);
        var results = _layers.Select(l => new Matrix(x.Rows, l.Units)).ToArray();
        const int chunk = 1024;
        var buffer = new float[Math.Min(chunk, Math.Max(x.Rows, 1)) * Inputs];
        for (int start = 0; start < x.Rows; start += chunk)
        {
            int rows = Math.Min(chunk, x.Rows - start);
            x.AsSpan().Slice(start * Inputs, rows * Inputs).CopyTo(buffer);
            Forward(buffer, rows);
            for (int i = 0; i < _layers.Length; i++)
            {
                int units = _layers[i].Units;
                _layers[i].Output.AsSpan(0, rows * units).CopyTo(results[i].AsSpan().Slice(start * units));
            }
        }
        return results;
    }

    /// <summary>The mean <paramref name="loss"/> of the network's outputs on rows <paramref name="x"/> against targets <paramref name="y"/>,
    /// without training: the test loss a chart draws beside the training loss.</summary>
    /// <remarks>Computed from the output layer's weighted sums as well as its activations, so a fused loss keeps its stable
    /// form (binary cross-entropy from logits never takes log 0).</remarks>
    /// <param name="loss">The loss, compatible with the output layer.</param>
    /// <param name="x">Rows × <see cref="Inputs"/> finite values.</param>
    /// <param name="y">Rows × <see cref="Outputs"/> targets (one-hot for classes).</param>
    /// <exception cref="ArgumentException">Shapes that do not fit, non-finite inputs, or a loss that does not fit the output layer.</exception>
    public double Evaluate(Loss loss, Matrix x, Matrix y)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckInput(x);
        if (y.Rows != x.Rows || y.Columns != Outputs)
            throw Guard.Error(nameof(y), $"y is {y.Rows}×{y.Columns} but the network needs {x.Rows}×{Outputs} targets for these rows.",
                "pass one row of targets per input row, one column per output.");
        loss.CheckCompatible(_layers[^1].Activation, Outputs);
        if (x.Rows == 0)
            return 0;
        const int chunk = 1024;
        var buffer = new float[Math.Min(chunk, x.Rows) * Inputs];
        double sum = 0;
        var output = _layers[^1];
        for (int start = 0; start < x.Rows; start += chunk)
        {
            int rows = Math.Min(chunk, x.Rows - start);
            x.AsSpan().Slice(start * Inputs, rows * Inputs).CopyTo(buffer);
            Forward(buffer, rows);
            int n = rows * Outputs;
            sum += loss.Compute(output.Z[..n], output.Output.AsSpan(0, n), y.AsSpan().Slice(start * Outputs, n), Outputs) * rows;
        }
        return sum / x.Rows;
    }

    /// <summary>Forward pass over the first <paramref name="rows"/> rows of <paramref name="batch"/>; returns the output layer's activations buffer (valid until the next pass).</summary>
    /// <param name="batch">Rows × <see cref="Inputs"/> values, row-major.</param>
    /// <param name="rows">The number of rows to use.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Forward(float[] batch, int rows)
    {
        float[] input = batch;
        foreach (var layer in _layers)
        {
            layer.Forward(input, rows);
            input = layer.Output;
        }
        return input;
    }

    /// <summary>Backward pass after <see cref="Forward"/>: computes every parameter's gradient of the mean <paramref name="loss"/>, and returns the loss.</summary>
    /// <param name="loss">The loss, compatible with the output activation.</param>
    /// <param name="targets">Rows × <see cref="Outputs"/> targets, row-major (one-hot for classes).</param>
    /// <param name="rows">The rows of the last forward pass.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Backward(Loss loss, float[] targets, int rows)
    {
        EnsureGradientBuffers(rows);
        var output = _layers[^1];
        int n = rows * output.Units;
        var a = output.Output.AsSpan(0, n);
        var y = targets.AsSpan(0, n);
        double value = loss.Compute(output.Z, a, y, output.Units);
        var gradZ = _grad[^1].AsSpan(0, n);
        loss.OutputGradient(output.Activation, output.Z, a, y, gradZ, output.Units);
        for (int i = _layers.Length - 1; i > 0; i--)
        {
            var below = _layers[i - 1];
            _layers[i].Backward(_grad[i].AsSpan(0, rows * _layers[i].Units), below, _grad[i - 1].AsSpan(0, rows * below.Units));
        }
        _layers[0].Backward(_grad[0].AsSpan(0, rows * _layers[0].Units), null, Span<float>.Empty);
        return value;
    }

    /// <summary>The forward pass from layer <paramref name="first"/> up, given that layer's input: the rest of a pass whose lower
    /// layers were computed elsewhere (a split training step computes the first layer's units on several threads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal float[] ForwardFrom(int first, float[] input, int rows)
    {
        for (int i = first; i < _layers.Length; i++)
        {
            _layers[i].Forward(input, rows);
            input = _layers[i].Output;
        }
        return input;
    }

    /// <summary>The part of <see cref="Backward"/> the first layer waits for: dL/dZ of every layer from the output down to the
    /// first, which it leaves in <see cref="FirstLayerGradient"/>. No loss value and no parameter gradients: those come from
    /// <see cref="FinishBackwardAboveFirst"/>, which a split step runs on another thread meanwhile. The same bits as <see cref="Backward"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void BackwardToFirst(Loss loss, float[] targets, int rows)
    {
        EnsureGradientBuffers(rows);
        var output = _layers[^1];
        int n = rows * output.Units;
        loss.OutputGradient(output.Activation, output.Z, output.Output.AsSpan(0, n), targets.AsSpan(0, n), _grad[^1].AsSpan(0, n), output.Units);
        for (int i = _layers.Length - 1; i >= 1; i--)
        {
            var below = _layers[i - 1];
            var gradBelow = _grad[i - 1].AsSpan(0, rows * below.Units);
            _layers[i].BackwardInput(_grad[i].AsSpan(0, rows * _layers[i].Units), gradBelow);
            below.Activation.Backward(below.Z, below.Output.AsSpan(0, rows * below.Units), gradBelow, gradBelow, below.Units);
        }
    }

    /// <summary>The rest of <see cref="Backward"/> after <see cref="BackwardToFirst"/>, for every layer but the first: the weight
    /// and bias gradients, and the loss, which it returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double FinishBackwardAboveFirst(Loss loss, float[] targets, int rows)
    {
        var output = _layers[^1];
        int n = rows * output.Units;
        double value = loss.Compute(output.Z, output.Output.AsSpan(0, n), targets.AsSpan(0, n), output.Units);
        for (int i = _layers.Length - 1; i >= 1; i--)
            _layers[i].BackwardParameters(_grad[i].AsSpan(0, rows * _layers[i].Units));
        return value;
    }

    /// <summary>The first layer's gradient buffer (rows × units) of the last backward pass.</summary>
    internal float[] FirstLayerGradient => _grad[0];

    /// <summary>Re-draws every layer's weights the way a NumPy script does: <c>np.random.seed(seed)</c>, then
    /// <c>W = np.random.randn(inputs, units) * scale</c> layer after layer, biases zero.</summary>
    /// <remarks>Seed 002 is <c>InitializeLikeNumPy(42, 0.5)</c> on a 2-4-1 network: W1 is the first 8 values of
    /// NumPy's stream, row-major, and W2 the next 4. The values are drawn in double precision, as NumPy does,
    /// and rounded once to float32.</remarks>
    /// <param name="seed">The <c>np.random.seed</c> value, 0 to 2³² − 1.</param>
    /// <param name="scale">The factor the script multiplies <c>randn</c> by.</param>
    public void InitializeLikeNumPy(long seed, double scale)
    {
        Guard.Positive(scale, nameof(scale), "the tutorials use 0.5 or 0.01.");
        var numpy = new NumPyRandom(seed);
        foreach (var layer in _layers)
        {
            var w = new float[layer.Inputs * layer.Units];
            for (int i = 0; i < w.Length; i++)
                w[i] = (float)(numpy.Randn() * scale);
            layer.SetWeights(w, new float[layer.Units]);
        }
    }

    /// <summary>A copy of every parameter's values, for early stopping's best-weights restore.</summary>
    public float[][] SnapshotParameters() => _parameters.Select(p => (float[])p.Value.Clone()).ToArray();

    /// <summary>Copies every parameter's values into <paramref name="snapshot"/>, allocating it only the first time.</summary>
    /// <param name="snapshot">A buffer from an earlier call, or null.</param>
    /// <returns>The filled buffer.</returns>
    public float[][] SnapshotParameters(float[][]? snapshot)
    {
        if (snapshot is null || snapshot.Length != _parameters.Length)
            return SnapshotParameters();
        for (int i = 0; i < _parameters.Length; i++)
            _parameters[i].Value.CopyTo(snapshot[i], 0);
        return snapshot;
    }

    /// <summary>Restores values taken by <see cref="SnapshotParameters()"/>.</summary>
    /// <param name="snapshot">A snapshot of this network.</param>
    public void RestoreParameters(float[][] snapshot)
    {
        if (snapshot.Length != _parameters.Length)
            throw Guard.Error(nameof(snapshot), "the snapshot belongs to another network.", "restore only snapshots taken from this network.");
        for (int i = 0; i < _parameters.Length; i++)
            snapshot[i].CopyTo(_parameters[i].Value, 0);
    }

    internal void CheckInput(Matrix x)
    {
        if (x.Columns != Inputs)
            throw Guard.Error(nameof(x), $"x has {x.Columns} columns but the network expects {Inputs} inputs.", $"pass rows of {Inputs} features, in the order used for training.");
        var span = x.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            if (!float.IsFinite(span[i]))
                throw Guard.Error(nameof(x), $"x[{i / Inputs}][{i % Inputs}] is {span[i]}, not a finite number.", "remove or impute NaN and infinite values.");
        }
    }

    private void EnsureGradientBuffers(int rows)
    {
        if (_grad.Length == _layers.Length && _grad[0].Length >= rows * _layers[0].Units)
            return;
        _grad = GradientBuffers(_layers, rows);
    }

    // Apart from EnsureGradientBuffers: a lambda capturing `rows` there would allocate its closure on every call, even when the buffers fit.
    private static float[][] GradientBuffers(Dense[] layers, int rows) => layers.Select(l => new float[rows * l.Units]).ToArray();

    /// <summary>A summary: shape, layers with their activations, and the parameter count, e.g.
    /// <c>Network 2-4-1: Dense(4, sigmoid), Dense(1, sigmoid); 17 parameters</c>.</summary>
    public override string ToString() =>
        $"Network {Shape}: {string.Join(", ", _layers.Select(l => l.ToString()))}; {ParameterCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} parameters";
}

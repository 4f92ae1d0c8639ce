using System.Runtime.CompilerServices;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Metrics;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;

namespace Rosenblatt.Training;

/// <summary>One mini-batch step with the first layer's units divided between threads, each thread keeping its
/// block of weights, gradients and activations in its own cache from one step to the next.</summary>
/// <remarks>
/// <para>Why: in a network like MNIST's 784-128-10 nearly all the arithmetic is in the first layer (X·W₁ and
/// Xᵀ·dZ₁). Splitting each product over the threads on its own made the threads pass the weights, the
/// gradients and the batch back and forth between their caches every step, and wake each other four times a
/// step; on two cores that ate most of what the second core gave. Here thread t owns units
/// [first_t, end_t) of the first layer for good: it reads the batch (gathered ahead by the first worker, or at an
/// epoch's first step by each thread for itself), computes its block of H = f(X·W₁ + b₁); the main thread then runs the rest of the network forward and back down to dZ₁; and each
/// thread computes its block of dW₁ = Xᵀ·dZ₁ and db₁ and applies the optimizer to it (plain SGD rides in the
/// product itself). Meanwhile the first worker gathers the next batch (one copy that every thread reads), and the
/// main thread, after its block, finishes the upper layers: their weight gradients, the loss, the accuracy count and
/// their update. The threads meet twice a step, and the serial share is only what the first layer must wait for.</para>
/// <para>The bits are those of the plain step on one thread: each unit's block is computed by the same kernels
/// in the same order (GEMM regions, element-wise activations, column sums, element-wise updates), so results
/// stay bit-identical for any thread count. (A block narrower than a vector runs its activation on a padded copy:
/// TensorPrimitives' scalar code for very short spans does not give its vector code's bits.) When the thread pool
/// is busy the step runs the same phases on the calling thread; so it does when its first steps found the calling thread
/// faster on this machine (<see cref="SplitStepChoice"/>).</para>
/// <para>Used when the first layer is a hidden layer with an element-wise activation, the product is large enough
/// to split, the optimizer updates any block of values apart (<see cref="Optimizer.UpdatesColumnBlocks"/>: SGD and Adam),
/// and an epoch has several batches (the divergence check then restores the epoch's starting weights, so a
/// block updated before another block's non-finite gradient is found does no harm). A batch whose first-layer product
/// is tiny (<see cref="Handles"/>: an epoch's short last batch) takes the trainer's plain step.</para>
/// <para>What differs from the plain step, apart from speed: with plain SGD fused into the product, the first layer's
/// weight <see cref="Parameter.Gradient"/> is not written (the plain step leaves the last batch's gradient there); and
/// when a step is found diverged, blocks with finite gradients have already been updated (the weights are restored
/// from the epoch's start, as in the plain loop, but a momentum optimizer's velocity of those blocks has taken the step).</para>
/// </remarks>
internal sealed class SplitStep<TRows> : PoolJob
    where TRows : struct, IRowSource
{
    private readonly Network _network;
    private readonly Dense _first;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly TRows _x;
    private readonly Matrix _y;
    private readonly float[][] _own;      // each thread's own copy of a batch it gathers itself
    private readonly float[][] _input;    // the copy each thread reads this step
    private readonly float[][] _ring;     // batches the first worker gathers ahead, in rotation
    private int _ringAt;                  // the one every thread reads this step when prefetched
    private readonly float[] _targets;
    private readonly bool _classifier;
    private readonly int _parts;
    private readonly bool[] _finite;
    private readonly ManualResetEventSlim _forwardDone = new(false, spinCount: 2000);
    private readonly ManualResetEventSlim _gradientReady = new(false, spinCount: 2000);
    private int _forwardPending;
    private volatile bool _abort;
    private int[] _order = [];
    private int _start;
    private int _rows;
    private int _nextRows;
    private float? _fusedRate;
    private float[] _output = [];
    private bool _upperFinite;
    private bool _prefetched;
    private readonly SplitStepChoice _choice = new();

    private SplitStep(Network network, Loss loss, Optimizer optimizer, TRows x, Matrix y, float[] batchX, float[] batchY, bool classifier, int parts)
    {
        _network = network;
        _first = network.Layers[0];
        _loss = loss;
        _optimizer = optimizer;
        _x = x;
        _y = y;
        _targets = batchY;
        _classifier = classifier;
        _parts = parts;
        _finite = new bool[parts];
        _own = new float[parts][];
        _own[0] = batchX;
        for (int p = 1; p < parts; p++)
            _own[p] = new float[batchX.Length];
        _input = new float[parts][];
        // Three in rotation, so the one being written was last read two steps ago: by then it has mostly left the
        // other thread's cache, and writing it costs fewer cross-core invalidations than with two.
        _ring = [new float[batchX.Length], new float[batchX.Length], new float[batchX.Length]];
        // Both events block at some point; making their internal locks now keeps the steps allocation-free.
        _forwardDone.Wait(0);
        _gradientReady.Wait(0);
    }

    /// <summary>The threads a step uses.</summary>
    public int Parts => _parts;

    /// <summary>Whether the steps run on the worker threads (true) or all parts on the calling thread (false), once the
    /// first steps have timed both (<see cref="SplitStepChoice"/>); null before.</summary>
    public bool? OnThreads => _choice.Threads;

    /// <summary>The mean loss of the last step.</summary>
    public double Loss { get; private set; }

    /// <summary>The correctly classified rows of the last step (classifiers).</summary>
    public long Correct { get; private set; }

    /// <summary>Whether the last step found a non-finite loss or gradient (its update then is not to be trusted).</summary>
    public bool Diverged { get; private set; }

    /// <summary>A split step for this run, or null when the plain step is the one to use.</summary>
    public static SplitStep<TRows>? TryCreate(Network network, Loss loss, Optimizer optimizer, TRows x, Matrix y,
        float[] batchX, float[] batchY, int batchSize, bool oneBatch, bool classifier)
    {
        if (oneBatch || network.Layers.Count < 2 || !optimizer.UpdatesColumnBlocks)
            return null;
        var first = network.Layers[0];
        if (!first.Activation.IsBuiltInElementwise)
            return null;
        long work = (long)batchSize * first.Inputs * first.Units;
        int tiles = (first.Units + GemmMicroKernel.NR - 1) / GemmMicroKernel.NR;
        int parts = (int)Math.Clamp(work / Gemm.MinWorkPerThread, 1, Math.Min(Parallelism.MaxThreads, tiles));
        if (parts < 2 || GemmSmall.Handles(batchSize, first.Units, first.Inputs))
            return null;
        return new SplitStep<TRows>(network, loss, optimizer, x, y, batchX, batchY, classifier, parts);
    }

    /// <summary>Whether a batch of <paramref name="rows"/> rows can be split: its first-layer product is not a tiny one, whose
    /// direct loop (<see cref="GemmSmall"/>) no column block can reproduce. An epoch's short last batch may be tiny
    /// when the others are not; the trainer runs the plain step on it.</summary>
    public bool Handles(int rows) => rows > 0 && !GemmSmall.Handles(rows, _first.Units, _first.Inputs);

    /// <summary>Trains on rows <paramref name="order"/>[<paramref name="start"/>..+<paramref name="rows"/>): gather, forward,
    /// backward and update; then read <see cref="Loss"/>, <see cref="Correct"/> and <see cref="Diverged"/>.</summary>
    /// <param name="order">The epoch's row order.</param>
    /// <param name="start">The batch's first position in <paramref name="order"/>.</param>
    /// <param name="rows">The batch's rows.</param>
    /// <param name="nextRows">The rows of the next batch of the same epoch, which the step may gather ahead; 0 at the epoch's end
    /// or when the next batch will not be split (<see cref="Handles"/>).</param>
    /// <exception cref="InvalidOperationException">The batch cannot be split (<see cref="Handles"/> is false).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int[] order, int start, int rows, int nextRows)
    {
        if (!Handles(rows))
            throw new InvalidOperationException($"a batch of {rows} rows is too small to split. help: run the plain step on it.");
        // The batch gathered ahead is used only if it is this one: the rows right after the last batch, as many as gathered.
        if (_prefetched && (order != _order || start != _start + _rows || rows != _nextRows))
            _prefetched = false;
        _order = order;
        _start = start;
        _rows = rows;
        _nextRows = nextRows;
        _abort = false;
        _upperFinite = false;
        Array.Clear(_finite);
        _fusedRate = Gemm.CanDescend(_first.Inputs, _first.Units, rows) ? _optimizer.PlainStepRate(_network.ParameterArray[0]) : null;
        _forwardDone.Reset();
        _gradientReady.Reset();
        Volatile.Write(ref _forwardPending, _parts - 1);
        for (int p = 0; p < _parts; p++)
            _input[p] = _prefetched ? _ring[_ringAt] : _own[p];
        _first.BeginSplitForward(_input[0], rows);
        bool onThreads = _choice.NextOnThreads();
        long began = System.Diagnostics.Stopwatch.GetTimestamp();
        if (onThreads && WorkerPool.TryRun(this, _parts))
        {
            _prefetched = nextRows > 0 && !_abort;
            if (_prefetched)
                _ringAt = (_ringAt + 1) % _ring.Length;
        }
        else
        {
            onThreads = false;
            RunOnCallingThread();
        }
        _choice.Record(onThreads, System.Diagnostics.Stopwatch.GetTimestamp() - began);
        Diverged = _abort || !_upperFinite;
        for (int p = 0; p < _parts; p++)
            Diverged |= !_finite[p];
        // Counted last, as the plain loop counts only a step it takes: one found non-finite stops the run uncounted.
        if (!Diverged)
        {
            _optimizer.EndColumnUpdates(_network.ParameterArray[0]);
            _optimizer.EndColumnUpdates(_network.ParameterArray[1]);
            _optimizer.CountStep();
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void RunPart(int part, int parts)
    {
        (int first, int end) = GemmWorkers.Slice(_first.Units, GemmMicroKernel.NR, part, parts);
        if (!_prefetched)
            _x.Gather(_order.AsSpan(_start, _rows), _input[part]);
        _first.ForwardColumns(_input[part], _rows, first, end);
        if (part == 0)
        {
            _forwardDone.Wait();
            if (!_abort)
                DownToFirst();
            _gradientReady.Set();
        }
        else
        {
            if (Interlocked.Decrement(ref _forwardPending) == 0)
                _forwardDone.Set();
            // While the main thread runs the rest of the network, the first worker gathers the next batch.
            if (part == 1 && _nextRows > 0)
                _x.Gather(_order.AsSpan(_start + _rows, _nextRows), _ring[(_ringAt + 1) % _ring.Length]);
            _gradientReady.Wait();
        }
        if (_abort)
            return;
        _finite[part] = BackwardAndUpdate(part, first, end);
        if (part == 0)
            FinishUpperLayers();
    }

    /// <inheritdoc />
    public override void Abort()
    {
        _abort = true;
        _forwardDone.Set();
        _gradientReady.Set();
    }

    /// <summary>The same phases on one thread, for when the pool is busy: the bits do not change.</summary>
    private void RunOnCallingThread()
    {
        _prefetched = false;
        _input[0] = _own[0];
        _first.BeginSplitForward(_own[0], _rows); // the layer's input is the copy gathered here, not a batch gathered ahead
        _x.Gather(_order.AsSpan(_start, _rows), _own[0]);
        _first.ForwardColumns(_own[0], _rows, 0, _first.Units);
        DownToFirst();
        _finite[0] = BackwardAndUpdate(0, 0, _first.Units);
        for (int p = 1; p < _parts; p++)
            _finite[p] = true;
        FinishUpperLayers();
    }

    /// <summary>The main thread's serial share: the rest of the network forward, and back down to the first layer's dL/dZ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DownToFirst()
    {
        new MatrixRows(_y).Gather(_order.AsSpan(_start, _rows), _targets);
        _output = _network.ForwardFrom(1, _first.Output, _rows);
        _network.BackwardToFirst(_loss, _targets, _rows);
    }

    /// <summary>The main thread's share after its block, while the workers finish theirs: the upper layers' gradients, the
    /// loss, the accuracy count and the upper layers' update (skipped when anything there is NaN or ±∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FinishUpperLayers()
    {
        int rows = _rows, outputs = _network.Outputs;
        Loss = _network.FinishBackwardAboveFirst(_loss, _targets, rows);
        Correct = _classifier ? Accuracy.CountCorrect(_output.AsSpan(0, rows * outputs), _targets.AsSpan(0, rows * outputs), outputs) : 0;
        var parameters = _network.ParameterArray;
        _upperFinite = double.IsFinite(Loss) && Trainer.AllFinite(parameters, firstParameter: 2);
        if (!_upperFinite)
            return;
        for (int i = 2; i < parameters.Length; i++) // the first layer's weights and bias are updated block by block
            _optimizer.UpdateWhole(parameters[i]);
    }

    /// <summary>This thread's block of the first layer: gradients, then the update when they are finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BackwardAndUpdate(int part, int first, int end)
    {
        var weights = _network.ParameterArray[0];
        var bias = _network.ParameterArray[1];
        int units = _first.Units;
        if (_fusedRate is float rate)
        {
            // Plain SGD: the step rides in the weight gradient's product (one pass over the weights instead of three).
            return _first.BackwardColumnsWithStep(_input[part], _network.FirstLayerGradient, first, end, rate)
                && _optimizer.UpdateColumns(bias, units, first, end);
        }
        _first.BackwardColumns(_input[part], _network.FirstLayerGradient, first, end);
        return _optimizer.UpdateColumns(weights, units, first, end) && _optimizer.UpdateColumns(bias, units, first, end);
    }
}

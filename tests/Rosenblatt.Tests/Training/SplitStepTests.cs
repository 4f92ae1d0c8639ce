using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Preprocessing;
using Rosenblatt.Tests.Numerics;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>The split training step (the first layer's units divided between threads) gives the plain one-thread step's
/// bits, takes over only where it applies, and keeps the loop's promises: divergence stops and restores, no allocation per batch.</summary>
[Collection(EngineSettingsCollection.Name)]
public class SplitStepTests
{
    // 64 rows × 512 inputs × 40 or more units per batch: enough work that two threads split it.
    private const int Rows = 300, Inputs = 512, Classes = 5, Batch = 64;

    private static (Matrix X, Matrix Y) Data(int seed, float scale = 1f)
    {
        var random = new Random(seed);
        var x = new Matrix(Rows, Inputs);
        var y = new Matrix(Rows, Classes);
        for (int r = 0; r < Rows; r++)
        {
            int label = random.Next(Classes);
            y[r, label] = 1;
            for (int c = 0; c < Inputs; c++)
                x[r, c] = scale * ((float)random.NextDouble() + (c % Classes == label ? 0.4f : 0f));
        }
        return (x, y);
    }

    /// <summary><paramref name="m"/>'s rows <paramref name="copies"/> times over: the same data, many more batches.</summary>
    private static Matrix Repeated(Matrix m, int copies)
    {
        var result = new Matrix(m.Rows * copies, m.Columns);
        for (int copy = 0; copy < copies; copy++)
            m.AsSpan().CopyTo(result.AsSpan().Slice(copy * m.Rows * m.Columns));
        return result;
    }

    private static T WithThreads<T>(int threads, Func<T> run, bool? onThreads = true)
    {
        int saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = threads;
            // The worker threads every step, whichever way this machine would choose (SplitStepChoice), so they are what is tested.
            SplitStepChoice.Forced = onThreads;
            return run();
        }
        finally
        {
            Parallelism.MaxThreads = saved;
            SplitStepChoice.Forced = null;
        }
    }

    private static (float[] Weights, double[] Losses, int SplitParts) Train(int threads, string activation, int hidden, Func<Optimizer> optimizer, int batch = Batch,
        bool? onThreads = true)
    {
        var (x, y) = Data(seed: 3);
        return WithThreads(threads, onThreads: onThreads, run: () =>
        {
            var network = new Network(Inputs, [new Dense(hidden, activation), new Dense(Classes, "softmax")], seed: 4);
            var trainer = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = batch, Seed = 8 });
            var history = trainer.Fit(network, CategoricalCrossEntropy.Instance, optimizer(), x, y);
            return (network.Parameters.SelectMany(p => p.Value).ToArray(), history.Epochs.Select(e => e.Loss).ToArray(), trainer.SplitParts);
        });
    }

    public static TheoryData<string, int, string> Cases => new()
    {
        { "relu", 64, "sgd" },
        { "relu", 40, "sgd" },          // 40 units: blocks of 16 and 24, the last tile partial
        { "sigmoid", 64, "momentum" },  // activation applied apart from the product; velocity per block
        { "tanh", 48, "decay" },        // weight decay added block by block
        { "leaky_relu", 64, "nesterov" },
        { "relu", 64, "adam" },         // Adam: moments per block, the step count advanced once the step is done
        { "sigmoid", 40, "adam" },
        { "tanh", 48, "adam-decay" },
    };

    private static Optimizer Make(string name) => name switch
    {
        "momentum" => new Sgd(0.05, momentum: 0.9),
        "nesterov" => new Sgd(0.05, momentum: 0.9, nesterov: true),
        "decay" => new Sgd(0.1, weightDecay: 1e-3),
        "adam" => new Adam(0.01),
        "adam-decay" => new Adam(0.01, weightDecay: 1e-3),
        _ => new Sgd(0.1),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_SplitOverTwoThreads_GivesTheBitsOfThePlainStepOnOneThread(string activation, int hidden, string optimizer)
    {
        var one = Train(1, activation, hidden, () => Make(optimizer));
        var two = Train(2, activation, hidden, () => Make(optimizer));
        Assert.Equal(0, one.SplitParts);
        Assert.Equal(2, two.SplitParts);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Weights, two.Weights);
        Assert.True(one.Losses[^1] < one.Losses[0], "the run should learn something");
    }

    [Theory]
    [InlineData("relu", "adam")]
    [InlineData("tanh", "momentum")]
    public void Fit_SplitOnTheCallingThreadOrTimingBothWays_GivesTheBitsOfTheThreads(string activation, string optimizer)
    {
        // The way a split step runs is chosen by timing (SplitStepChoice): all parts on the calling thread, or a fit that
        // switches between the two during its trial, must give the same bits as the threads.
        var threads = Train(2, activation, 64, () => Make(optimizer), onThreads: true);
        var calling = Train(2, activation, 64, () => Make(optimizer), onThreads: false);
        var timed = Train(2, activation, 64, () => Make(optimizer), onThreads: null);
        Assert.Equal(2, calling.SplitParts);
        Assert.Equal(threads.Weights, calling.Weights);
        Assert.Equal(threads.Losses, calling.Losses);
        Assert.Equal(threads.Weights, timed.Weights);
        Assert.Equal(threads.Losses, timed.Losses);
    }

    [Theory]
    [InlineData("sigmoid", 17)]   // blocks of 16 units and 1: a block narrower than any vector
    [InlineData("tanh", 18)]
    [InlineData("leaky_relu", 19)]
    [InlineData("sigmoid", 20)]   // blocks of 16 and 4, 7, 8 and 15: narrower than the whole layer's vectors
    [InlineData("tanh", 23)]
    [InlineData("sigmoid", 24)]
    [InlineData("tanh", 31)]
    [InlineData("sigmoid", 35)]   // blocks of 16 and 19: a 3-unit tail after a vector
    public void Fit_SplitWithABlockNarrowerThanAVector_GivesTheBitsOfThePlainStep(string activation, int hidden)
    {
        // 128 rows a batch: enough work to split even 17 units.
        var one = Train(1, activation, hidden, () => new Sgd(0.1), batch: 128);
        var two = Train(2, activation, hidden, () => new Sgd(0.1), batch: 128);
        Assert.Equal(2, two.SplitParts);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Weights, two.Weights);
    }

    [Fact]
    public void Fit_SplitWithTwoHiddenLayersAndARegressionLoss_GivesTheBitsOfThePlainStep()
    {
        // Three layers (the main thread runs two above the split one) and mean squared error on a linear output.
        var (x, y) = Data(seed: 7);
        (float[], double[], int) Run(int threads) => WithThreads(threads, () =>
        {
            var network = new Network(Inputs, [new Dense(64, "tanh"), new Dense(24, "relu"), new Dense(Classes, "identity")], seed: 5);
            var trainer = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = Batch, Seed = 2 });
            var history = trainer.Fit(network, MeanSquaredError.Instance, new Sgd(0.01, momentum: 0.5), x, y);
            return (network.Parameters.SelectMany(p => p.Value).ToArray(), history.Epochs.Select(e => e.Loss).ToArray(), trainer.SplitParts);
        });

        var (oneWeights, oneLosses, plain) = Run(1);
        var (twoWeights, twoLosses, split) = Run(2);
        Assert.Equal(0, plain);
        Assert.Equal(2, split);
        Assert.Equal(oneLosses, twoLosses);
        Assert.Equal(oneWeights, twoWeights);
        Assert.True(oneLosses[^1] < oneLosses[0], "the run should learn something");
    }

    [Fact]
    public void Fit_SplitOnByteImages_GivesTheBitsOfThePlainStep()
    {
        var random = new Random(5);
        var pixels = new byte[Rows * 16 * 16];
        random.NextBytes(pixels);
        var images = new IdxImages(Rows, 16, 16, pixels);
        var y = OneHot.Encode(Enumerable.Range(0, Rows).Select(i => pixels[i * 256] % Classes).ToArray(), Classes);
        (float[], int) Run(int threads) => WithThreads(threads, () =>
        {
            var network = new Network(256, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 2);
            var trainer = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = Batch, Seed = 1 });
            trainer.Fit(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), images, y);
            return (network.Parameters.SelectMany(p => p.Value).ToArray(), trainer.SplitParts);
        });

        var (one, plain) = Run(1);
        var (two, split) = Run(2);
        Assert.Equal(0, plain);
        Assert.Equal(2, split);
        Assert.Equal(one, two);
    }

    [Theory]
    [InlineData(16, "adam")]
    [InlineData(16, "sgd")]
    [InlineData(24, "adam")]
    [InlineData(32, "adam")]   // train's defaults: Adam, batches of 32
    [InlineData(32, "momentum")]
    [InlineData(48, "nesterov")]
    public void Fit_SplitWithSmallBatches_GivesTheBitsOfThePlainStep(int batch, string optimizer)
    {
        // 128 units × 512 inputs: even a 16-row batch is enough work for two threads, as MNIST's 784-128 layer is.
        var one = Train(1, "relu", 128, () => Make(optimizer), batch);
        var two = Train(2, "relu", 128, () => Make(optimizer), batch);
        Assert.Equal(0, one.SplitParts);
        Assert.Equal(2, two.SplitParts);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Weights, two.Weights);
    }

    [Theory]
    [InlineData("minmax", "adam")]
    [InlineData("standard", "sgd")]
    public void Fit_OnByteImagesWithAScaler_GivesTheBitsOfTrainingOnTheScaledMatrix(string scaling, string optimizer)
    {
        var random = new Random(6);
        var pixels = new byte[Rows * 16 * 16];
        random.NextBytes(pixels);
        for (int i = 0; i < pixels.Length; i += 7)
            pixels[i] = 0;  // some pixels never reach 255 nor 0 alike: per-pixel ranges differ
        var images = new IdxImages(Rows, 16, 16, pixels);
        var y = OneHot.Encode(Enumerable.Range(0, Rows).Select(i => pixels[i * 256 + 1] % Classes).ToArray(), Classes);
        Scaler NewScaler() => scaling == "minmax" ? new MinMaxScaler() : new StandardScaler();
        float[] Run(int threads, bool bytes) => WithThreads(threads, () =>
        {
            var network = new Network(256, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 2);
            var trainer = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = Batch, Seed = 1 });
            if (bytes)
                trainer.Fit(network, CategoricalCrossEntropy.Instance, Make(optimizer), images, NewScaler().Fit(images), y);
            else
                trainer.Fit(network, CategoricalCrossEntropy.Instance, Make(optimizer), NewScaler().FitTransform(images.ToMatrix()), y);
            return network.Parameters.SelectMany(p => p.Value).ToArray();
        });

        var reference = Run(1, bytes: false);
        Assert.Equal(reference, Run(1, bytes: true));
        Assert.Equal(reference, Run(2, bytes: true));
    }

    [Fact]
    public void Fit_WhereTheSplitDoesNotApply_UsesThePlainStep()
    {
        var (x, y) = Data(seed: 3);
        int Parts(Func<Network> network, Optimizer optimizer, int batch) => WithThreads(2, () =>
        {
            var trainer = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = batch, Seed = 8 });
            trainer.Fit(network(), CategoricalCrossEntropy.Instance, optimizer, x, y);
            return trainer.SplitParts;
        });

        Network Hidden() => new(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
        Assert.Equal(2, Parts(Hidden, new Sgd(0.1), Batch));
        Assert.Equal(2, Parts(Hidden, new Adam(0.01), Batch));                          // Adam too: its step count advances once per step
        Assert.Equal(0, Parts(Hidden, new Sgd(0.1), TrainerOptions.FullBatch));        // one batch an epoch
        Assert.Equal(0, Parts(() => new Network(Inputs, [new Dense(Classes, "softmax")], seed: 4), new Sgd(0.1), Batch)); // no hidden layer
        Assert.Equal(0, Parts(() => new Network(Inputs, [new Dense(8, "relu"), new Dense(Classes, "softmax")], seed: 4), new Sgd(0.1), Batch)); // too little work
    }

    [Fact]
    public void Fit_SplitWithATinyLastBatch_GivesTheBitsOfThePlainStep()
    {
        // 512 rows × 64 inputs × 32 units per batch is split over two threads, but the epoch's last batch of one row is a
        // product of 1·64·32 multiply-adds: the tiny-shape path, which no column block can reproduce.
        const int rows = 513, inputs = 64, classes = 3;
        var random = new Random(11);
        var x = new Matrix(rows, inputs);
        var y = new Matrix(rows, classes);
        for (int r = 0; r < rows; r++)
        {
            int label = random.Next(classes);
            y[r, label] = 1;
            for (int c = 0; c < inputs; c++)
                x[r, c] = (float)random.NextDouble() + (c % classes == label ? 0.4f : 0f);
        }
        (float[], double[], int) Run(int threads) => WithThreads(threads, () =>
        {
            var network = new Network(inputs, [new Dense(32, "relu"), new Dense(classes, "softmax")], seed: 2);
            var trainer = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 512, Seed = 4 });
            var history = trainer.Fit(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), x, y);
            return (network.Parameters.SelectMany(p => p.Value).ToArray(), history.Epochs.Select(e => e.Loss).ToArray(), trainer.SplitParts);
        });

        var (oneWeights, oneLosses, plain) = Run(1);
        var (twoWeights, twoLosses, split) = Run(2);
        Assert.Equal(0, plain);
        Assert.Equal(2, split);
        Assert.Equal(oneLosses, twoLosses);
        Assert.Equal(oneWeights, twoWeights);
    }

    [Theory]
    [InlineData("relu", "sgd")]
    [InlineData("sigmoid", "momentum")]
    public void Fit_SplitWithALastBatchOfTwoRows_GivesTheBitsOfThePlainStep(string activation, string optimizer)
    {
        // 300 rows in batches of 149: the last batch has 2 rows. Its first layer (2·512·64) is still split, while the output
        // layer (2·64·5) is tiny: the plain step runs it through TinyAffine, the split step through the general kernels.
        var one = Train(1, activation, 64, () => Make(optimizer), batch: 149);
        var two = Train(2, activation, 64, () => Make(optimizer), batch: 149);
        Assert.Equal(2, two.SplitParts);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Weights, two.Weights);
    }

    [Fact]
    public void Fit_SplitStepThatDiverges_StopsLikeThePlainStepAndRestoresTheEpochStart()
    {
        var (x, y) = Data(seed: 6, scale: 1e15f);
        (TrainingDivergedException Error, float[] Weights, int Parts) Run(int threads) => WithThreads(threads, () =>
        {
            var network = new Network(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
            var start = network.Parameters.SelectMany(p => p.Value).ToArray();
            var trainer = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = Batch, Seed = 8 });
            var error = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(network, CategoricalCrossEntropy.Instance, new Sgd(5), x, y));
            var weights = network.Parameters.SelectMany(p => p.Value).ToArray();
            Assert.All(weights, w => Assert.True(float.IsFinite(w)));
            return (error, weights, trainer.SplitParts);
        });

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(2, two.Parts);
        Assert.Equal((one.Error.Epoch, one.Error.Batch), (two.Error.Epoch, two.Error.Batch));
        Assert.Equal(one.Error.Loss, two.Error.Loss);
        Assert.Equal(one.Weights, two.Weights);
    }

    [Fact]
    public void Fit_SplitStepThatDiverges_CountsTheStepsOfThePlainStep()
    {
        // The plain step stops before it updates anything, so the diverged batch is not counted as a step.
        var (x, y) = Data(seed: 6, scale: 1e15f);
        long Steps(int threads) => WithThreads(threads, () =>
        {
            var network = new Network(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
            var optimizer = new Sgd(5);
            var trainer = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = Batch, Seed = 8 });
            Assert.Throws<TrainingDivergedException>(() => trainer.Fit(network, CategoricalCrossEntropy.Instance, optimizer, x, y));
            Assert.Equal(threads == 1 ? 0 : 2, trainer.SplitParts);
            return optimizer.Steps;
        });

        Assert.Equal(Steps(1), Steps(2));
    }

    [Fact]
    public void Run_ABatchLongerThanTheOneGatheredAhead_GathersItAfresh()
    {
        // The step before gathered 32 rows ahead; a following batch of 64 must not read 32 stale rows after them.
        var (x, y) = Data(seed: 3);
        var order = Enumerable.Range(0, Rows).Reverse().ToArray();
        float[] Train(int aheadRows) => WithThreads(2, () =>
        {
            var network = new Network(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
            var step = SplitStep<MatrixRows>.TryCreate(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), new MatrixRows(x), y,
                new float[Batch * Inputs], new float[Batch * Classes], Batch, oneBatch: false, classifier: true);
            Assert.NotNull(step);
            step.Run(order, 0, 32, aheadRows);
            step.Run(order, 32, Batch, 0);
            Assert.False(step.Diverged);
            return network.Parameters.SelectMany(p => p.Value).ToArray();
        });

        Assert.Equal(Train(aheadRows: 0), Train(aheadRows: 32));
    }

    /// <summary>Rows of a matrix whose gather fails on a pool worker when it reads row <see cref="FailAt"/>.</summary>
    private readonly struct FailingRows(Matrix matrix) : IRowSource
    {
        public static int FailAt = -1;

        public int Rows => matrix.Rows;

        public int Columns => matrix.Columns;

        public void Gather(ReadOnlySpan<int> indices, Span<float> destination)
        {
            if (indices.Contains(FailAt) && Thread.CurrentThread.Name?.StartsWith("Rosenblatt worker") == true)
                throw new InvalidDataException($"row {FailAt} cannot be read.");
            new MatrixRows(matrix).Gather(indices, destination);
        }
    }

    [Theory]
    [InlineData(0)]    // the first batch: the worker fails before its forward block, while the main thread waits for it
    [InlineData(64)]   // the second batch, gathered ahead: the worker fails while the main thread runs the upper layers
    public void Run_WhenAWorkersPartFails_ThrowsAndLeavesThePoolUsable(int failAt)
    {
        var (x, y) = Data(seed: 3);
        var order = Enumerable.Range(0, Rows).ToArray();
        WithThreads(2, () =>
        {
            FailingRows.FailAt = failAt;
            try
            {
                // With the pool busy elsewhere (another test's product) a step runs on the calling thread, where the row
                // source never fails: try again until a step has run on the pool.
                bool failed = false;
                for (int attempt = 0; attempt < 20 && !failed; attempt++)
                {
                    var network = new Network(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
                    var step = SplitStep<FailingRows>.TryCreate(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), new FailingRows(x), y,
                        new float[Batch * Inputs], new float[Batch * Classes], Batch, oneBatch: false, classifier: true);
                    Assert.NotNull(step);
                    // A hang is the failure to catch: run the step where the test can stop waiting for it.
                    var run = Task.Run(() => step.Run(order, 0, Batch, Batch));
                    Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "the step hung after a part failed");
                    if (run.IsFaulted)
                    {
                        var error = Assert.IsType<InvalidOperationException>(run.Exception!.InnerException);
                        Assert.IsType<InvalidDataException>(error.InnerException);
                        failed = true;
                    }
                }
                Assert.True(failed, "no step ran on the pool");
            }
            finally
            {
                FailingRows.FailAt = -1;
            }
            var job = new PartsCounter();
            Assert.True(SpinUntil(() => WorkerPool.TryRun(job, 2)), "the pool stayed busy after the failed step");
            Assert.Equal([1, 1], job.Runs);
            return 0;
        });
    }

    private sealed class PartsCounter : PoolJob
    {
        public readonly int[] Runs = new int[2];

        public override void RunPart(int part, int parts) => Interlocked.Increment(ref Runs[part]);
    }

    private static bool SpinUntil(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                return false;
            Thread.Yield();
        }
        return true;
    }

    [Fact]
    public void Fit_SplitStep_AllocatesNothingPerBatch()
    {
        // Twenty times the batches may cost only the longer row order (4 bytes a row) on the calling thread.
        var (small, smallY) = Data(seed: 3);
        var (large, largeY) = (Repeated(small, 20), Repeated(smallY, 20));
        WithThreads(2, () =>
        {
            var trainer = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = Batch, Seed = 3 });
            Network Fresh() => new(Inputs, [new Dense(64, "relu"), new Dense(Classes, "softmax")], seed: 4);
            trainer.Fit(Fresh(), CategoricalCrossEntropy.Instance, new Sgd(0.1), small, smallY); // warm up
            long Measure(Matrix x, Matrix y)
            {
                var network = Fresh();
                var optimizer = new Sgd(0.1);
                long before = GC.GetAllocatedBytesForCurrentThread();
                trainer.Fit(network, CategoricalCrossEntropy.Instance, optimizer, x, y);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }

            long rowOrder = 4L * (large.Rows - small.Rows);
            var (few, many) = LeastExtra(() => (Measure(small, smallY), Measure(large, largeY)), rowOrder);
            Assert.Equal(2, trainer.SplitParts);
            Assert.True(many - few <= rowOrder + 256, $"5 batches allocated {few} bytes, 94 batches {many}: {many - few - rowOrder} bytes more than the row order");
            return 0;
        });
    }

    /// <summary>Measures (few batches, many batches) up to three times and keeps the pair with the least extra allocation.</summary>
    /// <remarks>An allocation per batch shows in every attempt (many batches × its size); the runtime's own occasional
    /// allocations on a loaded machine (tiering, a lazily created lock) do not repeat, so they cannot fail the test.</remarks>
    private static (long Few, long Many) LeastExtra(Func<(long Few, long Many)> measure, long rowOrder)
    {
        var best = measure();
        for (int attempt = 1; attempt < 3 && best.Many - best.Few > rowOrder + 256; attempt++)
        {
            var next = measure();
            if (next.Many - next.Few < best.Many - best.Few)
                best = next;
        }
        return best;
    }

    /// <summary>Reads each pool thread's allocation counter: part 0 on the caller, part 1 on the first worker.</summary>
    private sealed class AllocationProbe : PoolJob
    {
        private readonly long[] _bytes = new long[2];

        public long Read()
        {
            while (!WorkerPool.TryRun(this, 2))
                Thread.Yield();
            return _bytes[0] + _bytes[1];
        }

        public override void RunPart(int part, int parts) => _bytes[part] = GC.GetAllocatedBytesForCurrentThread();
    }

    [Theory]
    [InlineData("relu", "sgd")]
    [InlineData("sigmoid", "momentum")]
    [InlineData("tanh", "decay")]
    [InlineData("sigmoid", "sgd")]   // 17 units: a block of one unit, its activation on a padded copy
    public void Fit_SplitStep_AllocatesNothingPerBatchOnTheWorkerEither(string activation, string optimizer)
    {
        // The main thread's and the first worker's own counters (read on each by a pool job), before and after: twenty
        // times the batches may cost only the longer row order (4 bytes a row).
        var (small, smallY) = Data(seed: 3);
        var (large, largeY) = (Repeated(small, 20), Repeated(smallY, 20));
        int hidden = optimizer == "sgd" && activation == "sigmoid" ? 17 : 40;
        int batch = hidden == 17 ? 128 : Batch;
        WithThreads(2, () =>
        {
            // One network and optimizer throughout, so the optimizer's state exists from the warm-up on.
            var network = new Network(Inputs, [new Dense(hidden, activation), new Dense(Classes, "softmax")], seed: 4);
            var sgd = Make(optimizer);
            var trainer = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = batch, Seed = 3 });
            trainer.Fit(network, CategoricalCrossEntropy.Instance, sgd, small, smallY); // warm up
            var probe = new AllocationProbe();
            probe.Read();
            long Measure(Matrix x, Matrix y)
            {
                long before = probe.Read();
                trainer.Fit(network, CategoricalCrossEntropy.Instance, sgd, x, y);
                return probe.Read() - before;
            }

            long rowOrder = 4L * (large.Rows - small.Rows);
            var (few, many) = LeastExtra(() => (Measure(small, smallY), Measure(large, largeY)), rowOrder);
            Assert.Equal(2, trainer.SplitParts);
            Assert.True(many - few <= rowOrder + 256, $"{small.Rows / batch + 1} batches allocated {few} bytes, {large.Rows / batch + 1} batches {many}: {many - few - rowOrder} bytes more than the row order");
            return 0;
        });
    }

    /// <summary>Holds the pool until released: every part waits.</summary>
    private sealed class HoldingJob : PoolJob
    {
        public readonly ManualResetEventSlim Holding = new(false);
        public readonly ManualResetEventSlim Release = new(false);

        public override void RunPart(int part, int parts)
        {
            if (part == 0)
                Holding.Set();
            Release.Wait();
        }
    }

    [Fact]
    public async Task Fit_WhileThePoolIsHeld_RunsEveryStepOnTheCallingThreadWithThePlainBits()
    {
        var expected = Train(1, "sigmoid", 40, () => new Sgd(0.05, momentum: 0.9));
        var hold = new HoldingJob();
        var holder = Task.Run(() =>
        {
            while (!WorkerPool.TryRun(hold, 2))
                Thread.Yield();
        });
        try
        {
            Assert.True(hold.Holding.Wait(TimeSpan.FromSeconds(20)), "the pool was never free to hold");
            var held = Train(2, "sigmoid", 40, () => new Sgd(0.05, momentum: 0.9));
            Assert.Equal(2, held.SplitParts);
            Assert.Equal(expected.Losses, held.Losses);
            Assert.Equal(expected.Weights, held.Weights);
        }
        finally
        {
            hold.Release.Set();
        }
        await holder;
    }

    [Fact]
    public void Fit_TwoSplitRunsAtOnce_BothGiveThePlainStepsBits()
    {
        // Only one run can hold the worker pool; the other runs the same phases on its own thread. Both must give
        // the bits of a one-thread run.
        var expected = Train(1, "relu", 64, () => new Sgd(0.1)).Weights;
        WithThreads(2, () =>
        {
            var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Train(2, "relu", 64, () => new Sgd(0.1)))).ToArray();
            Task.WaitAll(runs);
            foreach (var run in runs)
            {
                Assert.Equal(2, run.Result.SplitParts);
                Assert.Equal(expected, run.Result.Weights);
            }
            return 0;
        });
    }
}

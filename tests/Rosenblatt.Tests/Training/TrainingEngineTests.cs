using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Tests.Numerics;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>The training loop's engine guarantees: no allocation per batch, byte images equal their floats, thread count never changes results.</summary>
[Collection(EngineSettingsCollection.Name)]
public class TrainingEngineTests
{
    private static Network Mlp(int inputs, int hidden, int classes, int seed = 7) =>
        new(inputs, [new Dense(hidden, Relu.Instance), new Dense(classes, Softmax.Instance)], seed);

    private static (Matrix X, Matrix Y, int[] Labels) Synthetic(int rows, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(rows, features);
        var y = new Matrix(rows, classes);
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            labels[r] = random.Next(classes);
            y[r, labels[r]] = 1;
            for (int c = 0; c < features; c++)
                x[r, c] = (float)random.NextDouble() + (c % classes == labels[r] ? 0.5f : 0f);
        }
        return (x, y, labels);
    }

    [Fact]
    public void ForwardBackwardStep_AfterTheFirstBatch_AllocateNothing()
    {
        var (x, y, _) = Synthetic(32, 64, 5, seed: 1);
        var network = Mlp(64, 48, 5);
        var optimizer = new Sgd(0.1, momentum: 0.9);
        float[] bx = x.AsSpan().ToArray(), by = y.AsSpan().ToArray();
        void Batch()
        {
            network.Forward(bx, 32);
            network.Backward(CategoricalCrossEntropy.Instance, by, 32);
            optimizer.Step(network.Parameters);
        }

        Batch();
        Batch();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
            Batch();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Fit_TwentyTimesMoreBatches_AllocatesOnlyTheLongerRowOrder()
    {
        // Per run the trainer allocates its history, a snapshot and one row order of 4 bytes per row.
        // Twenty times the batches may cost only that longer row order: nothing per batch.
        var (small, smallY, _) = Synthetic(64, 40, 4, seed: 2);
        var (large, largeY, _) = Synthetic(64 * 20, 40, 4, seed: 2);
        var trainer = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 32, Seed = 3 });
        trainer.Fit(Mlp(40, 24, 4), CategoricalCrossEntropy.Instance, new Sgd(0.1), small, smallY); // warm up

        long Measure(Matrix x, Matrix y)
        {
            var network = Mlp(40, 24, 4);
            var optimizer = new Sgd(0.1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            trainer.Fit(network, CategoricalCrossEntropy.Instance, optimizer, x, y);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long few = Measure(small, smallY);
        long many = Measure(large, largeY);
        long rowOrder = 4L * (large.Rows - small.Rows);
        Assert.True(many - few <= rowOrder + 256, $"2 batches allocated {few} bytes, 40 batches {many}: {many - few - rowOrder} bytes more than the row order");
    }

    [Fact]
    public void Fit_FullBatchTinyNetwork_AllocatesNothingPerEpochBeyondItsHistoryEntry()
    {
        // Seed 002's shape: 2-4-1 sigmoid on XOR's four rows, one batch per epoch. Three times the epochs may
        // cost only the longer history (loss, accuracy, elapsed time and a presence byte: 25 bytes an epoch,
        // preallocated): no record object, snapshot or buffer per epoch. An EpochRecord object alone is 96 bytes.
        var x = Matrix.FromRows(LogicGate.Xor.X);
        var y = new Matrix(4, 1, LogicGate.Xor.Y.Select(v => (float)v).ToArray());
        Network Xor() => new(2, new Dense(4, Sigmoid.Instance), new Dense(1, Sigmoid.Instance));
        new Trainer(new TrainerOptions { Epochs = 50, BatchSize = TrainerOptions.FullBatch, Shuffle = false })
            .Fit(Xor(), MeanSquaredError.Instance, new Sgd(0.5), x, y); // warm up

        long Measure(int epochs)
        {
            var trainer = new Trainer(new TrainerOptions { Epochs = epochs, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
            var network = Xor();
            var optimizer = new Sgd(0.5);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var history = trainer.Fit(network, MeanSquaredError.Instance, optimizer, x, y);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(epochs, history.Epochs.Count);
            return bytes;
        }

        long few = Measure(1000);
        long many = Measure(3000);
        long perEpoch = (many - few) / 2000;
        Assert.True(perEpoch <= 25, $"1000 epochs allocated {few} bytes, 3000 epochs {many}: {perEpoch} bytes an epoch");
    }

    [Fact]
    public void Fit_OnByteImages_GivesTheSameWeightsAsOnTheirFloatMatrix()
    {
        var random = new Random(5);
        var pixels = new byte[150 * 6 * 6];
        random.NextBytes(pixels);
        var images = new IdxImages(150, 6, 6, pixels);
        var y = new Matrix(150, 3);
        for (int r = 0; r < 150; r++)
            y[r, (pixels[r * 36] + pixels[r * 36 + 7]) % 3] = 1;
        var options = new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 11, ValidationSplit = 0.2 };

        var fromBytes = Mlp(36, 20, 3);
        var bytesHistory = new Trainer(options).Fit(fromBytes, CategoricalCrossEntropy.Instance, new Sgd(0.3), images, y);
        var fromFloats = Mlp(36, 20, 3);
        var floatHistory = new Trainer(options).Fit(fromFloats, CategoricalCrossEntropy.Instance, new Sgd(0.3), images.ToMatrix(), y);

        for (int i = 0; i < fromBytes.Parameters.Count; i++)
            Assert.Equal(fromFloats.Parameters[i].Value, fromBytes.Parameters[i].Value);
        Assert.Equal(floatHistory.Epochs.Select(e => e.ValidationLoss), bytesHistory.Epochs.Select(e => e.ValidationLoss));
    }

    [Fact]
    public void Fit_OnImagesOfTheWrongSize_ThrowsNamingBothWidths()
    {
        var images = new IdxImages(4, 3, 3, new byte[36]);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer().Fit(Mlp(10, 4, 2), CategoricalCrossEntropy.Instance, new Sgd(0.1), images, new Matrix(4, 2)));
        Assert.Contains("9 pixels per image", ex.Message);
        Assert.Contains("10 inputs", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Fit_OneAndTwoThreads_GiveBitIdenticalWeights()
    {
        // Shapes large enough that the GEMM splits over threads (batch 128 × 300 inputs × 128 units).
        var (x, y, _) = Synthetic(384, 300, 10, seed: 9);
        float[][] Train(int threads)
        {
            int saved = Parallelism.MaxThreads;
            try
            {
                Parallelism.MaxThreads = threads;
                var network = Mlp(300, 128, 10);
                new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 128, Seed = 4 })
                    .Fit(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), x, y);
                return network.SnapshotParameters();
            }
            finally
            {
                Parallelism.MaxThreads = saved;
            }
        }

        var one = Train(1);
        var two = Train(2);
        for (int i = 0; i < one.Length; i++)
            Assert.Equal(one[i], two[i]);
    }
}

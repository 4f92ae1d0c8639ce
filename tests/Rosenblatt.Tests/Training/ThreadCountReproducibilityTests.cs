using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Randomness;
using Rosenblatt.Tests.Numerics;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>"The same seed gives bit-identical weights on every run, whatever the thread count", on a real multi-batch run.</summary>
[Collection(EngineSettingsCollection.Name)]
public class ThreadCountReproducibilityTests
{
    private const int Rows = 512, Inputs = 96, Hidden = 128, Classes = 3, Batch = 128;

    private static float[] Train(int threads)
    {
        var rng = new SeededRandom(11);
        var x = new Matrix(Rows, Inputs);
        var y = new Matrix(Rows, Classes);
        for (int r = 0; r < Rows; r++)
        {
            int label = r % Classes;
            y[r, label] = 1;
            for (int c = 0; c < Inputs; c++)
                x[r, c] = (float)(rng.NextGaussian() + (c % Classes == label ? 0.5 : 0));
        }
        int saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = threads;
            var network = new Network(Inputs, [new Dense(Hidden, "relu"), new Dense(64, "tanh"), new Dense(Classes, "softmax")], seed: 5);
            var trainer = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = Batch, Seed = 9, ValidationSplit = 0.125 });
            trainer.Fit(network, CategoricalCrossEntropy.Instance, new Adam(0.01, weightDecay: 1e-4), x, y);
            return [.. network.Parameters.SelectMany(p => p.Value)];
        }
        finally
        {
            Parallelism.MaxThreads = saved;
        }
    }

    [Fact]
    public void Fit_WithOneOrTwoThreads_GivesBitIdenticalWeights()
    {
        // The first layer's products are big enough that Gemm really splits them over two threads.
        Assert.Equal(2, Gemm.Partition(Batch, Hidden, Inputs, 2).Parts);   // forward Z = X·W
        Assert.Equal(2, Gemm.Partition(Inputs, Hidden, Batch, 2).Parts);   // dW = Xᵀ·dZ
        var one = Train(1);
        var two = Train(2);
        Assert.Equal(one, two);
        Assert.Equal(one, Train(1));
    }
}

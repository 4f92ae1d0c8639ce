using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Tests.Numerics;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Networks;

/// <summary>Tiny networks train to the same bits on the fused tiny-layer kernels as on the general Gemm path.</summary>
[Collection(EngineSettingsCollection.Name)]
public class TinyLayerPathTests
{
    public static TheoryData<string, int, int> Networks() => new()
    {
        // layers as "units:activation,...", inputs, batch size
        { "4:sigmoid,1:sigmoid", 2, 4 },
        { "2:sigmoid,1:sigmoid", 2, 1 },
        { "5:tanh,3:identity", 3, 3 },
        { "6:relu,2:sigmoid", 4, 8 },
        { "7:relu,4:tanh,3:softmax", 5, 5 },
        { "3:leaky_relu,4:sigmoid,2:identity", 2, 2 },
        { "9:tanh,1:sigmoid", 7, 6 },
        { "8:sigmoid,8:relu,1:identity", 3, 7 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Fit_OnATinyNetwork_GivesTheGeneralPathsBits(string layers, int inputs, int batchSize)
    {
        var (tinyWeights, tinyLosses) = Train(layers, inputs, batchSize, tinyKernels: true);
        var (generalWeights, generalLosses) = Train(layers, inputs, batchSize, tinyKernels: false);

        Assert.Equal(generalLosses, tinyLosses);
        for (int i = 0; i < generalWeights.Length; i++)
        {
            for (int j = 0; j < generalWeights[i].Length; j++)
            {
                if (BitConverter.SingleToInt32Bits(generalWeights[i][j]) != BitConverter.SingleToInt32Bits(tinyWeights[i][j]))
                    Assert.Fail($"parameter {i}[{j}]: general path {generalWeights[i][j]:R}, tiny kernels {tinyWeights[i][j]:R}");
            }
        }
    }

    [Fact]
    public void Fit_ReplaysSeed002_TheSameBitsOnTheTinyAndGeneralPaths()
    {
        float[] Predictions(bool tinyKernels, out double loss)
        {
            bool saved = Dense.UseTinyKernels;
            try
            {
                Dense.UseTinyKernels = tinyKernels;
                var (network, history) = SeedXorReplayTests.Replay();
                loss = history.Last.Loss;
                return network.Predict(Matrix.FromRows(Rosenblatt.Data.LogicGate.Xor.X)).AsSpan().ToArray();
            }
            finally
            {
                Dense.UseTinyKernels = saved;
            }
        }

        var tiny = Predictions(tinyKernels: true, out double tinyLoss);
        var general = Predictions(tinyKernels: false, out double generalLoss);
        Assert.Equal(general.Select(BitConverter.SingleToInt32Bits), tiny.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(generalLoss), BitConverter.DoubleToInt64Bits(tinyLoss));
    }

    private static (float[][] Weights, double[] Losses) Train(string layers, int inputs, int batchSize, bool tinyKernels)
    {
        var dense = layers.Split(',').Select(l => l.Split(':')).Select(p => new Dense(int.Parse(p[0]), p[1])).ToArray();
        var network = new Network(inputs, dense, seed: layers.Length);
        int outputs = network.Outputs;
        var last = dense[^1].Activation.Name;
        Loss loss = last == "softmax" ? CategoricalCrossEntropy.Instance : last == "sigmoid" ? BinaryCrossEntropy.Instance : MeanSquaredError.Instance;

        var rng = new Random(inputs * 31 + batchSize);
        const int rows = 11; // not a multiple of most batch sizes: a short last batch too
        var x = new Matrix(rows, inputs);
        var y = new Matrix(rows, outputs);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < inputs; c++)
                x[r, c] = (float)(rng.NextDouble() * 4 - 2);
            if (loss is MeanSquaredError)
            {
                for (int c = 0; c < outputs; c++)
                    y[r, c] = (float)(rng.NextDouble() * 2 - 1);
            }
            else if (outputs == 1)
            {
                y[r, 0] = rng.Next(2);
            }
            else
            {
                y[r, rng.Next(outputs)] = 1f;
            }
        }

        bool saved = Dense.UseTinyKernels;
        try
        {
            Dense.UseTinyKernels = tinyKernels;
            var history = new Trainer(new TrainerOptions { Epochs = 25, BatchSize = batchSize, Seed = 3 })
                .Fit(network, loss, new Sgd(0.2, momentum: 0.5), x, y);
            return (network.SnapshotParameters(), history.Epochs.Select(e => e.Loss).ToArray());
        }
        finally
        {
            Dense.UseTinyKernels = saved;
        }
    }
}

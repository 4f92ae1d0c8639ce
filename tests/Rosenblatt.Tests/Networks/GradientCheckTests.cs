using Rosenblatt.Activations;
using Rosenblatt.Autodiff;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.Networks;

/// <summary>
/// The matrix backpropagation (float32, Gemm kernels, fused losses) against an independent oracle: the scalar
/// autodiff engine in double precision, built from the same weights one multiplication at a time. A central
/// finite difference on the oracle's double-precision loss is the second opinion.
/// </summary>
public class GradientCheckTests
{
    public static TheoryData<string, string, int, int> Cases()
    {
        var data = new TheoryData<string, string, int, int>();
        string[] hidden = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"];
        (string Output, string Loss)[] heads = [("sigmoid", "mse"), ("identity", "mse"), ("tanh", "mse"), ("relu", "mse"),
            ("softmax", "mse"), ("sigmoid", "binary_crossentropy"), ("softmax", "categorical_crossentropy")];
        int seed = 1;
        foreach (var h in hidden)
        {
            foreach (var (output, loss) in heads)
            {
                for (int depth = 1; depth <= 3; depth++)
                {
                    if (depth == 1 && h != "sigmoid") continue; // one layer has no hidden activation
                    data.Add($"{h}/{output}", loss, depth, seed++);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_MatchesTheScalarAutodiffOracle(string activations, string lossName, int depth, int seed)
    {
        var parts = activations.Split('/');
        var rng = new SeededRandom(seed);
        int inputs = 1 + rng.NextInt(5), rows = 1 + rng.NextInt(6);
        int outputs = parts[1] == "softmax" ? 2 + rng.NextInt(3) : 1 + rng.NextInt(3);
        var layers = new List<Dense>();
        for (int d = 0; d < depth - 1; d++)
            layers.Add(new Dense(1 + rng.NextInt(5), parts[0]));
        layers.Add(new Dense(outputs, parts[1]));
        var network = new Network(inputs, layers, seed);
        foreach (var layer in network.Layers) // non-zero biases, so their gradients are exercised too
            layer.SetWeights(layer.Weights.AsSpan(), Enumerable.Range(0, layer.Units).Select(_ => (float)rng.NextDouble(-0.5, 0.5)).ToArray());
        var loss = LossRegistry.FromName(lossName);

        var x = new float[rows * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextDouble(-2, 2);
        var y = new float[rows * outputs];
        for (int r = 0; r < rows; r++)
        {
            if (lossName == "categorical_crossentropy") y[r * outputs + rng.NextInt(outputs)] = 1;
            else for (int j = 0; j < outputs; j++) y[r * outputs + j] = lossName == "mse" ? (float)rng.NextDouble(-1, 1) : rng.NextInt(2);
        }

        network.Forward(x, rows);
        double matrixLoss = network.Backward(loss, y, rows);

        var (oracleLoss, weights, oracle) = Oracle.Build(network, x, y, rows, lossName);
        oracleLoss.Backward();
        Assert.True(Math.Abs(matrixLoss - oracleLoss.Data) <= 1e-5 * Math.Max(1, Math.Abs(oracleLoss.Data)),
            $"loss {matrixLoss} vs oracle {oracleLoss.Data}");

        for (int p = 0; p < network.Parameters.Count; p++)
        {
            var got = network.Parameters[p].Gradient;
            var expected = weights[p].Select(v => v.Grad).ToArray();
            Assert.True(RelativeError(got, expected) < 1e-4,
                $"{network.Parameters[p].Name}: relative error {RelativeError(got, expected):g3}; got [{string.Join(", ", got)}], oracle [{string.Join(", ", expected)}]");
        }

        // Second opinion: central differences of the oracle's double-precision loss agree with its autodiff.
        var probe = weights[0][0];
        double h = 1e-6, saved = probe.Data;
        probe.Data = saved + h;
        double up = oracle().Data;
        probe.Data = saved - h;
        double down = oracle().Data;
        probe.Data = saved;
        double numeric = (up - down) / (2 * h);
        Assert.True(Math.Abs(numeric - probe.Grad) <= 1e-5 * Math.Max(1, Math.Abs(probe.Grad)), $"finite difference {numeric} vs autodiff {probe.Grad}");
    }

    private static double RelativeError(float[] got, double[] expected)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < got.Length; i++)
        {
            diff += (got[i] - expected[i]) * (got[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.Sqrt(diff) / Math.Max(Math.Sqrt(norm), 1e-6);
    }

    /// <summary>Builds the network's loss as a scalar graph, value by value, in double precision.</summary>
    private static class Oracle
    {
        internal static (Value Loss, Value[][] Weights, Func<Value> Rebuild) Build(Network network, float[] x, float[] y, int rows, string lossName)
        {
            var weights = network.Parameters.Select(p => p.Value.Select(v => new Value(v)).ToArray()).ToArray();
            Value Forward()
            {
                Value total = new(0);
                int outputs = network.Outputs;
                for (int r = 0; r < rows; r++)
                {
                    var a = Enumerable.Range(0, network.Inputs).Select(i => new Value(x[r * network.Inputs + i])).ToArray();
                    Value[] z = [];
                    for (int l = 0; l < network.Layers.Count; l++)
                    {
                        var layer = network.Layers[l];
                        var w = weights[2 * l];
                        var b = weights[2 * l + 1];
                        z = new Value[layer.Units];
                        for (int j = 0; j < layer.Units; j++)
                        {
                            Value s = b[j];
                            for (int i = 0; i < layer.Inputs; i++)
                                s += a[i] * w[i * layer.Units + j];
                            z[j] = s;
                        }
                        a = Activate(layer.Activation, z);
                    }
                    for (int j = 0; j < outputs; j++)
                    {
                        double t = y[r * outputs + j];
                        total += lossName switch
                        {
                            "mse" => (a[j] - t).Pow(2) / outputs,
                            "binary_crossentropy" => -(t * a[j].Log() + (1 - t) * (1 - a[j]).Log()) / outputs,
                            _ => t == 0 ? new Value(0) : -t * a[j].Log(),
                        };
                    }
                }
                return total / rows;
            }
            return (Forward(), weights, Forward);
        }

        private static Value[] Activate(Activation activation, Value[] z) => activation switch
        {
            Sigmoid => z.Select(v => v.Sigmoid()).ToArray(),
            Tanh => z.Select(v => v.Tanh()).ToArray(),
            Relu => z.Select(v => v.Relu()).ToArray(),
            LeakyRelu l => z.Select(v => v.LeakyRelu(l.Slope)).ToArray(),
            Identity => z,
            Softmax => SoftmaxOf(z),
            _ => throw new InvalidOperationException(activation.Name),
        };

        private static Value[] SoftmaxOf(Value[] z)
        {
            double max = z.Max(v => v.Data);
            var e = z.Select(v => (v - max).Exp()).ToArray();
            Value sum = e[0];
            for (int i = 1; i < e.Length; i++) sum += e[i];
            return e.Select(v => v / sum).ToArray();
        }
    }
}

using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Numerics;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx.Tests;

/// <summary>PyTorch → ONNX → Rosenblatt: the fixture made by <c>Fixtures/make_torch_fixtures.py</c> imports to a network that predicts PyTorch's numbers; anything else is refused by node and operator.</summary>
public sealed class ImportTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void TorchMlp_ImportsAsANetworkPredictingTorchsProbabilities()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("torch_mlp_expected.json")));
        var inputs = Rows(expected.RootElement.GetProperty("inputs"));
        var torch = Rows(expected.RootElement.GetProperty("probabilities"));

        var imported = OnnxImporter.Load(Fixture("torch_mlp.onnx"));
        var ours = imported.Network.Predict(Matrix.FromRows(inputs)).ToRows();

        Assert.Equal("4-8-6-5-5-3", imported.Network.Shape);
        Assert.Equal(["relu", "tanh", "leaky_relu", "sigmoid", "softmax"], imported.Network.Layers.Select(l => l.Activation.Name));
        Assert.Equal(0.2, ((LeakyRelu)imported.Network.Layers[2].Activation).Slope, 6);
        Assert.StartsWith("pytorch 1.13", imported.Producer);
        Assert.Null(imported.Scaler);
        Assert.Equal(300, inputs.Length);
        for (int i = 0; i < inputs.Length; i++)
        {
            for (int j = 0; j < 3; j++)
                Assert.True(Math.Abs(torch[i][j] - ours[i][j]) <= Agreement.Tolerance, $"row {i}, class {j}: PyTorch {torch[i][j]}, Rosenblatt {ours[i][j]}");
            Assert.Equal(ArgMax(torch[i]), ArgMax(ours[i].Select(v => (double)v).ToArray()));
        }
    }

    [Fact]
    public void TorchMlp_InOnnxRuntime_AgreesWithTheImportedNetworkOnAThousandRows()
    {
        var rows = TestData.Uniform(1000, 4, seed: 8).Select(r => r.Select(v => v * 2).ToArray()).ToArray();
        var onnx = File.ReadAllBytes(Fixture("torch_mlp.onnx"));

        var runtime = OnnxRuntimeRunner.Run(onnx, rows, inputName: "x");
        var ours = OnnxImporter.Read(onnx).Network.Predict(Matrix.FromRows(rows)).ToRows().Select(r => r.Select(v => (double)v).ToArray()).ToArray();

        Agreement.Values(ours, (double[])runtime["probabilities"]);
    }

    [Fact]
    public void TorchElu_IsRefusedNamingTheNodeAndOperator()
    {
        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Load(Fixture("torch_elu.onnx")));

        Assert.Equal("/1/Elu", error.NodeName);
        Assert.Equal("Elu", error.OperatorType);
        Assert.Contains("node '/1/Elu' (Elu)", error.Message);
        Assert.Contains("help:", error.Message);
    }

    [Fact]
    public void Convolution_IsRefusedNamingTheNodeAndOperator()
    {
        var g = new GraphBuilder();
        g.Input("x", DataType.Float, 4);
        g.Node("Conv", "conv_1", ["x", g.Constant("k", [1f, 1f], 1, 1, 2)], "y");
        g.Output("y", DataType.Float, 4, "");

        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(Model(g)));

        Assert.Equal(("conv_1", "Conv"), (error.NodeName, error.OperatorType));
        Assert.Contains("uses the operator Conv", error.Message);
    }

    [Fact]
    public void ASkipConnection_IsRefusedAsNotAPlainChain()
    {
        var g = new GraphBuilder();
        g.Input("x", DataType.Float, 2);
        string h = g.Node("Gemm", "dense", ["x", g.Constant("w", [1f, 0f, 0f, 1f], 2, 2), g.Constant("b", [0f, 0f], 2)]);
        g.Node("Add", "residual", [h, "x"], "y");
        g.Output("y", DataType.Float, 2, "");

        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(Model(g)));

        Assert.Equal(("residual", "Add"), (error.NodeName, error.OperatorType));
        Assert.Contains("combines 2 computed tensors", error.Message);
    }

    [Fact]
    public void TwoActivationsOnOneLayer_AreRefused()
    {
        var g = new GraphBuilder();
        g.Input("x", DataType.Float, 2);
        string h = g.Node("Gemm", "dense", ["x", g.Constant("w", [1f, 2f], 2, 1), g.Constant("b", [0f], 1)]);
        g.Node("Sigmoid", "second", [g.Node("Relu", "first", [h])], "y");
        g.Output("y", DataType.Float, 1, "");

        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(Model(g)));

        Assert.Equal("second", error.NodeName);
        Assert.Contains("follows relu on the same layer", error.Message);
    }

    [Fact]
    public void MatMulWithTransposedGemm_ImportsTheSameWeights()
    {
        // W stored [units, inputs] with transB = 1 (PyTorch's form), then a MatMul + Add layer with W stored [inputs, units].
        var g = new GraphBuilder();
        g.Input("x", DataType.Float, 2);
        string h = g.Node("Gemm", "linear", ["x", g.Constant("w1", [1f, 2f, 3f, 4f, 5f, 6f], 3, 2), g.Constant("b1", [0.5f, -0.5f, 0f], 3)], null, GraphBuilder.Int("transB", 1));
        string m = g.Node("MatMul", "matmul", [h, g.Constant("w2", [1f, -1f, 2f], 3, 1)]);
        g.Node("Add", "bias", [m, g.Constant("b2", [0.25f], 1)], "y");
        g.Output("y", DataType.Float, 1, "");

        var network = OnnxImporter.Read(Model(g)).Network;

        // x = [1, 1]: h = [1+2+0.5, 3+4-0.5, 5+6] = [3.5, 6.5, 11]; y = 3.5 - 6.5 + 22 + 0.25 = 19.25.
        Assert.Equal(19.25f, network.Predict(Matrix.FromRows([[1.0, 1.0]]))[0, 0]);
        Assert.Equal(["identity", "identity"], network.Layers.Select(l => l.Activation.Name));
    }

    [Fact]
    public void TwoOutputs_AreRefusedUnlessOneIsNamed_ThenItsChainImports()
    {
        // The shape of an skl2onnx classifier (zipmap off): MatMul + Add layers to probabilities, and a label head beside them.
        var g = new GraphBuilder();
        g.Input("X", DataType.Float, 2);
        string h = g.Node("Relu", "relu", [g.Node("Add", "add1", [g.Node("MatMul", "matmul1", ["X", g.Constant("w1", [1f, -1f, 2f, 0.5f], 2, 2)]), g.Constant("b1", [0.1f, 0.2f], 2)])]);
        string p = g.Node("Softmax", "softmax", [g.Node("Add", "add2", [g.Node("MatMul", "matmul2", [h, g.Constant("w2", [1f, 0f, 0f, 1f], 2, 2)]), g.Constant("b2", [0f, 0f], 2)])], "probabilities", GraphBuilder.Int("axis", 1));
        g.Node("ArgMax", "argmax", [p], "label", GraphBuilder.Int("axis", 1));
        g.Output("label", DataType.Int64, null, "");
        g.Output("probabilities", DataType.Float, 2, "");

        var unnamed = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(Model(g)));
        var network = OnnxImporter.Read(Model(g), output: "probabilities").Network;

        Assert.Contains("2 outputs (label, probabilities)", unnamed.Message);
        Assert.Equal(["relu", "softmax"], network.Layers.Select(l => l.Activation.Name));
        // x = [1, 1]: h = relu([1 + 2 + 0.1, -1 + 0.5 + 0.2]) = [3.1, 0]; p = softmax([3.1, 0]).
        var expected = new[] { 1 / (1 + Math.Exp(-3.1)), Math.Exp(-3.1) / (1 + Math.Exp(-3.1)) };
        var actual = network.Predict(Matrix.FromRows([[1.0, 1.0]])).Row(0).ToArray();
        Assert.Equal(expected[0], actual[0], 6);
        Assert.Equal(expected[1], actual[1], 6);
        Assert.Contains("its outputs are label, probabilities", Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(Model(g), output: "scores")).Message);
    }

    [Fact]
    public void BytesThatAreNotOnnx_AreRefused()
    {
        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read("this is not a model"u8.ToArray(), "notes.txt"));

        Assert.Contains("'notes.txt'", error.Message);
        Assert.Contains("help:", error.Message);
    }

    [Fact]
    public void AMissingFile_IsRefusedWithThePath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OnnxImporter.Load("no-such-model.onnx"));

        Assert.Contains("no-such-model.onnx", error.Message);
    }

    [Fact]
    public void ARosenblattPerceptron_IsRefusedWithAdvice()
    {
        var model = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        model.Fit(LogicGate.And.X, LogicGate.And.Y);

        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(OnnxExporter.Export(model)));

        Assert.Contains("perceptron", error.Message);
        Assert.Contains("help:", error.Message);
    }

    private static byte[] Model(GraphBuilder g)
    {
        var model = new ModelProto { IrVersion = OnnxFormat.IrVersion, Graph = g.Graph, ProducerName = "test" };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = OnnxFormat.Opset });
        return model.ToByteArray();
    }

    private static double[][] Rows(JsonElement array) =>
        array.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    private static int ArgMax(double[] row) => Array.IndexOf(row, row.Max());
}

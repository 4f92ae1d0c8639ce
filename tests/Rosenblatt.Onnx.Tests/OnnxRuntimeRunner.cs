using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Rosenblatt.Onnx;

namespace Rosenblatt.Onnx.Tests;

/// <summary>Runs an ONNX file in ONNX Runtime (the independent engine the exports are proved against) on float32 rows.</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>Every output of the model for <paramref name="rows"/>, by name: int64 outputs as long[], float outputs as double[] (row-major).</summary>
    internal static Dictionary<string, Array> Run(byte[] onnx, IReadOnlyList<double[]> rows, string inputName = OnnxFormat.InputName)
    {
        int features = rows[0].Length;
        var data = new float[rows.Count * features];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < features; j++)
            {
                data[i * features + j] = (float)rows[i][j];
                Assert.Equal(rows[i][j], data[i * features + j]); // the test rows must be float32 values, as the file's input is
            }
        }
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(onnx, options);
        var input = NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(data, [rows.Count, features]));
        using var results = session.Run([input]);
        var outputs = new Dictionary<string, Array>();
        foreach (var result in results)
        {
            outputs[result.Name] = result.Value switch
            {
                Tensor<long> t => t.ToArray(),
                Tensor<float> t => t.Select(v => (double)v).ToArray(),
                Tensor<double> t => t.ToArray(),
                var other => throw new InvalidOperationException($"unexpected output type {other?.GetType().Name}"),
            };
        }
        return outputs;
    }

    /// <summary>The names of the model's outputs, in order.</summary>
    internal static string[] OutputNames(byte[] onnx)
    {
        using var session = new InferenceSession(onnx);
        return session.OutputMetadata.Keys.ToArray();
    }
}

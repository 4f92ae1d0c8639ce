using System.Runtime.InteropServices;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Reads the numbers of a constant tensor (an initializer), whichever of ONNX's storage forms it uses.</summary>
internal static class TensorValues
{
    /// <summary>The tensor's values as float64 (float32 values widen exactly).</summary>
    /// <exception cref="OnnxImportException">Another element type, data kept outside the file, or a length that does not match the dims.</exception>
    internal static double[] Read(TensorProto tensor, string usedBy)
    {
        long count = 1;
        foreach (long d in tensor.Dims) count *= d;
        double[] values = (DataType)tensor.DataType switch
        {
            DataType.Float => tensor.RawData.Length > 0
                ? Array.ConvertAll(MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray(), v => (double)v)
                : tensor.FloatData.Select(v => (double)v).ToArray(),
            DataType.Double => tensor.RawData.Length > 0
                ? MemoryMarshal.Cast<byte, double>(tensor.RawData.Span).ToArray()
                : tensor.DoubleData.ToArray(),
            _ => throw new OnnxImportException(
                $"the constant '{tensor.Name}' used by {usedBy} holds {(DataType)tensor.DataType} values. help: import reads float32 or float64 weights; convert the model's weights to float32 before exporting."),
        };
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw new OnnxImportException($"the constant '{tensor.Name}' used by {usedBy} is stored in an external file. help: save the model with its weights inside the .onnx file.");
        if (values.Length != count)
            throw new OnnxImportException($"the constant '{tensor.Name}' used by {usedBy} has dims [{string.Join(", ", tensor.Dims)}] but holds {values.Length} values. help: the file is damaged; export it again.");
        return values;
    }
}

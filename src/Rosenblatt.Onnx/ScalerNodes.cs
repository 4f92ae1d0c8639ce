using Rosenblatt.Preprocessing;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Writes a fitted scaler as the first operators of the graph, in float64 as the library computes it.</summary>
/// <remarks>
/// The library scales each value in double precision and rounds the result to float32 once; the graph does the same
/// (<c>Cast</c> to double, <c>Sub</c>, <c>Div</c>, for min-max also <c>Mul</c> and <c>Add</c>, then <c>Cast</c> to float),
/// with the same operations in the same order, so a float32 input row is scaled to the very bits the library uses.
/// </remarks>
internal static class ScalerNodes
{
    /// <summary>The scaled input; float64 when <paramref name="keepDouble"/> (the perceptron computes in double), else float32.</summary>
    /// <exception cref="ArgumentException">The scaler was fitted on another number of features than the model has.</exception>
    internal static string Write(GraphBuilder g, string input, Scaler? scaler, int features, bool keepDouble)
    {
        if (scaler is null)
            return keepDouble ? Cast(g, "input.cast", input, DataType.Double) : input;
        if (!scaler.IsFitted || scaler.FeatureCount != features)
            throw new ArgumentException(
                $"the {scaler.Kind} scaler was fitted on {(scaler.IsFitted ? scaler.FeatureCount : 0)} features but the model has {features}. help: pass the scaler fitted on this model's training rows.",
                nameof(scaler));
        string x = Cast(g, "scaler.cast", input, DataType.Double);
        switch (scaler)
        {
            case StandardScaler s:
                x = g.Node("Sub", "scaler.center", [x, g.Constant("scaler.mean", s.Mean.ToArray(), features)]);
                x = g.Node("Div", "scaler.scale", [x, g.Constant("scaler.std", s.Scale.ToArray(), features)]);
                break;
            case MinMaxScaler m:
                var range = new double[features];
                for (int j = 0; j < features; j++)
                {
                    range[j] = m.DataMax[j] - m.DataMin[j];
                    if (range[j] == 0) range[j] = 1;
                }
                x = g.Node("Sub", "scaler.shift", [x, g.Constant("scaler.data_min", m.DataMin.ToArray(), features)]);
                x = g.Node("Div", "scaler.divide", [x, g.Constant("scaler.data_range", range, features)]);
                x = g.Node("Mul", "scaler.stretch", [x, g.Constant("scaler.target_width", [m.RangeMax - m.RangeMin])]);
                x = g.Node("Add", "scaler.offset", [x, g.Constant("scaler.target_min", [m.RangeMin])]);
                break;
            default:
                throw new NotSupportedException($"the scaler '{scaler.Kind}' has no ONNX form. help: use StandardScaler or MinMaxScaler.");
        }
        return keepDouble ? x : Cast(g, "scaler.round", x, DataType.Float);
    }

    private static string Cast(GraphBuilder g, string name, string x, DataType to) => g.Node("Cast", name, [x], null, GraphBuilder.Int("to", (long)to));
}

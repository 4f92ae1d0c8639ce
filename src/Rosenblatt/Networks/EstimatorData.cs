using Rosenblatt.Diagnostics;
using Rosenblatt.Metrics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Networks;

/// <summary>Converts the estimators' row lists into the engine's float32 matrices, after the shared input checks.</summary>
internal static class EstimatorData
{
    internal static Matrix Features(IReadOnlyList<double[]> x, string name, int? expectedFeatures = null)
    {
        int width = Guard.Features(x, name, expectedFeatures);
        var data = new float[x.Count * width];
        for (int i = 0; i < x.Count; i++)
        {
            for (int j = 0; j < width; j++)
            {
                double v = x[i][j];
                if (Math.Abs(v) > float.MaxValue)
                    throw Guard.Error(name, $"{name}[{i}][{j}] is {Guard.Format(v)}, beyond float32's range.", "scale the feature (e.g. StandardScaler) before training.");
                if (v != 0 && (float)v == 0)
                    throw Guard.Error(name, $"{name}[{i}][{j}] is {Guard.Format(v)}, too small for float32: it would become 0.",
                        "rescale the feature (e.g. StandardScaler) or write 0 if 0 is meant.");
                data[i * width + j] = (float)v;
            }
        }
        return new Matrix(x.Count, width, data);
    }

    internal static Matrix OneHot(int[] classes, int classCount)
    {
        int columns = classCount == 2 ? 1 : classCount;
        var y = new Matrix(classes.Length, columns);
        var span = y.AsSpan();
        for (int i = 0; i < classes.Length; i++)
        {
            if (columns == 1) span[i] = classes[i];
            else span[i * columns + classes[i]] = 1f;
        }
        return y;
    }

    /// <summary>Class probabilities from network outputs: one sigmoid column becomes [1 − p, p].</summary>
    internal static double[][] Probabilities(Matrix outputs, int classCount)
    {
        var result = new double[outputs.Rows][];
        for (int i = 0; i < outputs.Rows; i++)
        {
            var row = outputs.Row(i);
            result[i] = classCount == 2 && outputs.Columns == 1
                ? [1.0 - row[0], row[0]]
                : Array.ConvertAll(row.ToArray(), v => (double)v);
        }
        return result;
    }

    internal static int ArgMax(double[] row) => Accuracy.ArgMax<double>(row);
}

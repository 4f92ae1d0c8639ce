using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>A 2-D classifier's decision regions as a heat map, with the data points on top coloured by their true class.</summary>
/// <remarks>
/// <para>The model is asked for class probabilities on a <see cref="GridSize"/>×<see cref="GridSize"/> grid
/// spanning the points plus a margin. Each cell takes the washed colour of its most probable class, deeper
/// where the model is sure (probability near 1) and paler near the boundary, where the top probability
/// falls towards 1/k; so the picture shows both where the boundary is and how sharp the model thinks it is.</para>
/// <para>The colour is coded into one number per cell, <c>(class + confidence) / k</c>, and decoded by
/// <see cref="ClassShadeColormap"/>, because a ScottPlot heat map takes scalar intensities.</para>
/// </remarks>
internal static class DecisionBoundaryPlot
{
    /// <summary>Grid cells per side.</summary>
    public const int GridSize = 200;

    /// <summary>Renders the plot to a PNG.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="points">The data rows, two features each.</param>
    /// <param name="labels">Each row's class index.</param>
    /// <param name="classNames">The class names, for the legend.</param>
    /// <param name="probabilities">The model: rows in, one probability row (one column per class) out.</param>
    /// <param name="title">The plot title.</param>
    /// <param name="featureNames">The two axis labels.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The rows are not 2-D, the counts disagree, or the model returns the wrong number of columns.</exception>
    public static string Save(string path, IReadOnlyList<double[]> points, IReadOnlyList<int> labels, IReadOnlyList<string> classNames,
        Func<double[][], double[][]> probabilities, string title, IReadOnlyList<string>? featureNames = null)
    {
        if (points.Count == 0 || points.Any(p => p.Length != 2))
            throw new ArgumentException(
                $"a decision boundary needs 2-D points (received {(points.Count == 0 ? "no rows" : $"rows of {points.First(p => p.Length != 2).Length} features")}). " +
                "help: plot the boundary of a model trained on two features, e.g. --data circle or --data moons.");
        if (labels.Count != points.Count)
            throw new ArgumentException($"{labels.Count} labels for {points.Count} points. help: pass one class index per point.");

        double[] xs = [.. points.Select(p => p[0])], ys = [.. points.Select(p => p[1])];
        // A truth table's four corners need more room than a cloud of points, or they sit on the frame.
        double margin = points.Count < 20 ? 0.25 : 0.1;
        (double xMin, double xMax) = Padded(xs, margin);
        (double yMin, double yMax) = Padded(ys, margin);
        int k = Math.Max(2, classNames.Count);

        // Row 0 of the heat map is drawn at the top, so grid row r holds the r-th y value counted from the top.
        var queries = new double[GridSize * GridSize][];
        for (int r = 0; r < GridSize; r++)
        {
            double y = yMax - (r + 0.5) * (yMax - yMin) / GridSize;
            for (int c = 0; c < GridSize; c++)
                queries[r * GridSize + c] = [xMin + (c + 0.5) * (xMax - xMin) / GridSize, y];
        }
        double[][] p = probabilities(queries);
        if (p.Length != queries.Length)
            throw new ArgumentException($"the model returned {p.Length} probability rows for {queries.Length} grid points. help: this is a bug in the caller.");

        var intensities = new double[GridSize, GridSize];
        for (int r = 0; r < GridSize; r++)
        {
            for (int c = 0; c < GridSize; c++)
            {
                (int cls, double confidence) = Top(p[r * GridSize + c]);
                // confidence runs from 1/k (a tie) to 1; rescale to 0..1, and keep it below 1 so the class does not spill into the next.
                double sure = k == 1 ? 1 : (confidence - 1.0 / k) / (1 - 1.0 / k);
                intensities[r, c] = (cls + Math.Clamp(sure, 0, 0.999)) / k;
            }
        }

        var plot = new Plot();
        var heat = plot.Add.Heatmap(intensities);
        heat.Colormap = new ClassShadeColormap(k);
        heat.ManualRange = new ScottPlot.Range(0, 1);
        heat.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax);

        for (int cls = 0; cls < classNames.Count; cls++)
        {
            double[] cx = [.. Enumerable.Range(0, points.Count).Where(i => labels[i] == cls).Select(i => xs[i])];
            double[] cy = [.. Enumerable.Range(0, points.Count).Where(i => labels[i] == cls).Select(i => ys[i])];
            if (cx.Length == 0)
                continue;
            var markers = plot.Add.Markers(cx, cy, MarkerShape.FilledCircle, points.Count < 20 ? 14 : 7, ClassColors.Of(cls));
            markers.MarkerStyle.OutlineColor = Colors.Black;
            markers.MarkerStyle.OutlineWidth = 0.6f;
            markers.LegendText = classNames[cls];
        }

        plot.Title(title);
        plot.XLabel(featureNames is { Count: 2 } ? featureNames[0] : "x1");
        plot.YLabel(featureNames is { Count: 2 } ? featureNames[1] : "x2");
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        // Outside the frame, so it never hides a point.
        plot.ShowLegend(Edge.Right);
        return PlotFile.Save(path, file => plot.SavePng(file, PlotFile.Width, PlotFile.Height));
    }

    /// <summary>The most probable class and its probability; one column means a sigmoid's P(class 1).</summary>
    private static (int Class, double Confidence) Top(double[] row)
    {
        if (row.Length == 1)
            return row[0] >= 0.5 ? (1, row[0]) : (0, 1 - row[0]);
        int best = 0;
        for (int i = 1; i < row.Length; i++)
            if (row[i] > row[best]) best = i;
        return (best, row[best]);
    }

    /// <summary>The data's range with a margin (a share of the range) on each side; 1 unit when all values are equal.</summary>
    private static (double Min, double Max) Padded(double[] values, double share)
    {
        double min = values.Min(), max = values.Max();
        double margin = max > min ? share * (max - min) : 1;
        return (min - margin, max + margin);
    }
}

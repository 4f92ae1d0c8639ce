using System.Globalization;
using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>A confusion matrix as a heat map: true class down the side, predicted class along the bottom, the count in each cell.</summary>
/// <remarks>
/// Shading is by each row's share (count / row total), not the raw count, so a rare class's errors are as
/// visible as a common class's: a perfect model is a dark diagonal on white. Each cell prints its count and
/// (up to ten classes) its share, white on dark cells and black on light ones.
/// </remarks>
internal static class ConfusionMatrixPlot
{
    /// <summary>Renders the plot to a PNG.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="counts">counts[t][p]: how many rows of true class t were predicted as p.</param>
    /// <param name="classNames">The class names, in index order.</param>
    /// <param name="title">The plot title.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The matrix is not square or does not match the class names.</exception>
    public static string Save(string path, IReadOnlyList<IReadOnlyList<int>> counts, IReadOnlyList<string> classNames, string title)
    {
        int k = classNames.Count;
        if (k == 0 || counts.Count != k || counts.Any(row => row.Count != k))
            throw new ArgumentException($"a confusion matrix for {k} classes must be {k}×{k}. help: pass one row and one column per class.");

        var share = new double[k, k];
        for (int t = 0; t < k; t++)
        {
            double total = counts[t].Sum();
            for (int p = 0; p < k; p++)
                share[t, p] = total == 0 ? 0 : counts[t][p] / total;
        }

        var plot = new Plot();
        var heat = plot.Add.Heatmap(share);
        heat.Colormap = new ScottPlot.Colormaps.Custom([Colors.White, Color.FromHex("#6baed6"), Color.FromHex("#08306b")]);
        heat.ManualRange = new ScottPlot.Range(0, 1);
        // Cell (t, p) is centred on x = p, y = k-1-t: row 0 (the first true class) at the top, as in every textbook.
        heat.Rectangle = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);

        float fontSize = k <= 4 ? 20 : k <= 10 ? 12 : 9;
        for (int t = 0; t < k; t++)
        {
            for (int p = 0; p < k; p++)
            {
                string label = counts[t][p].ToString(CultureInfo.InvariantCulture);
                if (k <= 10 && counts[t][p] > 0)
                    label += "\n" + (share[t, p] * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
                var text = plot.Add.Text(label, p, k - 1 - t);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontColor = share[t, p] > 0.5 ? Colors.White : Colors.Black;
            }
        }

        double[] positions = [.. Enumerable.Range(0, k).Select(i => (double)i)];
        plot.Axes.Bottom.SetTicks(positions, [.. classNames]);
        plot.Axes.Left.SetTicks([.. positions.Reverse()], [.. classNames]);
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.HideGrid();
        plot.Title(title);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        return PlotFile.Save(path, file => plot.SavePng(file, PlotFile.Width, PlotFile.Height));
    }
}

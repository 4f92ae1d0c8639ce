using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>Each first-layer unit's incoming weights drawn as a small image the size of the input image: what each unit looks for.</summary>
/// <remarks>
/// <para>For image data (digits 8×8, MNIST 28×28) unit j's weights W[:, j] have one entry per pixel, so
/// reshaping them to side×side shows the stroke pattern that excites the unit (red: positive weight, the
/// pixel pushes the unit up; blue: negative). Each tile is scaled to its own largest |weight| so faint
/// units stay readable, with white at 0.</para>
/// <para>The tiles go into one heat map with a one-pixel NaN gutter between them (drawn white), which keeps
/// the image to one ScottPlot plottable however many units there are; at most <see cref="MaxUnits"/> are shown.</para>
/// </remarks>
internal static class FirstLayerWeightsPlot
{
    /// <summary>The most units drawn (the first ones), so a 512-unit layer still gives readable tiles.</summary>
    public const int MaxUnits = 64;

    /// <summary>Renders the plot to a PNG.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="weights">Row-major inputs × units weights of the first layer.</param>
    /// <param name="inputs">Inputs (pixels); must be a square number.</param>
    /// <param name="units">Units in the first layer.</param>
    /// <param name="title">The plot title.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The input count is not a square image, or the weights do not match the sizes.</exception>
    public static string Save(string path, ReadOnlySpan<float> weights, int inputs, int units, string title)
    {
        int side = (int)Math.Round(Math.Sqrt(inputs));
        if (side * side != inputs || side < 2)
            throw new ArgumentException(
                $"first-layer weights can be drawn as images only for square images (received {inputs} inputs, not a square). " +
                "help: plot weights of a model trained on image data such as digits (8×8) or mnist (28×28).");
        if (weights.Length != inputs * units)
            throw new ArgumentException($"{weights.Length} weights for {inputs} inputs × {units} units. help: pass the layer's whole weight matrix.");

        int shown = Math.Min(units, MaxUnits);
        int columns = (int)Math.Ceiling(Math.Sqrt(shown));
        int rows = (int)Math.Ceiling(shown / (double)columns);
        int cell = side + 1;
        var mosaic = new double[rows * cell - 1, columns * cell - 1];
        for (int r = 0; r < mosaic.GetLength(0); r++)
            for (int c = 0; c < mosaic.GetLength(1); c++)
                mosaic[r, c] = double.NaN;

        for (int j = 0; j < shown; j++)
        {
            double scale = 0;
            for (int i = 0; i < inputs; i++)
                scale = Math.Max(scale, Math.Abs(weights[i * units + j]));
            if (scale == 0) scale = 1;
            int top = j / columns * cell, left = j % columns * cell;
            for (int i = 0; i < inputs; i++)
                mosaic[top + i / side, left + i % side] = weights[i * units + j] / scale;
        }

        var plot = new Plot();
        var heat = plot.Add.Heatmap(mosaic);
        heat.Colormap = new ScottPlot.Colormaps.Custom([Colors.Blue, Colors.White, Colors.Red]);
        heat.ManualRange = new ScottPlot.Range(-1, 1);
        heat.NaNCellColor = Colors.White;
        plot.HideAxesAndGrid();
        string shownUnits = units > shown ? $"first {shown} of {units} units" : $"{units} units";
        plot.Title($"{title}\n{shownUnits}, red +, blue −, each scaled to its largest |weight|");
        plot.Add.ColorBar(heat);
        plot.Axes.SquareUnits();
        return PlotFile.Save(path, file => plot.SavePng(file, PlotFile.Width, PlotFile.Height));
    }
}

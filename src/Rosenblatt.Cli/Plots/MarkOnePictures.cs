using Rosenblatt.MarkOne;
using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>The Mark I seen from outside: the retina with an example, a sample of the plugboard, the A-units that fire, the R-units' weights.</summary>
/// <remarks>
/// Every picture is one ScottPlot heat map of tiles separated by a one-point NaN gutter (drawn white) on a pale grey ground, as in
/// <see cref="FirstLayerWeightsPlot"/>. A-units are laid out on a grid of ⌈√A⌉ columns in unit order; the grid has no
/// meaning on the machine (the plugboard scatters every unit's wires over the whole retina) but lets 512 units fit one picture.
/// </remarks>
internal static class MarkOnePictures
{
    /// <summary>The colour of a dark retina point, an idle unit or a zero weight: a pale grey, so the retina's edge shows against the white gutters and page.</summary>
    private static readonly Color Dark = Color.FromHex("#E4E8EE");

    /// <summary>The most plugboard units drawn.</summary>
    public const int PlugboardSample = 16;

    /// <summary>The retina as the photocells saw it: lit points black.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="retina">The image's points, row-major.</param>
    /// <param name="width">Retina columns.</param>
    /// <param name="height">Retina rows.</param>
    /// <param name="title">The title (what the image shows).</param>
    public static string Retina(string path, ReadOnlySpan<byte> retina, int width, int height, string title)
    {
        var grid = new double[height, width];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
                grid[r, c] = retina[r * width + c];
        return Save(path, grid, [Dark, Colors.Black], 0, 1, title, colorBar: false);
    }

    /// <summary>The first <see cref="PlugboardSample"/> A-units' wiring, one retina-sized tile each: red points excite the unit, blue points inhibit it.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="board">The plugboard.</param>
    public static string Plugboard(string path, Plugboard board)
    {
        int shown = Math.Min(PlugboardSample, board.Units);
        var tiles = new double[shown][];
        for (int a = 0; a < shown; a++)
        {
            tiles[a] = new double[board.RetinaPoints];
            foreach (int p in board.ExcitatoryPoints(a)) tiles[a][p] = 1;
            foreach (int p in board.InhibitoryPoints(a)) tiles[a][p] = -1;
        }
        return Save(path, Mosaic(tiles, board.RetinaWidth, board.RetinaHeight), [Colors.Blue, Dark, Colors.Red], -1, 1,
            $"Plugboard: A-units 1–{shown} of {board.Units}, one {board.RetinaWidth}×{board.RetinaHeight} retina each\n" +
            $"red: excitatory wire (+1), blue: inhibitory (−1); a unit fires when (red lit) − (blue lit) ≥ {board.Threshold}", colorBar: false);
    }

    /// <summary>Which A-units fire for the example, on a grid in unit order: black fires.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="fires">One flag per A-unit.</param>
    /// <param name="title">What the input was.</param>
    public static string Activity(string path, bool[] fires, string title)
    {
        int columns = (int)Math.Ceiling(Math.Sqrt(fires.Length)), rows = (int)Math.Ceiling(fires.Length / (double)columns);
        var grid = new double[rows, columns];
        for (int i = 0; i < rows * columns; i++)
            grid[i / columns, i % columns] = i < fires.Length ? (fires[i] ? 1 : 0) : double.NaN;
        return Save(path, grid, [Dark, Colors.Black], 0, 1,
            $"{title}\n{fires.Count(f => f)} of {fires.Length} A-units fire (black), units in order, {columns} per row", colorBar: false);
    }

    /// <summary>Each trained R-unit's weights over the A-units (same grid as the activity picture), red positive and blue negative, scaled to its largest |weight|.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="machine">A trained machine.</param>
    /// <param name="unitNames">A label per trained R-unit (its class, or its code position).</param>
    public static string ResponseWeights<TLabel>(string path, MarkOnePerceptron<TLabel> machine, IReadOnlyList<string> unitNames) where TLabel : notnull
    {
        int units = machine.Plugboard.Units;
        int columns = (int)Math.Ceiling(Math.Sqrt(units)), rows = (int)Math.Ceiling(units / (double)columns);
        var tiles = new double[machine.Code.Units][];
        for (int r = 0; r < tiles.Length; r++)
        {
            var w = machine.UnitWeights(r);
            double scale = Math.Max(1e-12, w.Max(v => Math.Abs(v)));
            tiles[r] = new double[rows * columns];
            Array.Fill(tiles[r], double.NaN);
            for (int a = 0; a < units; a++) tiles[r][a] = w[a] / scale;
        }
        return Save(path, Mosaic(tiles, columns, rows), [Colors.Blue, Dark, Colors.Red], -1, 1,
            $"R-unit weights over the {units} A-units (tiles in order: {string.Join(", ", unitNames)})\nred +, blue −, each tile scaled to its largest |weight|", colorBar: true);
    }

    /// <summary>Each trained R-unit's weights carried back to the retina through the plugboard: point p gets
    /// Σ_a w_ar · (+1 if p excites A-unit a, −1 if it inhibits it), red where a lit point pushes the R-unit up, blue where it pushes it down.</summary>
    /// <remarks>A linear reading of a non-linear machine (an A-unit fires only when enough of its points are lit), but it shows where
    /// on the retina each R-unit has learned to look.</remarks>
    /// <param name="path">The PNG to write.</param>
    /// <param name="machine">A trained machine.</param>
    /// <param name="unitNames">A label per trained R-unit.</param>
    public static string ResponseRetina<TLabel>(string path, MarkOnePerceptron<TLabel> machine, IReadOnlyList<string> unitNames) where TLabel : notnull
    {
        var board = machine.Plugboard;
        var tiles = new double[machine.Code.Units][];
        for (int r = 0; r < tiles.Length; r++)
        {
            var w = machine.UnitWeights(r);
            tiles[r] = new double[board.RetinaPoints];
            for (int a = 0; a < board.Units; a++)
            {
                foreach (int p in board.ExcitatoryPoints(a)) tiles[r][p] += w[a];
                foreach (int p in board.InhibitoryPoints(a)) tiles[r][p] -= w[a];
            }
            double scale = Math.Max(1e-12, tiles[r].Max(v => Math.Abs(v)));
            for (int p = 0; p < tiles[r].Length; p++) tiles[r][p] /= scale;
        }
        return Save(path, Mosaic(tiles, board.RetinaWidth, board.RetinaHeight), [Colors.Blue, Dark, Colors.Red], -1, 1,
            $"Where each R-unit looks on the retina ({string.Join(", ", unitNames)})\nweight × wire sign, summed over the A-units: red for, blue against", colorBar: true);
    }

    private static double[,] Mosaic(double[][] tiles, int width, int height)
    {
        int columns = (int)Math.Ceiling(Math.Sqrt(tiles.Length)), rows = (int)Math.Ceiling(tiles.Length / (double)columns);
        var mosaic = new double[rows * (height + 1) - 1, columns * (width + 1) - 1];
        for (int r = 0; r < mosaic.GetLength(0); r++)
            for (int c = 0; c < mosaic.GetLength(1); c++)
                mosaic[r, c] = double.NaN;
        for (int t = 0; t < tiles.Length; t++)
        {
            int top = t / columns * (height + 1), left = t % columns * (width + 1);
            for (int i = 0; i < width * height; i++)
                mosaic[top + i / width, left + i % width] = tiles[t][i];
        }
        return mosaic;
    }

    private static string Save(string path, double[,] grid, Color[] colors, double min, double max, string title, bool colorBar)
    {
        var plot = new Plot();
        var heat = plot.Add.Heatmap(grid);
        heat.Colormap = new ScottPlot.Colormaps.Custom(colors);
        heat.ManualRange = new ScottPlot.Range(min, max);
        heat.NaNCellColor = Colors.White;
        plot.HideAxesAndGrid();
        plot.Title(title);
        if (colorBar) plot.Add.ColorBar(heat);
        plot.Axes.SquareUnits();
        return PlotFile.Save(path, file => plot.SavePng(file, PlotFile.Width, PlotFile.Height));
    }
}

using Rosenblatt.Cli.Plots;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;
using SkiaSharp;

namespace Rosenblatt.Cli.Tests.Plots;

public class PlotTests
{
    /// <summary>Two blobs, class 0 around (-1, -1) and class 1 around (1, 1), from a fixed seed.</summary>
    private static (double[][] X, int[] Y) Blobs(int perClass = 40)
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var y = new List<int>();
        for (int c = 0; c < 2; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                double centre = c == 0 ? -1 : 1;
                x.Add([centre + 0.5 * (random.NextDouble() - 0.5), centre + 0.5 * (random.NextDouble() - 0.5)]);
                y.Add(c);
            }
        }
        return ([.. x], [.. y]);
    }

    private static (Network Network, TrainingHistory History) Train(double[][] x, int[] y)
    {
        var network = new Network(2, [new Dense(8, "tanh"), new Dense(2, "softmax")], seed: 1);
        var targets = new Matrix(y.Length, 2);
        for (int i = 0; i < y.Length; i++)
            targets[i, y[i]] = 1;
        var history = new Trainer(new TrainerOptions { Epochs = 30, BatchSize = 16, Seed = 1, ValidationSplit = 0.25 })
            .Fit(network, CategoricalCrossEntropy.Instance, new Adam(0.05), Matrix.FromRows(x), targets);
        return (network, history);
    }

    private static double[][] Probabilities(Network network, double[][] rows)
    {
        var output = network.Predict(Matrix.FromRows(rows));
        return [.. Enumerable.Range(0, output.Rows).Select(r => output.Row(r).ToArray().Select(v => (double)v).ToArray())];
    }

    [Fact]
    public void DecisionBoundary_OfTwoBlobs_IsAPngShowingBothClassColours()
    {
        using var folder = new TempFiles();
        var (x, y) = Blobs();
        var (network, _) = Train(x, y);
        string path = DecisionBoundaryPlot.Save(folder.PathOf("boundary.png"), x, y, ["left", "right"],
            rows => Probabilities(network, rows), "two blobs");

        Assert.Equal((PlotFile.Width, PlotFile.Height), Png.Size(path));
        var pixels = Png.Pixels(path);
        // The points are drawn in the full class colours; each class must appear, on either side of the boundary.
        Assert.True(Png.Count(pixels, Color(ClassColors.Of(0))) > 50, "no class-0 (blue) points");
        Assert.True(Png.Count(pixels, Color(ClassColors.Of(1))) > 50, "no class-1 (orange) points");
        // And both washed background regions: bottom-left is class 0's region, top-right class 1's.
        using var bitmap = SKBitmap.Decode(path);
        Assert.True(Bluish(bitmap.GetPixel(140, 480)), $"bottom-left pixel {bitmap.GetPixel(140, 480)} is not class 0's wash");
        Assert.False(Bluish(bitmap.GetPixel(680, 90)), $"top-right pixel {bitmap.GetPixel(680, 90)} is class 0's wash");
    }

    [Fact]
    public void DecisionBoundary_Of3DPoints_SaysItNeedsTwoFeatures()
    {
        using var folder = new TempFiles();
        var error = Assert.Throws<ArgumentException>(() => DecisionBoundaryPlot.Save(folder.PathOf("b.png"),
            [[1, 2, 3]], [0], ["a", "b"], rows => rows, "t"));
        Assert.Contains("2-D points", error.Message);
        Assert.Contains("help:", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Folder));
    }

    [Fact]
    public void TrainingCurves_WithAccuracy_AreTwoPanelsWide()
    {
        using var folder = new TempFiles();
        var (x, y) = Blobs();
        var (_, history) = Train(x, y);
        string path = TrainingCurvesPlot.Save(folder.PathOf("curves.png"), history, "blobs 2-8-2");
        Assert.Equal((2 * PlotFile.Width, PlotFile.Height), Png.Size(path));
        var pixels = Png.Pixels(path);
        Assert.True(Png.Count(pixels, Color(ClassColors.Of(0))) > 200, "no training curve");
        Assert.True(Png.Count(pixels, Color(ClassColors.Of(1))) > 100, "no validation curve");
    }

    [Fact]
    public void ConfusionMatrix_IsAPngWithADarkDiagonal()
    {
        using var folder = new TempFiles();
        int[][] counts = [[50, 0, 0], [2, 45, 3], [0, 4, 46]];
        string path = ConfusionMatrixPlot.Save(folder.PathOf("confusion.png"), counts, ["setosa", "versicolor", "virginica"], "iris");
        Assert.Equal((PlotFile.Width, PlotFile.Height), Png.Size(path));
        var pixels = Png.Pixels(path);
        // The diagonal cells are at least 90% of their row: the darkest blue of the colormap.
        Assert.True(pixels.Count(p => p.Blue > 80 && p.Red < 40 && p.Green < 80) > 1000, "no dark diagonal cells");
    }

    [Fact]
    public void FirstLayerWeights_OfAn8x8Input_AreTilesOfRedAndBlue()
    {
        using var folder = new TempFiles();
        int inputs = 64, units = 16;
        var random = new Random(3);
        float[] weights = [.. Enumerable.Range(0, inputs * units).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        string path = FirstLayerWeightsPlot.Save(folder.PathOf("weights.png"), weights, inputs, units, "digits 64-16-10");
        Assert.Equal((PlotFile.Width, PlotFile.Height), Png.Size(path));
        var pixels = Png.Pixels(path);
        Assert.True(pixels.Count(p => p.Red > 200 && p.Blue < 120 && p.Green < 120) > 500, "no strongly positive (red) weights");
        Assert.True(pixels.Count(p => p.Blue > 200 && p.Red < 120 && p.Green < 120) > 500, "no strongly negative (blue) weights");
    }

    [Fact]
    public void FirstLayerWeights_OfANonSquareInput_SayImagesOnly()
    {
        using var folder = new TempFiles();
        var error = Assert.Throws<ArgumentException>(() => FirstLayerWeightsPlot.Save(folder.PathOf("w.png"), new float[5 * 3], 5, 3, "t"));
        Assert.Contains("square images", error.Message);
    }

    [Fact]
    public void Save_IntoAMissingFolder_SaysCreateIt()
    {
        var error = Assert.Throws<IOException>(() => ConfusionMatrixPlot.Save(
            Path.Combine(Path.GetTempPath(), "rosenblatt-no-such-folder", Guid.NewGuid().ToString("N"), "c.png"), [[1]], ["a"], "t"));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("help:", error.Message);
    }

    private static SKColor Color(ScottPlot.Color c) => new(c.R, c.G, c.B);

    private static bool Bluish(SKColor p) => p.Blue > p.Red + 15;
}

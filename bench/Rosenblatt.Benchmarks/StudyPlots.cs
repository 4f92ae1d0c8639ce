using ScottPlot;

namespace Rosenblatt.Benchmarks;

/// <summary>The Mark I study's plot: test accuracy against the number of A-units, one line per task.</summary>
public static class StudyPlots
{
    public static void AUnits(string path, int[] sizes, Dictionary<string, double[]> accuracy)
    {
        var plot = new Plot();
        var xs = sizes.Select(s => Math.Log2(s)).ToArray();
        foreach (var (task, values) in accuracy)
        {
            var line = plot.Add.Scatter(xs, values.Select(v => v * 100).ToArray());
            line.LegendText = task;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }
        var mark = plot.Add.VerticalLine(Math.Log2(512));
        mark.LinePattern = LinePattern.Dashed;
        mark.Color = Colors.Gray;
        mark.Text = "the Mark I: 512";
        plot.Axes.Bottom.SetTicks(xs, sizes.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("A-units (log scale)");
        plot.YLabel("test accuracy (%)");
        plot.Title("Mark I Perceptron: test accuracy as the A-units grow\n(5 excitatory + 5 inhibitory wires, θ = 2, 8 R-units, seed 1)");
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 600);
    }
}

using ScottPlot;

namespace Rosenblatt.Benchmarks;

/// <summary>The Mark I study's plot: test accuracy against the number of A-units, one line per task.</summary>
public static class StudyPlots
{
    /// <summary>Redraws the plot from a study's JSON (`mark-one-plot [study.json] [png]`), without rerunning the study.</summary>
    public static void FromJson(string[] args)
    {
        string json = args.Length > 0 ? args[0] : "docs/mark-one-study.json";
        string png = args.Length > 1 ? args[1] : "docs/mark-one-a-units.png";
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var a = doc.RootElement.GetProperty("aUnits");
        var sizes = a.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var accuracy = a.GetProperty("accuracy").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetDouble()).ToArray());
        AUnits(png, sizes, accuracy);
        Console.WriteLine($"wrote {png}");
    }

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
        var label = plot.Add.Text("the Mark I: 512 A-units", Math.Log2(512) + 0.08, 6);
        label.LabelFontColor = Colors.Gray;
        label.LabelFontSize = 13;
        plot.Axes.Bottom.SetTicks(xs, sizes.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("A-units (log scale)");
        plot.YLabel("test accuracy (%)");
        plot.Title("Mark I Perceptron: test accuracy as the A-units grow\n(5 excitatory + 5 inhibitory wires, θ = 2, 8 R-units, seed 1)");
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 600);
    }
}

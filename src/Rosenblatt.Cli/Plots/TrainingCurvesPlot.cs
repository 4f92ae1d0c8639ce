using Rosenblatt.Training;
using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>Loss and accuracy per epoch, training and validation, as two panels side by side.</summary>
/// <remarks>
/// The loss panel alone when the model has no accuracy (a regressor). Validation curves are dashed in the
/// same colour as their training curve, so a widening gap between the two (over-fitting) is easy to see.
/// A vertical line marks the best epoch, the one whose weights early stopping or Ctrl+C kept.
/// </remarks>
internal static class TrainingCurvesPlot
{
    /// <summary>Renders the plot to a PNG.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="history">The run's history, one record per epoch.</param>
    /// <param name="title">A title such as "digits: 64-64-10".</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The history has no epochs.</exception>
    public static string Save(string path, TrainingHistory history, string title)
    {
        var epochs = history.Epochs;
        if (epochs.Count == 0)
            throw new ArgumentException("the training history has no epochs. help: train for at least one epoch before plotting its curves.");
        double[] x = [.. epochs.Select(e => (double)e.Epoch)];
        bool accuracy = epochs.All(e => e.Accuracy is not null);

        var multiplot = new Multiplot();
        multiplot.AddPlots(accuracy ? 2 : 1);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var loss = multiplot.GetPlot(0);
        Curve(loss, x, epochs.Select(e => (double?)e.Loss), "training", dashed: false);
        Curve(loss, x, epochs.Select(e => e.ValidationLoss), "validation", dashed: true);
        Finish(loss, history, $"{title}: loss", "loss", Alignment.UpperRight);
        // Losses are never negative: start the axis at 0 rather than below it.
        double highest = epochs.Max(e => Math.Max(Finite(e.Loss), Finite(e.ValidationLoss ?? 0)));
        // The x axis runs over epoch numbers, which a long (thinned) history does not list one by one.
        double span = Math.Max(1, x[^1] - x[0]);
        double xMin = x[0] - 0.02 * span, xMax = x[^1] + 0.02 * span;
        loss.Axes.SetLimits(xMin, xMax, 0, highest > 0 ? highest * 1.05 : 1);

        if (accuracy)
        {
            var acc = multiplot.GetPlot(1);
            Curve(acc, x, epochs.Select(e => e.Accuracy * 100), "training", dashed: false);
            Curve(acc, x, epochs.Select(e => e.ValidationAccuracy * 100), "validation", dashed: true);
            Finish(acc, history, $"{title}: accuracy", "accuracy (%)", Alignment.LowerRight);
            double lowest = epochs.Min(e => Math.Min(e.Accuracy ?? 1, e.ValidationAccuracy ?? 1)) * 100;
            // Room above 100% so a curve that reaches it is not drawn on the frame.
            acc.Axes.SetLimits(xMin, xMax, Math.Max(0, lowest - 0.05 * (100.5 - lowest)) - 0.5, 100.5);
        }
        int width = accuracy ? 2 * PlotFile.Width : PlotFile.Width;
        return PlotFile.Save(path, file => multiplot.SavePng(file, width, PlotFile.Height));
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static void Curve(Plot plot, double[] x, IEnumerable<double?> values, string name, bool dashed)
    {
        double?[] y = [.. values];
        if (y.All(v => v is null))
            return;
        var line = plot.Add.ScatterLine(x, [.. y.Select(v => v ?? double.NaN)], dashed ? ClassColors.Of(1) : ClassColors.Of(0));
        line.LineWidth = 2;
        if (dashed)
            line.LinePattern = LinePattern.Dashed;
        line.LegendText = name;
        if (x.Length == 1)
        {
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = 8;
        }
    }

    private static void Finish(Plot plot, TrainingHistory history, string title, string yLabel, Alignment legend)
    {
        if (history.BestEpoch > 0 && history.Epochs.Count > 1)
        {
            var best = plot.Add.VerticalLine(history.BestEpoch, 1, Colors.Gray);
            best.LinePattern = LinePattern.Dotted;
            best.LegendText = $"best epoch ({history.BestEpoch})";
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        // Where the curves are not: a loss falls away from the top right, an accuracy rises away from the bottom right.
        plot.ShowLegend(legend);
    }
}

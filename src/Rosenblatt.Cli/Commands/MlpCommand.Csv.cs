using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Numerics;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt mlp --data</c>: the same network and trainer on a CSV file's rows.</summary>
internal static partial class MlpCommand
{
    /// <summary>Trains on a CSV file: checks that <c>--layers</c> fits its features and labels, then prints the curve and the first predictions.</summary>
    private static int ExecuteCsv(CliContext cli, ParseResult parse, Settings requested, Dataset data, bool layersGiven)
    {
        bool regression = data.HasTargets;
        if (!regression)
            ClassBalance.Check(data, data.Name, 0);
        int outputs = regression ? 1 : data.ClassCount == 2 && requested.OutputActivation != "softmax" ? 1 : data.ClassCount;
        var settings = requested with
        {
            Gate = data.Name,
            Layers = layersGiven ? requested.Layers : [data.FeatureCount, 8, outputs],
        };
        ValidateOptions(settings);
        ValidateCsvShape(settings, data, regression);
        string? note = null;
        if (settings.NumpyInit && settings.Loss == "mse")
        {
            settings = settings with { EffectiveLearningRate = settings.LearningRate / 2 };
            note = $"note: --numpy-init trains with lr/2 = {N(settings.EffectiveLearningRate)} (the NumPy scripts' half-MSE gradient convention).";
        }

        var network = Build(settings, data.FeatureCount);
        var x = data.Features;
        var y = regression ? new Matrix(data.Count, 1, data.Targets) : Targets(data.Labels, network.Outputs);
        var history = Train(settings, network, x, y);

        var outputsMatrix = network.Predict(x);
        var predictions = new List<CsvPrediction>();
        int correct = 0;
        double squaredError = 0;
        for (int r = 0; r < data.Count; r++)
        {
            double[] output = OutputRow(outputsMatrix, r);
            if (regression)
            {
                float target = data.Targets[r];
                squaredError += (output[0] - target) * (output[0] - target);
                predictions.Add(new CsvPrediction(r + 1, output, target.ToString(CultureInfo.InvariantCulture), F4(output[0]), false));
                continue;
            }
            int predicted = PredictedClass(output);
            bool ok = predicted == data.Labels[r];
            if (ok) correct++;
            predictions.Add(new CsvPrediction(r + 1, output, data.ClassNames[data.Labels[r]], data.ClassNames[predicted], ok));
        }
        var document = new CsvDocument(settings with { Init = InitLabel(settings, network) }, data.Name, data.Count, data.FeatureCount,
            regression ? null : data.ClassNames, network.Shape, note, Curve(history), history.Last.Loss, predictions,
            regression ? null : (double)correct / data.Count, regression ? squaredError / data.Count : null);
        return cli.Write(parse, document, console => RenderCsv(console, document));
    }

    private static void RenderCsv(IAnsiConsole console, CsvDocument d)
    {
        var s = d.Settings;
        string optimizer = OptimizerLabel(s);
        string batches = s.Batch is null ? "full batch" : $"batches of {s.Batch}, shuffled";
        string task = d.Classes is { } classes ? $"classes {string.Join(", ", classes)}" : "regression";
        console.WriteLine($"MLP {d.Shape} on {d.Data}: {d.Rows} rows, {d.Features} feature{(d.Features == 1 ? "" : "s")}, {task}");
        console.WriteLine($"{s.Activation} hidden, {s.OutputActivation} output, {s.Loss} loss, {optimizer} lr {N(s.LearningRate)}");
        console.WriteLine($"{s.Epochs} epochs, {batches}, seed {s.Seed}, initial weights: {s.Init}");
        if (d.Note is { } note)
            console.WriteLine(note);
        console.Write(CurveTable(d.LossCurve, a => $"{N(Math.Round(a * 100, 2))}%"));

        const int shown = 10;
        var table = d.Classes is null
            ? CliTable.Create("row", "output", "target")
            : CliTable.Create("row", d.Predictions[0].Output.Length == 1 ? "output" : "outputs", "target", "predicted", "✓/✗");
        foreach (var p in d.Predictions.Take(shown))
        {
            string output = Outputs(p.Output);
            string row = p.Row.ToString(CultureInfo.InvariantCulture);
            if (d.Classes is null)
                table.AddPlainRow(row, output, p.Target);
            else
                table.AddRow(new Text(row), new Text(output), new Text(p.Target), new Text(p.Predicted), CliTable.Mark(p.Correct));
        }
        console.Write(table);
        if (d.Predictions.Count > shown)
            console.WriteLine($"(first {shown} of {d.Predictions.Count} rows; --json lists them all)");
        string score = d.Accuracy is double acc
            ? $"{d.Predictions.Count(p => p.Correct)}/{d.Rows} rows correct ({N(Math.Round(acc * 100, 2))}%)"
            : $"mean squared error {CliFormat.Significant(d.MeanSquaredError ?? 0, 4)}";
        console.WriteLine($"final loss {CliFormat.Significant(d.FinalLoss, 4)} (epoch {d.LossCurve[^1].Epoch}); {score}");
    }

    /// <summary>Checks that <c>--layers</c> fits the CSV: one input per feature, and an output layer the labels fit.</summary>
    private static void ValidateCsvShape(Settings s, Dataset data, bool regression)
    {
        string layers = string.Join(",", s.Layers);
        string rest = string.Join(",", s.Layers.Skip(1).SkipLast(1).DefaultIfEmpty(8));
        if (s.Layers.Length < 2)
            throw new ArgumentException(
                $"--layers needs at least an input and an output size (received '{layers}'). help: e.g. --layers {data.FeatureCount},8,{(regression || data.ClassCount == 2 ? 1 : data.ClassCount)}.");
        if (s.Layers[0] != data.FeatureCount)
            throw new ArgumentException(
                $"--layers starts with {s.Layers[0]} inputs but {data.Name} has {data.FeatureCount} features (received '{layers}'). " +
                $"help: start with the feature count, e.g. --layers {data.FeatureCount},{string.Join(",", s.Layers.Skip(1))}.");
        int last = s.Layers[^1];
        if (regression && last != 1)
            throw new ArgumentException(
                $"--layers ends with {last} outputs but {data.Name} has one real-valued target per row (received '{layers}'). " +
                $"help: end with 1 for regression, e.g. --layers {data.FeatureCount},{rest},1.");
        if (!regression && !(last == data.ClassCount || (last == 1 && data.ClassCount == 2)))
            throw new ArgumentException(
                $"--layers ends with {last} output{(last == 1 ? "" : "s")} but {data.Name} has {data.ClassCount} classes ({string.Join(", ", data.ClassNames)}) (received '{layers}'). " +
                (data.ClassCount == 2
                    ? $"help: end with 1 (one sigmoid unit, ≥ 0.5 is '{data.ClassNames[1]}') or 2 (one unit per class)."
                    : $"help: end with one unit per class, e.g. --layers {data.FeatureCount},{rest},{data.ClassCount} --output-activation softmax --loss categorical_crossentropy."));
    }

    /// <summary>One row of a CSV's predictions (1-based row number); for regression <see cref="Target"/> and <see cref="Predicted"/> are numbers as text.</summary>
    internal sealed record CsvPrediction(int Row, double[] Output, string Target, string Predicted, bool Correct);

    /// <summary>The <c>--json</c> document for a CSV file: every epoch of the curve and every row's prediction.</summary>
    internal sealed record CsvDocument(
        Settings Settings, string Data, int Rows, int Features, IReadOnlyList<string>? Classes, string Shape, string? Note,
        IReadOnlyList<CurvePoint> LossCurve, double FinalLoss, IReadOnlyList<CsvPrediction> Predictions, double? Accuracy, double? MeanSquaredError);
}

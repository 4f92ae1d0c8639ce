using System.CommandLine;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;
using Rosenblatt.Cli.Plots;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt plot</c>: PNG pictures of a saved model: decision boundary, training curves, confusion matrix, first-layer weights.</summary>
/// <remarks>
/// <c>--kind all</c> (the default) draws every picture that applies and says why the others were skipped: the
/// boundary needs two features and <c>--data</c>; the curves need a model trained by gradient descent (the
/// history is in the model file); the confusion matrix needs labelled <c>--data</c> (the rows held out at
/// training when it is the training set); the weights need square images (digits 8×8, MNIST 28×28). Asking
/// for one kind that does not apply is an error that says what it needs.
/// </remarks>
internal static class PlotCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "plot";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Draw a saved model as PNG files: decision boundary, loss/accuracy curves, confusion matrix, first-layer weights.";

    /// <summary>The picture kinds.</summary>
    public static readonly string[] Kinds = ["all", "boundary", "curves", "confusion", "weights"];

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var model = new Option<string>("--model") { Description = "The model file written by 'rosenblatt train --out'.", HelpName = "model.json", Required = true };
        var data = new Option<string?>("--data") { Description = "Labelled data for the boundary's points and the confusion matrix (usually the training --data).", HelpName = "name|file.csv" };
        var label = new Option<string?>("--label") { Description = "The CSV's label column, by header name or 0-based index.", HelpName = "column" };
        var kind = new Option<string>("--kind") { Description = "Which picture: all (every one that applies), boundary, curves, confusion or weights.", DefaultValueFactory = _ => "all" };
        kind.AcceptOnlyFromAmong(Kinds);
        var outDir = new Option<string>("--out-dir") { Description = "The folder for the PNG files (created if missing).", HelpName = "folder", DefaultValueFactory = _ => "plots" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where mnist and fashion-mnist live.", HelpName = "folder" };
        var command = new Command(Name, Description)
        {
            model, data, label, kind, outDir, dataDir,
        };
        var csv = new CsvFlags();
        csv.AddTo(command);
        command.SetAction(parse =>
        {
            // The folder is checked before the model and data are read (and created only when a picture is drawn).
            OutputFile.CheckFolder(parse.GetValue(outDir)!, "--out-dir");
            var loaded = CliModel.Load(parse.GetValue(model)!);
            string? dataName = parse.GetValue(data);
            var (rows, allRows) = dataName is null ? (null, null) : ModelData.LabelledBoth(loaded, dataName, parse.GetValue(label), parse.GetValue(dataDir), csv.Apply(parse, new DataRequest()));
            string folder = parse.GetValue(outDir)!;
            var result = Draw(loaded, rows, allRows, parse.GetValue(kind)!, folder, Path.GetFileNameWithoutExtension(loaded.Path));
            return cli.Write(parse, result, console =>
            {
                var table = CliTable.Create("picture", "file");
                foreach (var w in result.Written)
                    table.AddPlainRow(w.Kind, Path.GetRelativePath(Environment.CurrentDirectory, w.Path));
                console.Write(table);
                foreach (var s in result.Skipped)
                    console.WriteLine($"skipped {s.Kind}: {s.Reason}");
            });
        });
        return command;
    }

    /// <summary>Draws the requested pictures into <paramref name="folder"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="rows">Labelled rows for the confusion matrix (held-out rows when available), or null.</param>
    /// <param name="allRows">Every labelled row, for the boundary's points, or null.</param>
    /// <param name="kind">all or one of <see cref="Kinds"/>.</param>
    /// <param name="folder">The output folder; created if missing.</param>
    /// <param name="name">The title's name for the model.</param>
    /// <returns>The files written and the kinds skipped, with reasons.</returns>
    /// <exception cref="ArgumentException">A single requested kind does not apply to this model or data.</exception>
    internal static PlotResult Draw(CliModel model, ModelData? rows, ModelData? allRows, string kind, string folder, string name)
    {
        var plans = new (string Kind, string? Missing, Func<string, string> Draw)[]
        {
            ("boundary", Boundary(model, allRows), path => DecisionBoundaryPlot.Save(path, allRows!.Data.ToRows(), allRows.Data.Labels, model.ClassNames,
                x => Shades(model, x), $"{name}: {model.Description} decision boundary", allRows.Data.FeatureNames)),
            ("curves", model.History is { Epochs.Count: > 0 } ? null : "the model has no training history (a perceptron is not trained by epochs of gradient descent)",
                path => TrainingCurvesPlot.Save(path, model.History!, $"{name} {model.Description}")),
            ("confusion", rows is null ? "needs labelled --data" : null,
                path => ConfusionMatrixPlot.Save(path, TrainCommand.Score(model, rows!.Data, name).ToRows(), model.ClassNames,
                    $"{name}: confusion matrix, {rows.Data.Count} rows")),
            ("weights", model.MarkOneParts is not null ? "a Mark I has no trained weights on the retina (its plugboard is fixed wiring); 'rosenblatt mark1 --pictures' draws the plugboard and the R-units' weights"
                : ImageSide(model.FeatureCount) is null ? $"the {model.FeatureCount} inputs are not a square image (digits 8×8, mnist 28×28)" : null,
                path => Weights(model, path, name)),
        };
        if (kind != "all" && plans.First(p => p.Kind == kind).Missing is { } reason)
            throw new ArgumentException($"--kind {kind} cannot be drawn for {model.Path}: {reason}. help: use --kind all to draw every picture that applies.");
        Directory.CreateDirectory(folder);
        var written = new List<PlotFileRow>();
        var skipped = new List<PlotSkip>();
        foreach (var plan in plans.Where(p => kind == "all" || p.Kind == kind))
        {
            if (plan.Missing is { } why)
                skipped.Add(new PlotSkip(plan.Kind, why));
            else
                written.Add(new PlotFileRow(plan.Kind, plan.Draw(Path.Combine(folder, $"{name}-{plan.Kind}.png"))));
        }
        return new PlotResult(written, skipped);
    }

    private static string? Boundary(CliModel model, ModelData? rows) =>
        model.FeatureCount != 2 ? $"the model has {model.FeatureCount} features; a boundary is drawn for 2"
        : rows is null ? "needs --data for the points"
        : null;

    /// <summary>Probabilities for the shading; a perceptron's scores become a sure vote for its predicted class.</summary>
    private static double[][] Shades(CliModel model, double[][] rows)
    {
        var outputs = model.Outputs(Numerics.Matrix.FromRows(rows));
        if (model.IsProbabilistic)
            return outputs;
        int[] predicted = CliModel.ArgMax(outputs);
        return [.. predicted.Select(p => Enumerable.Range(0, model.ClassNames.Count).Select(c => c == p ? 1.0 : 0.0).ToArray())];
    }

    private static string Weights(CliModel model, string path, string name)
    {
        int inputs = model.FeatureCount;
        if (model.Network is { } network)
        {
            var first = network.Layers[0];
            return FirstLayerWeightsPlot.Save(path, first.Weights.AsSpan(), inputs, first.Units, $"{name}: first-layer weights, {inputs} = {ImageSide(inputs)}×{ImageSide(inputs)} pixels per unit");
        }
        var (w, _) = model.PerceptronUnits!.Value;
        var weights = new float[inputs * w.Count];
        for (int u = 0; u < w.Count; u++)
            for (int i = 0; i < inputs; i++)
                weights[i * w.Count + u] = (float)w[u][i];
        return FirstLayerWeightsPlot.Save(path, weights, inputs, w.Count, $"{name}: perceptron weights per unit");
    }

    private static int? ImageSide(int inputs)
    {
        int side = (int)Math.Round(Math.Sqrt(inputs));
        return side >= 4 && side * side == inputs ? side : null;
    }

    private static string Short(string description) => description.Split(';')[0];

    /// <summary>One picture written.</summary>
    internal sealed record PlotFileRow(string Kind, string Path);

    /// <summary>One picture not drawn, and why.</summary>
    internal sealed record PlotSkip(string Kind, string Reason);

    /// <summary>What was drawn (also the <c>--json</c> document).</summary>
    internal sealed record PlotResult(IReadOnlyList<PlotFileRow> Written, IReadOnlyList<PlotSkip> Skipped);
}

using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Metrics;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt evaluate</c>: a saved model's accuracy, log loss, per-class scores and confusion matrix on labelled data.</summary>
/// <remarks>
/// When <c>--data</c> names the set the model was trained on (a built-in or synthetic set), the rows held out
/// at training time are rebuilt from the split recorded in the model file (same fraction, same seed), so the
/// figures are test figures, not a replay of the training rows; <c>--all</c> evaluates every row instead.
/// A CSV is read with the model's class names, so a label the model never saw is an error naming the line.
/// </remarks>
internal static class EvaluateCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "evaluate";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Measure a saved model on labelled data: accuracy, log loss, per-class precision/recall/F1, confusion matrix.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var model = new Option<string>("--model") { Description = "The model file written by 'rosenblatt train --out'.", HelpName = "model.json", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled data: the set the model was trained on (its held-out rows), another set with the same features, or a CSV file.", HelpName = "name|file.csv", Required = true };
        var label = new Option<string?>("--label") { Description = "The CSV's label column, by header name or 0-based index (default: the last column).", HelpName = "column" };
        var all = new Option<bool>("--all") { Description = "Evaluate every row of a built-in or synthetic set, not just the rows held out at training." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where mnist and fashion-mnist live (default: $ROSENBLATT_DATA, then ./data).", HelpName = "folder" };
        var command = new Command(Name, Description)
        {
            model, data, label, all, dataDir,
        };
        var csv = new CsvFlags();
        csv.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = CliModel.Load(parse.GetValue(model)!);
            string name = parse.GetValue(data)!;
            ModelData Read() => ModelData.Labelled(loaded, name, parse.GetValue(label), parse.GetValue(all), parse.GetValue(dataDir),
                csv.Apply(parse, new DataRequest()));
            var rows = DataArgument.IsLarge(name) ? PhaseStatus.Run(cli, cli.IsJson(parse), $"Loading {Path.GetFileName(name)}", $"Loaded {Path.GetFileName(name)}", Read) : Read();
            return Execute(cli, parse, loaded, rows);
        });
        return command;
    }

    /// <summary>The row count from which scoring shows a status (about a second of work on a slow machine).</summary>
    internal const int LargeSet = 10_000;

    private static int Execute(CliContext cli, ParseResult parse, CliModel model, ModelData rows)
    {
        var probabilities = rows.Data.Count >= LargeSet
            ? PhaseStatus.Run(cli, cli.IsJson(parse), $"Evaluating on {rows.Data.Count} rows", "Evaluated", () => model.Outputs(rows.Data))
            : model.Outputs(rows.Data);
        int[] predicted = CliModel.ArgMax(probabilities);
        var report = ClassificationReport.Compute(rows.Data.Labels, predicted, model.ClassNames);
        double? logLoss = model.IsProbabilistic ? LogLoss.Compute(rows.Data.Labels, probabilities) : null;
        var confusion = report.ConfusionMatrix;
        var document = new Document(
            model.Path, model.Description, rows.Data.Name, rows.Description, rows.Data.Count, report.Accuracy, confusion.Correct, confusion.Total, logLoss,
            [.. report.Classes, report.MacroAverage, report.WeightedAverage], model.ClassNames, confusion.ToRows(),
            TrainingAdvice.Of(TrainingAdvice.Majority(rows.Data.Labels, report.Accuracy, model.ClassNames, "rows scored")));
        return cli.Write(parse, document, console => Render(console, document));
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        console.WriteLine($"{d.Model} on {d.Data}: {d.Rows} rows ({d.Subset})");
        console.WriteLine($"accuracy {CliFormat.Percent(d.Accuracy)} ({d.Correct}/{d.Total})" + (d.LogLoss is double l ? $", log loss {CliFormat.Significant(l, 4)}" : ""));
        var scores = CliTable.Create("class", "precision", "recall", "f1", "support");
        foreach (var c in d.Classes)
            scores.AddPlainRow(c.Name, F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture));
        console.Write(scores);
        console.Write(ConfusionTable(d.ClassNames, d.ConfusionMatrix));
        foreach (string warning in d.Warnings)
            console.WriteLine(warning);
    }

    /// <summary>The confusion matrix as a table: one row per true class, one column per predicted class, the diagonal marked.</summary>
    /// <param name="classNames">The class names.</param>
    /// <param name="counts">counts[true][predicted].</param>
    internal static Spectre.Console.Table ConfusionTable(IReadOnlyList<string> classNames, int[][] counts)
    {
        var table = CliTable.Create(["true \\ predicted", .. classNames]);
        for (int t = 0; t < counts.Length; t++)
        {
            var cells = new List<Spectre.Console.Rendering.IRenderable> { new Text(classNames[t]) };
            for (int p = 0; p < counts[t].Length; p++)
            {
                string count = counts[t][p].ToString(CultureInfo.InvariantCulture);
                cells.Add(t == p ? new Text(count, new Style(decoration: Decoration.Bold)) : new Text(count));
            }
            table.AddRow(cells);
        }
        return table;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);


    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(
        string ModelFile, string Model, string Data, string Subset, int Rows, double Accuracy, int Correct, int Total, double? LogLoss,
        IReadOnlyList<ClassScores> Classes, IReadOnlyList<string> ClassNames, int[][] ConfusionMatrix, IReadOnlyList<string> Warnings);
}

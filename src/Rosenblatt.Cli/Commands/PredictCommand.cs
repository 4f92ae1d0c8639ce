using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Cli.Modeling;
using Rosenblatt.Data;
using Rosenblatt.Numerics;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt predict</c>: a saved model's class and class probabilities for one input or every row of a CSV file.</summary>
/// <remarks>
/// <para>A CSV may or may not carry a label column (the training file itself works); features are scaled with
/// the statistics saved in the model. The output CSV has the input columns, then <c>predicted</c>, then one
/// <c>p_&lt;class&gt;</c> column per class (<c>score_&lt;class&gt;</c> for a perceptron, which has scores, not
/// probabilities). With <c>--out</c> the file is written atomically; without it the CSV goes to stdout. <c>--out</c> is
/// checked before the model is read: it must be writable and must be neither the <c>--data</c> nor the <c>--model</c> file.</para>
/// </remarks>
internal static class PredictCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "predict";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Classify rows with a saved model: one --input, or a CSV file in and a CSV file out with class probabilities.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var model = new Option<string>("--model") { Description = "The model file written by 'rosenblatt train --out'.", HelpName = "model.json", Required = true };
        var data = new Option<string?>("--data") { Description = "A CSV file of rows to classify (a label column, if present, is skipped), or a data set's name (its labels are set aside).", HelpName = "name|file.csv" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where mnist and fashion-mnist live (default: $ROSENBLATT_DATA, then ./data).", HelpName = "folder" };
        var input = new VectorOption("--input", "One row to classify, e.g. --input 5.1,3.5,1.4,0.2.");
        var label = new Option<string?>("--label") { Description = "The CSV's label column, if it is not the last, by header name or 0-based index.", HelpName = "column" };
        var output = new Option<string?>("--out") { Description = "Write the predictions to this CSV file (atomically) instead of stdout.", HelpName = "predictions.csv" };
        var command = new Command(Name, Description)
        {
            model, data, input, label, output, dataDir,
        };
        var csvFlags = new CsvFlags();
        csvFlags.AddTo(command);
        command.SetAction(parse =>
        {
            string? csv = parse.GetValue(data);
            double[]? row = parse.GetValue(input)?.Values;
            if ((csv is null) == (row is null))
                throw new ArgumentException("predict needs exactly one of --data or --input. help: e.g. --input 5.1,3.5,1.4,0.2 for one row, or --data rows.csv --out predictions.csv for a file.");
            string modelPath = parse.GetValue(model)!;
            if (parse.GetValue(output) is { } outPath)
                OutputFile.Check(outPath, "--out", ("--data", csv), ("--model", modelPath));
            var loaded = CliModel.Load(modelPath);
            if (row is not null)
                return One(cli, parse, loaded, row);
            Dataset Read() => ModelData.Unlabelled(loaded, csv!, parse.GetValue(label), csvFlags.Apply(parse, new DataRequest()), parse.GetValue(dataDir)).Data;
            string? outFile = parse.GetValue(output);
            bool json = cli.IsJson(parse);
            string reading = $"Loading {Path.GetFileName(csv!)}";
            // As for predicting: without --out the status goes to stderr, stdout being the CSV.
            var rows = !DataArgument.IsLarge(csv!) || json ? Read()
                : outFile is null ? PhaseStatus.OnStderr(cli, reading, Read)
                : PhaseStatus.Run(cli, json, reading, $"Loaded {Path.GetFileName(csv!)}", Read);
            return Many(cli, parse, loaded, rows, outFile);
        });
        return command;
    }

    private static int One(CliContext cli, ParseResult parse, CliModel model, double[] row)
    {
        if (row.Length != model.FeatureCount)
            throw new ArgumentException(
                $"--input has {row.Length} values but the model {model.Path} takes {model.FeatureCount} features" +
                (model.FeatureNames.Count == model.FeatureCount && model.FeatureCount <= 10 ? $" ({string.Join(", ", model.FeatureNames)})" : "") +
                $". help: give one number per feature, separated by commas.");
        double[] p = model.Outputs(Matrix.FromRows([row]))[0];
        int best = CliModel.ArgMax([p])[0];
        var scores = model.ClassNames.Select((c, i) => new ClassScore(c, p[i])).ToArray();
        var document = new OneDocument(row, model.ClassNames[best], scores, model.IsProbabilistic);
        return cli.Write(parse, document, console =>
        {
            var table = CliTable.Create("class", model.IsProbabilistic ? "probability" : "score");
            foreach (var s in scores.OrderByDescending(s => s.Value))
                table.AddPlainRow(s.Class, model.IsProbabilistic ? CliFormat.Percent(s.Value) : CliFormat.Number(s.Value));
            console.Write(table);
            console.WriteLine($"predicted: {document.Predicted}" + (model.IsProbabilistic ? $" ({CliFormat.Percent(p[best])})" : ""));
        });
    }

    private static int Many(CliContext cli, ParseResult parse, CliModel model, Dataset rows, string? output)
    {
        bool json = cli.IsJson(parse);
        // Without --out stdout is the CSV, so the status goes to stderr: a terminal shows it, a redirected file gets only the CSV.
        double[][] p = rows.Count < EvaluateCommand.LargeSet || json ? model.Outputs(rows)
            : output is null ? PhaseStatus.OnStderr(cli, $"Predicting {rows.Count} rows", () => model.Outputs(rows))
            : PhaseStatus.Run(cli, json, $"Predicting {rows.Count} rows", "Predicted", () => model.Outputs(rows));
        int[] predicted = CliModel.ArgMax(p);
        string prefix = model.IsProbabilistic ? "p_" : "score_";
        string[] header = [.. rows.FeatureNames, "predicted", .. model.ClassNames.Select(c => prefix + c)];

        string? written = null;
        if (output is not null)
            written = OutputFile.Write(output, "--out", temp => WriteCsv(temp, header, rows, model, predicted, p));
        else if (!json)
        {
            using var writer = new CsvWriter(cli.Out);
            WriteRows(writer, header, rows, model, predicted, p);
            return ExitCodes.Success;
        }

        var counts = model.ClassNames.Select((c, i) => new ClassCount(c, predicted.Count(k => k == i))).ToArray();
        var document = new ManyDocument(rows.Count, written, counts,
            written is null ? Enumerable.Range(0, rows.Count).Select(r => new RowPrediction(r + 1, model.ClassNames[predicted[r]], p[r])).ToArray() : null);
        return cli.Write(parse, document, console =>
        {
            console.WriteLine($"Wrote {rows.Count} predictions to {Path.GetRelativePath(Environment.CurrentDirectory, written!)}");
            var table = CliTable.Create("predicted class", "rows");
            foreach (var c in counts)
                table.AddPlainRow(c.Class, c.Rows.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
        });
    }

    private static void WriteCsv(string path, string[] header, Dataset rows, CliModel model, int[] predicted, double[][] p)
    {
        using var writer = CsvWriter.Create(path);
        WriteRows(writer, header, rows, model, predicted, p);
    }

    private static void WriteRows(CsvWriter writer, string[] header, Dataset rows, CliModel model, int[] predicted, double[][] p)
    {
        writer.WriteRow(header);
        var fields = new string?[header.Length];
        for (int r = 0; r < rows.Count; r++)
        {
            var x = rows.Features.Row(r);
            int f = 0;
            for (int c = 0; c < x.Length; c++)
                fields[f++] = CsvWriter.Format(x[c]);
            fields[f++] = model.ClassNames[predicted[r]];
            double[] pr = p[r];
            // The network computes in float32; printing the float keeps 0.998117 from becoming 0.9981169700622559.
            for (int c = 0; c < pr.Length; c++)
                fields[f++] = CsvWriter.Format((float)pr[c]);
            writer.WriteRow(fields);
        }
        writer.Flush();
    }


    /// <summary>One class's probability (or score).</summary>
    internal sealed record ClassScore(string Class, double Value);

    /// <summary>How many rows were predicted as one class.</summary>
    internal sealed record ClassCount(string Class, int Rows);

    /// <summary>One row's prediction in the <c>--json</c> document.</summary>
    internal sealed record RowPrediction(int Row, string Predicted, double[] Probabilities);

    /// <summary>The <c>--json</c> document for <c>--input</c>.</summary>
    internal sealed record OneDocument(double[] Input, string Predicted, IReadOnlyList<ClassScore> Classes, bool Probabilities);

    /// <summary>The <c>--json</c> document for <c>--data</c>.</summary>
    internal sealed record ManyDocument(int Rows, string? Written, IReadOnlyList<ClassCount> Predicted, IReadOnlyList<RowPrediction>? Predictions);
}

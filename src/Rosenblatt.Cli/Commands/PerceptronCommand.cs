using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt perceptron</c>: Rosenblatt's learning rule on a logic gate, epoch by epoch.</summary>
/// <remarks>
/// Steps 2 and 3 of the learning path: the neuron finds its own weights, then hits the XOR wall. The
/// defaults are the seeds' run (zero weights, lr 0.1, 10 epochs, truth-table order), so
/// <c>rosenblatt perceptron --gate and</c> prints the tutorials' numbers. The output is the mistakes and
/// weights per epoch, the final truth table, and the verdict: converged (with the convergence
/// theorem's bound) or not (with the proof that no line exists, when that is the reason).
/// </remarks>
internal static class PerceptronCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "perceptron";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Train Rosenblatt's perceptron on a logic gate or a CSV file and show how it learns (or why it cannot).";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var gate = new Option<string>("--gate") { Description = "The logic gate to learn: and, or, nand, nor, xor, xnor, andN, orN, parityN.", HelpName = "name", DefaultValueFactory = _ => "and" };
        var lr = new Option<double>("--lr") { Description = "The learning rate of w += lr·error·x.", DefaultValueFactory = _ => 0.1 };
        var epochs = new Option<int>("--epochs") { Description = "The most epochs; training stops after the first epoch with no mistakes.", DefaultValueFactory = _ => 10 };
        var variant = new Option<string>("--variant") { Description = "Which weights to keep: classic (last), pocket (best seen), averaged.", DefaultValueFactory = _ => "classic" };
        variant.AcceptOnlyFromAmong("classic", "pocket", "averaged");
        var init = new Option<string>("--init") { Description = "Initial weights: zeros (as in the seeds) or random (small, from --seed).", DefaultValueFactory = _ => "zeros" };
        init.AcceptOnlyFromAmong("zeros", "random");
        var shuffle = new Option<bool>("--shuffle") { Description = "Visit the samples in a new seeded order every epoch." };
        var seed = new Option<int>("--seed") { Description = "The seed for --shuffle and --init random.", DefaultValueFactory = _ => 0 };
        var log = new Option<bool>("--log") { Description = "Print every step of the rule: input, target, prediction, error, weights before and after." };
        var data = new Option<string?>("--data") { Description = "What to learn instead of a gate: a data set's name (iris, digits, ...) or a CSV file (numeric features, label in the last column unless --label says otherwise).", HelpName = "name|file.csv" };
        var label = new Option<string?>("--label") { Description = "The CSV's label column, by header name or 0-based index.", HelpName = "column" };

        var command = new Command(Name, Description)
        {
            gate, lr, epochs, variant, init, shuffle, seed, log, data, label,
        };
        var csvFlags = new CsvFlags();
        csvFlags.AddTo(command);
        command.SetAction(parse =>
        {
            var options = new PerceptronOptions
            {
                LearningRate = parse.GetValue(lr),
                MaxEpochs = parse.GetValue(epochs),
                Variant = Enum.Parse<PerceptronVariant>(parse.GetValue(variant)!, ignoreCase: true),
                Initialization = parse.GetValue(init) == "random" ? WeightInitialization.SmallRandom : WeightInitialization.Zeros,
                Shuffle = parse.GetValue(shuffle),
                Seed = parse.GetValue(seed),
                RecordSteps = parse.GetValue(log),
            };
            FlagNames.InFlags(() => { options.Validate(); return 0; }, ("LearningRate", "--lr"), ("MaxEpochs", "--epochs"));
            var set = GateOrData.Load(parse, gate, data, csvFlags.Apply(parse, new DataRequest(parse.GetValue(label), Seed: parse.GetValue(seed))));
            return set is null
                ? Execute(cli, parse, LogicGate.FromName(parse.GetValue(gate)!), options)
                : ExecuteCsv(cli, parse, set, options);
        });
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, LogicGate gate, PerceptronOptions options)
    {
        var perceptron = new Perceptron(options);
        var report = perceptron.Fit(gate.X, gate.Y);
        var z = perceptron.DecisionFunction(gate.X);
        var predictions = perceptron.Predict(gate.X);
        var rows = gate.X.Select((x, i) => new TruthRow(x, z[i], predictions[i], gate.Y[i])).ToArray();
        var document = new Document(
            gate.Name, options.LearningRate, options.MaxEpochs, options.Variant.ToString().ToLowerInvariant(),
            options.Initialization == WeightInitialization.Zeros ? "zeros" : "random", options.Shuffle, options.Seed,
            perceptron.Weights.ToArray(), perceptron.Bias, report.Converged, report.EpochsRun, report.Updates,
            report.MistakesPerEpoch, report.WeightsAfterEachEpoch, rows, report.TrainingAccuracy, report.UpdateBound,
            SeparabilityDocument.From(report.Separability[0]), report.Summary, options.RecordSteps ? perceptron.Steps : null);
        return cli.Write(parse, document, console => Render(console, document));
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        console.WriteLine($"Perceptron on {d.Gate.ToUpperInvariant()}: lr {CliFormat.Number(d.LearningRate)}, at most {d.MaxEpochs} epochs, " +
                          $"{(d.Initialization == "zeros" ? "zero" : $"random (seed {d.Seed})")} initial weights, {(d.Shuffle ? $"shuffled (seed {d.Seed})" : "truth-table order")}, {d.Variant} rule");

        if (d.Steps is { } steps)
        {
            var log = CliTable.Create("epoch", "sample", "input", "target", "prediction", "error", "w before", "b before", "w after", "b after");
            foreach (var s in steps)
            {
                log.AddPlainRow(I(s.Epoch), I(s.Sample), CliFormat.Vector(s.Input), I(s.Target), I(s.Prediction), I(s.Error),
                    CliFormat.Vector(s.WeightsBefore), CliFormat.Number(s.BiasBefore), CliFormat.Vector(s.WeightsAfter), CliFormat.Number(s.BiasAfter));
            }
            console.Write(log);
        }

        var epochs = CliTable.Create("epoch", "mistakes", "w after", "b after");
        // The weight path keeps the first Perceptron.MaxPathEpochs epochs only: a table of a million rows would teach nothing.
        int shown = Math.Min(d.MistakesPerEpoch.Count, d.WeightPath.Count);
        for (int e = 0; e < shown; e++)
        {
            var w = d.WeightPath[e];
            epochs.AddPlainRow(I(e + 1), I(d.MistakesPerEpoch[e]), CliFormat.Vector(w.Weights), CliFormat.Number(w.Bias));
        }
        console.Write(epochs);
        if (shown < d.MistakesPerEpoch.Count)
            console.WriteLine($"(the first {I(shown)} of {I(d.MistakesPerEpoch.Count)} epochs)");

        var truth = CliTable.Create("input", "w·x + b", "prediction", "target", "✓/✗");
        foreach (var row in d.TruthTable)
        {
            truth.AddRow(new Text(CliFormat.Vector(row.Input)), new Text(CliFormat.Number(row.WeightedSum)),
                new Text(I(row.Prediction)), new Text(I(row.Target)), CliTable.Mark(row.Prediction == row.Target));
        }
        console.Write(truth);
        console.WriteLine($"w = {CliFormat.Vector(d.Weights)}, b = {CliFormat.Number(d.Bias)}; {CliFormat.Number(d.TrainingAccuracy * 100)}% of rows correct");
        console.WriteLine(d.Summary);
    }

    private static int ExecuteCsv(CliContext cli, ParseResult parse, Dataset data, PerceptronOptions options)
    {
        ClassBalance.Check(data, data.Name, 0);
        var x = data.ToRows();
        var y = data.Labels.Select(l => data.ClassNames[l]).ToArray();
        var perceptron = new Perceptron<string>(options);
        var report = perceptron.Fit(x, y);
        var document = new CsvDocument(
            data.Name, data.Count, data.FeatureCount, perceptron.Classes, options.LearningRate, options.MaxEpochs,
            options.Variant.ToString().ToLowerInvariant(), report.Converged, report.EpochsRun, report.Updates, report.MistakesPerEpoch,
            perceptron.Coefficients.Select(c => c.ToArray()).ToArray(), perceptron.Intercepts.ToArray(), report.TrainingAccuracy,
            report.UpdateBound, report.Separability.Select(SeparabilityDocument.From).ToArray(), report.Summary,
            options.RecordSteps ? perceptron.Steps : null);
        return cli.Write(parse, document, console =>
        {
            console.WriteLine($"Perceptron on {document.Data}: {document.Rows} rows, {document.Features} features, classes {string.Join(", ", document.Classes)}" +
                              (document.Classes.Count > 2 ? " (one-vs-rest)" : "") + $"; lr {CliFormat.Number(document.LearningRate)}, at most {document.MaxEpochs} epochs, {document.Variant} rule");
            var epochs = CliTable.Create("epoch", "mistakes");
            for (int e = 0; e < document.MistakesPerEpoch.Count; e++)
                epochs.AddPlainRow(I(e + 1), I(document.MistakesPerEpoch[e]));
            console.Write(epochs);
            if (document.Features <= 8)
            {
                var weights = CliTable.Create("unit", "w", "b");
                for (int u = 0; u < document.Coefficients.Length; u++)
                    weights.AddPlainRow(document.Classes.Count > 2 ? document.Classes[u] : $"{document.Classes[1]} vs {document.Classes[0]}", CliFormat.Vector(document.Coefficients[u]), CliFormat.Number(document.Intercepts[u]));
                console.Write(weights);
            }
            console.WriteLine($"{CliFormat.Number(Math.Round(document.TrainingAccuracy * 100, 2))}% of training rows correct");
            console.WriteLine(document.Summary);
        });
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One row of the learned truth table.</summary>
    internal sealed record TruthRow(double[] Input, double WeightedSum, int Prediction, int Target);

    /// <summary>The <c>--json</c> document for a CSV file.</summary>
    internal sealed record CsvDocument(
        string Data, int Rows, int Features, IReadOnlyList<string> Classes, double LearningRate, int MaxEpochs, string Variant,
        bool Converged, int EpochsRun, int Updates, IReadOnlyList<int> MistakesPerEpoch, double[][] Coefficients, double[] Intercepts,
        double TrainingAccuracy, long? UpdateBound, IReadOnlyList<SeparabilityDocument> Separability, string Summary, IReadOnlyList<PerceptronStep>? Steps);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(
        string Gate, double LearningRate, int MaxEpochs, string Variant, string Initialization, bool Shuffle, int Seed,
        double[] Weights, double Bias, bool Converged, int EpochsRun, int Updates, IReadOnlyList<int> MistakesPerEpoch,
        IReadOnlyList<WeightSnapshot> WeightPath, IReadOnlyList<TruthRow> TruthTable, double TrainingAccuracy, long? UpdateBound,
        SeparabilityDocument Separability, string Summary, IReadOnlyList<PerceptronStep>? Steps);
}

using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt info</c>: a saved model's summary, like Keras's <c>model.summary()</c>: layers, output shapes, parameter counts.</summary>
/// <remarks>
/// Parameters per dense layer are inputs × units weights plus units biases, e.g. 64 × 128 + 128 = 8,320. Shapes
/// are written Keras's way, <c>(None, 128)</c>, the <c>None</c> standing for any number of rows. Below the
/// table: the classes, the scaling, and what the file records about training (seed, epochs, test accuracy).
/// </remarks>
internal static class InfoCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "info";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Summarize a saved model: layers, output shapes, parameter counts, classes, scaling, training figures.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var model = new Option<string>("--model") { Description = "The model file written by 'rosenblatt train --out'.", HelpName = "model.json", Required = true };
        var command = new Command(Name, Description) { model };
        command.SetAction(parse => Execute(cli, parse, CliModel.Load(parse.GetValue(model)!)));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, CliModel model)
    {
        var layers = new List<LayerRow>();
        if (model.Network is { } network)
        {
            int index = 1;
            foreach (var layer in network.Layers)
                layers.Add(new LayerRow($"dense_{index++}", "Dense", layer.Units, layer.Activation.Name, layer.ParameterCount));
        }
        else if (model.MarkOneParts is { } mark)
        {
            // The plugboard's wires are fixed (0 trainable parameters); the R-units have one weight per A-unit and a bias.
            layers.Add(new LayerRow("plugboard", "A-units", mark.Board.Units,
                $"threshold θ={mark.Board.Threshold}, {mark.Board.Excitatory}+{mark.Board.Inhibitory} fixed wires", 0));
            layers.Add(new LayerRow("r_units", "R-units", mark.Code.Units,
                mark.Code.Coding == MarkOne.ResponseCoding.OnePerClass ? "step; largest response" : $"step; nearest codeword (d={mark.Code.MinimumDistance})",
                (mark.Board.Units + 1) * mark.Code.Units));
        }
        else
        {
            int units = model.PerceptronUnits!.Value.Bias.Count;
            layers.Add(new LayerRow("perceptron", "Perceptron", units, units == 1 ? "step" : "argmax of scores", (model.FeatureCount + 1) * units));
        }
        var training = model.Training;
        var history = model.History is { Epochs.Count: > 0 } h ? h : null;
        // Epoch numbers, not positions: a long run's history is thinned, so record i is not always epoch i + 1.
        int? weightsEpoch = history is null ? null : history.RestoredBestWeights ? history.BestEpoch : history.Last.Epoch;
        double? weightsLoss = weightsEpoch is int we ? history!.Epochs.FirstOrDefault(e => e.Epoch == we)?.Loss : null;
        var document = new Document(
            model.Path, model.Kind, model.Description, model.FeatureCount, layers, layers.Sum(l => l.Parameters), model.ClassNames,
            model.Scaler?.Kind ?? "none", model.FeatureNames, training?.Seed, training?.Epochs,
            training?.Metrics.ToDictionary(m => m.Key, m => m.Value) ?? [], training?.Date, training?.LibraryVersion,
            weightsEpoch, weightsLoss, history?.Last.Epoch, history?.Cancelled ?? false,
            history?.StoppedEarly ?? false);
        return cli.Write(parse, document, console => Render(console, document));
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        console.WriteLine($"Model: {d.Description} ({d.File})");
        var table = CliTable.Create("Layer (type)", "Output Shape", "Activation", "Param #");
        table.Columns[3].RightAligned();
        table.AddPlainRow("input (Input)", $"(None, {d.Inputs})", "", "0");
        foreach (var l in d.Layers)
            table.AddPlainRow($"{l.Name} ({l.Type})", $"(None, {l.Units})", l.Activation, Count(l.Parameters));
        console.Write(table);
        console.WriteLine($"Total params: {Count(d.Parameters)} (all trainable)" + (d.Kind == "mark-one" ? "; the plugboard's wires are fixed, not counted" : ""));
        console.WriteLine($"Classes ({d.Classes.Count}): {string.Join(", ", d.Classes)}");
        console.WriteLine($"Features ({d.Inputs}): {Features(d.FeatureNames)}");
        console.WriteLine(d.Scaling == "none" ? "Scaling: none" : $"Scaling: {d.Scaling} (fitted on the training rows, applied before predicting)");
        var facts = new List<string>();
        if (d.Seed is int seed) facts.Add($"seed {seed}");
        if (d.EpochsRun is int run && d.WeightsEpoch is int from)
            facts.Add(from == run ? $"{run} epochs, weights from the last" : $"{run} epochs, weights from epoch {from} (the best, restored)");
        else if (d.Epochs is int epochs)
            facts.Add($"{epochs} epochs");
        if (d.Interrupted) facts.Add("interrupted (Ctrl+C) before the last planned epoch");
        else if (d.StoppedEarly) facts.Add("stopped early (no better loss for --patience epochs)");
        if (d.Metrics.TryGetValue("test_accuracy", out double test)) facts.Add($"test accuracy {CliFormat.Percent(test)}");
        if (d.Metrics.TryGetValue("training_accuracy", out double trained)) facts.Add($"training accuracy {CliFormat.Percent(trained)}");
        if (d.WeightsLoss is double weightsLoss) facts.Add($"loss {CliFormat.Significant(weightsLoss, 4)} at epoch {d.WeightsEpoch}");
        else if (d.WeightsEpoch is null || d.WeightsEpoch == d.EpochsRun)
        {
            if (d.Metrics.TryGetValue("loss", out double loss)) facts.Add($"final loss {CliFormat.Significant(loss, 4)}");
        }
        if (d.Date is { } date) facts.Add($"saved {date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        if (d.Library is { } library) facts.Add($"by Rosenblatt {library}");
        if (facts.Count > 0)
            console.WriteLine("Training: " + string.Join(", ", facts));
    }

    private static string Features(IReadOnlyList<string> names) =>
        names.Count <= 6 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))}, ..., {names[^1]}";

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);


    /// <summary>One layer of the summary.</summary>
    internal sealed record LayerRow(string Name, string Type, int Units, string Activation, int Parameters);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(
        string File, string Kind, string Description, int Inputs, IReadOnlyList<LayerRow> Layers, int Parameters, IReadOnlyList<string> Classes,
        string Scaling, IReadOnlyList<string> FeatureNames, int? Seed, int? Epochs, IReadOnlyDictionary<string, double> Metrics,
        DateTimeOffset? Date, string? Library, int? WeightsEpoch, double? WeightsLoss, int? EpochsRun, bool Interrupted, bool StoppedEarly);
}

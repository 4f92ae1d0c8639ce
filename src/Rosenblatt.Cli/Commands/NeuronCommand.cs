using System.CommandLine;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Neurons;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt neuron</c>: one hand-weighted neuron run on a logic gate, every prediction traced.</summary>
/// <remarks>
/// Step 1 of the path from one neuron to a network: nothing is learned, the weights are typed in, and the
/// trace shows the arithmetic <c>x₁·w₁ + x₂·w₂ + b → f(z)</c> row by row. With the defaults (w = [1, 1],
/// b = −1.5, step) it is the seed tutorial's AND neuron. A row matches when the output, read as a class
/// (≥ 0.5 is 1), equals the gate's target; for the step activation that is the output itself.
/// </remarks>
internal static class NeuronCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "neuron";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Run a hand-weighted neuron on a logic gate and trace each prediction.";

    /// <summary>Builds the command; its action writes through <paramref name="cli"/>.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var gate = new Option<string>("--gate")
        {
            Description = "The logic gate whose truth table the neuron is run on: and, or, nand, nor, xor, xnor, andN, orN, parityN.",
            HelpName = "name",
            DefaultValueFactory = _ => "and",
        };
        var weights = new VectorOption("--weights", "The weights, one per gate input.", [1, 1]);
        var bias = new Option<double>("--bias")
        {
            Description = "The bias added to the weighted sum; it moves the threshold.",
            HelpName = "b",
            DefaultValueFactory = _ => -1.5,
        };
        var activation = new Option<string>("--activation")
        {
            Description = "The activation applied to the weighted sum.",
            DefaultValueFactory = _ => "step",
        };
        activation.AcceptOnlyFromAmong(ActivationNames.All);
        var input = new VectorOption("--input", "Trace only this input instead of the whole truth table.");

        var command = new Command(Name, Description)
        {
            gate, weights, bias, activation, input,
        };
        command.SetAction(parse => Execute(cli, parse,
            parse.GetValue(gate)!, parse.GetValue(weights)!, parse.GetValue(bias), parse.GetValue(activation)!, parse.GetValue(input)?.Values));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, string gateName, double[] weights, double bias, string activationName, double[]? input)
    {
        var gate = LogicGate.FromName(gateName);
        if (weights.Length != gate.InputCount)
            throw new ArgumentException(
                $"--weights has {weights.Length} values but gate '{gate.Name}' has {gate.InputCount} inputs (received '{Join(weights)}'). " +
                $"help: pass one weight per input, e.g. --weights {string.Join(",", Enumerable.Repeat("1", gate.InputCount))}, " +
                $"or choose a gate with {weights.Length} inputs, e.g. --gate and{weights.Length}.");
        if (input is not null && input.Length != gate.InputCount)
            throw new ArgumentException(
                $"--input has {input.Length} values but the neuron has {gate.InputCount} weights (received '{Join(input)}'). " +
                $"help: pass one value per weight, e.g. --input {string.Join(",", Enumerable.Repeat("1", gate.InputCount))}.");

        var neuron = new Neuron(weights, bias, ActivationNames.Resolve(activationName));
        var rows = new List<Row>();
        if (input is null)
        {
            for (int r = 0; r < gate.X.Length; r++)
                rows.Add(Evaluate(neuron, gate.X[r], gate.Y[r]));
        }
        else
        {
            int index = Array.FindIndex(gate.X, x => x.AsSpan().SequenceEqual(input));
            rows.Add(Evaluate(neuron, input, index >= 0 ? gate.Y[index] : null));
        }

        var report = new Report(gate.Name, weights, bias, neuron.Activation.Name, rows, rows.Count(r => r.Match == true), rows.Count);
        return cli.Write(parse, report, console => Render(console, report, rows));
    }

    private static Row Evaluate(Neuron neuron, double[] x, int? target)
    {
        var trace = neuron.Trace(x);
        bool? match = target is int t ? (trace.Output >= 0.5 ? 1 : 0) == t : null;
        return new Row(x, trace.Terms, trace.Sum, trace.Output, target, match, trace);
    }

    private static void Render(IAnsiConsole console, Report report, List<Row> rows)
    {
        console.WriteLine($"Neuron: w = {CliFormat.Vector(report.Weights)}, b = {CliFormat.Number(report.Bias)}, activation {report.Activation}");
        var table = CliTable.Create("input", "trace", "output", "target", "✓/✗");
        foreach (var row in rows)
        {
            table.AddRow(
                new Text(CliFormat.Vector(row.Input)),
                new Text(row.Trace.ToString()),
                new Text(CliFormat.Number(row.Output)),
                new Text(row.Target?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                row.Match is bool m ? CliTable.Mark(m) : new Text("-"));
        }
        console.Write(table);
        string gate = report.Gate.ToUpperInvariant();
        console.WriteLine(rows.Any(r => r.Target is not null)
            ? $"{report.Matches}/{report.Total} rows match {gate}"
            : $"input {CliFormat.Vector(rows[0].Input)} is not a row of the {gate} truth table, so there is no target to compare");
    }

    private static string Join(double[] values) => string.Join(",", values.Select(CliFormat.Number));

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Report(string Gate, double[] Weights, double Bias, string Activation, IReadOnlyList<Row> Rows, int Matches, int Total);

    /// <summary>One traced prediction; <see cref="Target"/> and <see cref="Match"/> are null for an input outside the truth table.</summary>
    internal sealed record Row(
        double[] Input, IReadOnlyList<NeuronTerm> Terms, double Sum, double Output, int? Target, bool? Match,
        [property: System.Text.Json.Serialization.JsonIgnore] NeuronTrace Trace);
}

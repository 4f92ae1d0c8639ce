using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt separable</c>: can a line (hyperplane) split the classes? The answer with its proof.</summary>
/// <remarks>
/// Runs <see cref="LinearSeparability"/> on a logic gate or a CSV file. Separable: the hyperplane, its margin
/// and the perceptron convergence theorem's bound (R/γ)². Not separable: the certificate, one weighted
/// average of each class meeting in the same point, in a table and in words. Small data is decided
/// exactly (rational arithmetic); large data gets a bounded search that may answer "undecided". Every
/// verdict is an answer, so the exit code is 0 for all three; bad input is exit code 1.
/// </remarks>
internal static class SeparableCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "separable";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Decide whether two classes can be split by a line (hyperplane), and show the proof either way.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var gate = new Option<string>("--gate") { Description = "The logic gate to check: and, or, nand, nor, xor, xnor, andN, orN, parityN.", HelpName = "name", DefaultValueFactory = _ => "xor" };
        var data = new Option<string?>("--data") { Description = "A data set's name or a CSV file to check instead of a gate (numeric features, label in the last column unless --label says otherwise); more than two classes are checked one-vs-rest.", HelpName = "file.csv" };
        var label = new Option<string?>("--label") { Description = "The CSV's label column, by header name or 0-based index.", HelpName = "column" };
        var command = new Command(Name, Description)
        {
            gate, data, label,
        };
        var csvFlags = new CsvFlags();
        csvFlags.AddTo(command);
        command.SetAction(parse =>
        {
            var set = GateOrData.Load(parse, gate, data, csvFlags.Apply(parse, new DataRequest(parse.GetValue(label))));
            if (set is null)
            {
                var g = LogicGate.FromName(parse.GetValue(gate)!);
                return Execute(cli, parse, g.Name.ToUpperInvariant(), g.X, g.InputCount, [LinearSeparability.Check(g.X, g.Y)]);
            }
            ClassBalance.Check(set, parse.GetValue(data)!, 0);
            var x = set.ToRows();
            var y = set.Labels.Select(l => set.ClassNames[l]).ToArray();
            return Execute(cli, parse, set.Name, x, set.FeatureCount, LinearSeparability.CheckOneVsRest(x, y));
        });
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, string name, IReadOnlyList<double[]> x, int features, IReadOnlyList<SeparabilityResult> results)
    {
        var document = new Document(name, x.Count, features, results.Select(SeparabilityDocument.From).ToArray());
        return cli.Write(parse, document, console =>
        {
            console.WriteLine($"Linear separability of {name}: {x.Count} rows, {features} feature{(features == 1 ? "" : "s")}" +
                              (results.Count > 1 ? ", each class against the rest" : ""));
            var summary = CliTable.Create("classes", "verdict", "decided by");
            foreach (var r in results)
                summary.AddPlainRow($"{r.PositiveClass} vs {r.NegativeClass}", Words(r.Verdict), r.Exact ? "exact check" : r.Verdict == SeparabilityVerdict.Undecided ? "bounded search" : "verified hyperplane");
            console.Write(summary);
            foreach (var r in results)
                Render(console, r, results.Count > 1);
        });
    }

    private static void Render(IAnsiConsole console, SeparabilityResult r, bool heading)
    {
        if (heading)
            console.WriteLine($"{r.PositiveClass} vs {r.NegativeClass}:");
        if (r.Certificate is { } c)
        {
            var table = CliTable.Create("label", "row", "point", "weight");
            foreach (var p in c.Negative)
                table.AddPlainRow(r.NegativeClass, I(p.Row), CliFormat.Vector(p.Point), p.ExactWeight);
            foreach (var p in c.Positive)
                table.AddPlainRow(r.PositiveClass, I(p.Row), CliFormat.Vector(p.Point), p.ExactWeight);
            console.Write(table);
            console.WriteLine($"Both weighted averages equal {CliFormat.Vector(c.CommonPoint)} (exactly [{string.Join(", ", c.ExactCommonPoint)}]).");
        }
        if (r.Hyperplane is { } h && r.Bound is { } b)
        {
            var table = CliTable.Create("w", "b", "margin", "R", "γ ≥", "γ ≤ (est.)", "(R/γ)²");
            table.AddPlainRow(CliFormat.Vector(h.Weights), CliFormat.Number(h.Bias), CliFormat.Significant(h.Margin, 6),
                CliFormat.Significant(b.Radius, 6), CliFormat.Significant(b.Margin, 6), CliFormat.Significant(b.MarginUpperEstimate, 6),
                b.MaxUpdates.ToString("N0", CultureInfo.InvariantCulture));
            console.Write(table);
        }
        console.WriteLine(r.Explanation);
    }

    private static string Words(SeparabilityVerdict verdict) => verdict switch
    {
        SeparabilityVerdict.Separable => "separable",
        SeparabilityVerdict.NotSeparable => "not separable",
        _ => "undecided",
    };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(string Data, int Rows, int Features, IReadOnlyList<SeparabilityDocument> Results);
}

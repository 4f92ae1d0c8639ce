using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt compare</c>: the perceptron and logistic regression on the same data, measured side by side.</summary>
/// <remarks>
/// Seed 000's comparison table, measured instead of asserted: accuracy, convergence, epochs, what each
/// model outputs (a hard 0/1 or a probability), and how far one far-away mislabelled point moves each
/// decision boundary (the angle its normal turns and how far it slides past the data's centre).
/// </remarks>
internal static class CompareCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "compare";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Train the perceptron and logistic regression on the same gate and compare them, including one mislabelled outlier.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var gate = new Option<string>("--gate") { Description = "The logic gate both models learn.", HelpName = "name", DefaultValueFactory = _ => "and" };
        var outlier = new VectorOption("--outlier", "A far-away point added with the wrong label, to measure each boundary's sensitivity.", [4, 4]);
        var epochs = new Option<int>("--epochs") { Description = "The most epochs for the perceptron.", DefaultValueFactory = _ => 100 };
        var command = new Command(Name, Description)
        {
            gate, outlier, epochs,
        };
        command.SetAction(parse => Execute(cli, parse, LogicGate.FromName(parse.GetValue(gate)!), parse.GetValue(outlier)!.Values, parse.GetValue(epochs)));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, LogicGate gate, double[] outlier, int epochs)
    {
        if (outlier.Length != gate.InputCount)
            throw new ArgumentException($"--outlier has {outlier.Length} values but gate '{gate.Name}' has {gate.InputCount} inputs. help: pass one coordinate per input, e.g. --outlier {string.Join(",", Enumerable.Repeat("4", gate.InputCount))}.");

        var perceptronOptions = new PerceptronOptions { LearningRate = 0.1, MaxEpochs = epochs };
        var logisticOptions = new LogisticRegressionOptions { Solver = LogisticRegressionSolver.GradientDescent, LearningRate = 0.5, MaxEpochs = 20000, L2 = 0.001, Tolerance = 1e-6 };

        var perceptron = new Perceptron(perceptronOptions);
        var report = perceptron.Fit(gate.X, gate.Y);
        var logistic = new LogisticRegression(logisticOptions);
        logistic.Fit(gate.X, gate.Y);

        int wrongLabel = 1 - logistic.Predict([outlier])[0];
        var x2 = gate.X.Append(outlier).ToArray();
        var y2 = gate.Y.Append(wrongLabel).ToArray();
        var perceptron2 = new Perceptron(perceptronOptions);
        var report2 = perceptron2.Fit(x2, y2);
        var logistic2 = new LogisticRegression(logisticOptions);
        logistic2.Fit(x2, y2);

        double[] centre = Enumerable.Range(0, gate.InputCount).Select(j => gate.X.Average(r => r[j])).ToArray();
        var probabilities = logistic.PredictProbabilities(gate.X);
        var hard = perceptron.Predict(gate.X);
        var rows = gate.X.Select((x, i) => new OutputRow(x, gate.Y[i], hard[i], probabilities[i][1])).ToArray();

        var doc = new Document(
            gate.Name, outlier, wrongLabel,
            new ModelSummary("perceptron", perceptron.Score(gate.X, gate.Y), report.Converged, report.EpochsRun,
                Shift(perceptron.Weights, perceptron.Bias, perceptron2.Weights, perceptron2.Bias, centre),
                perceptron2.Score(gate.X, gate.Y), report2.Converged),
            new ModelSummary("logistic regression", logistic.Score(gate.X, gate.Y), logistic.Converged, logistic.EpochsRun,
                Shift(logistic.Weights, logistic.Bias, logistic2.Weights, logistic2.Bias, centre),
                logistic2.Score(gate.X, gate.Y), logistic2.Converged),
            rows);
        return cli.Write(parse, doc, console => Render(console, doc));
    }

    /// <summary>How far the boundary moved: the angle between the old and new normals, and the change of the centre's signed distance to it.</summary>
    private static BoundaryShift Shift(IReadOnlyList<double> w1, double b1, IReadOnlyList<double> w2, double b2, double[] centre)
    {
        double n1 = Math.Sqrt(w1.Sum(v => v * v)), n2 = Math.Sqrt(w2.Sum(v => v * v));
        double dot = w1.Select((v, i) => v * w2[i]).Sum();
        double angle = n1 == 0 || n2 == 0 ? double.NaN : Math.Acos(Math.Clamp(dot / (n1 * n2), -1, 1)) * 180 / Math.PI;
        double d1 = n1 == 0 ? double.NaN : (w1.Select((v, i) => v * centre[i]).Sum() + b1) / n1;
        double d2 = n2 == 0 ? double.NaN : (w2.Select((v, i) => v * centre[i]).Sum() + b2) / n2;
        return new BoundaryShift(angle, d1, d2, Math.Abs(d2 - d1));
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        console.WriteLine($"Perceptron vs logistic regression on {d.Gate.ToUpperInvariant()} (perceptron: lr 0.1, zero init; logistic regression: full-batch gradient descent, lr 0.5, L2 0.001)");
        var table = CliTable.Create("", d.Perceptron.Model, d.Logistic.Model);
        table.AddPlainRow("training accuracy", Pct(d.Perceptron.Accuracy), Pct(d.Logistic.Accuracy));
        table.AddPlainRow("converged", YesNo(d.Perceptron.Converged), YesNo(d.Logistic.Converged));
        table.AddPlainRow("epochs", I(d.Perceptron.Epochs), I(d.Logistic.Epochs));
        table.AddPlainRow("output", "hard class 0 or 1", "probability P(1 | x)");
        table.AddPlainRow($"with outlier {CliFormat.Vector(d.Outlier)} labelled {d.OutlierLabel}:", "", "");
        table.AddPlainRow("  boundary turns by", Degrees(d.Perceptron.Shift.AngleDegrees), Degrees(d.Logistic.Shift.AngleDegrees));
        table.AddPlainRow("  boundary slides by", Distance(d.Perceptron.Shift.Slide), Distance(d.Logistic.Shift.Slide));
        table.AddPlainRow("  accuracy on the clean rows", Pct(d.Perceptron.AccuracyWithOutlier), Pct(d.Logistic.AccuracyWithOutlier));
        table.AddPlainRow("  converged", YesNo(d.Perceptron.ConvergedWithOutlier), YesNo(d.Logistic.ConvergedWithOutlier));
        console.Write(table);

        var outputs = CliTable.Create("input", "target", "perceptron", "logistic P(1 | x)");
        foreach (var row in d.Outputs)
            outputs.AddPlainRow(CliFormat.Vector(row.Input), I(row.Target), I(row.Perceptron), CliFormat.Number(Math.Round(row.Probability, 4)));
        console.Write(outputs);
        console.WriteLine("The slide is how far the boundary moved past the centre of the clean data, in input units; the turn is the angle between the old and new boundary normals.");
    }

    private static string Pct(double v) => $"{CliFormat.Number(Math.Round(v * 100, 1))}%";

    private static string Distance(double v) => double.IsNaN(v) ? "undefined (w = 0)" : CliFormat.Number(Math.Round(v, 4));

    private static string YesNo(bool v) => v ? "yes" : "no";

    private static string Degrees(double v) => double.IsNaN(v) ? "undefined (w = 0)" : $"{CliFormat.Number(Math.Round(v, 1))}°";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>How one boundary moved when the outlier was added.</summary>
    internal sealed record BoundaryShift(double AngleDegrees, double CentreDistanceBefore, double CentreDistanceAfter, double Slide);

    /// <summary>One model's side of the comparison.</summary>
    internal sealed record ModelSummary(string Model, double Accuracy, bool Converged, int Epochs, BoundaryShift Shift, double AccuracyWithOutlier, bool ConvergedWithOutlier);

    /// <summary>Each model's output for one row.</summary>
    internal sealed record OutputRow(double[] Input, int Target, int Perceptron, double Probability);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(string Gate, double[] Outlier, int OutlierLabel, ModelSummary Perceptron, ModelSummary Logistic, IReadOnlyList<OutputRow> Outputs);
}

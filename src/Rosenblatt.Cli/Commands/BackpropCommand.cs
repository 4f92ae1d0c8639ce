using System.CommandLine;
using Rosenblatt.Autodiff;
using Rosenblatt.Cli.Conventions;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt backprop</c>: backpropagation by hand on the two-neuron network, every value and every chain-rule step.</summary>
/// <remarks>
/// Step 4 of the learning path. The network is <c>z1 = w1·x + b1, h = σ(z1), z2 = w2·h + b2, y = σ(z2),
/// L = ½·(y − t)²</c> (<see cref="TwoNeuronNetwork"/>); the library's scalar autodiff engine builds it as a
/// graph, runs it forward and backward, and <see cref="BackpropWalkthrough"/> explains each step. The
/// command only lays the steps out: a forward table, a backward table, and what one gradient-descent step
/// with those gradients would do. <c>--graph</c> prints the graph as text, <c>--dot</c> writes it for Graphviz.
/// </remarks>
internal static class BackpropCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "backprop";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Walk backpropagation on a two-neuron network: forward values, then each gradient by the chain rule.";

    /// <summary>The parameters a gradient-descent step would change, in the order the closing lines name them.</summary>
    private static readonly string[] Parameters = ["w1", "b1", "w2", "b2"];

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var d = TwoNeuronNetwork.Default;
        var x = Number("--x", "The input x.", d.X);
        var target = Number("--target", "The target t the output y should reach.", d.Target);
        var w1 = Number("--w1", "The hidden neuron's weight.", d.W1);
        var b1 = Number("--b1", "The hidden neuron's bias.", d.B1);
        var w2 = Number("--w2", "The output neuron's weight.", d.W2);
        var b2 = Number("--b2", "The output neuron's bias.", d.B2);
        var lr = Number("--lr", "The learning rate of the gradient-descent step shown at the end.", 0.1);
        var dot = new Option<string?>("--dot") { Description = "Also write the graph in Graphviz DOT to this file (render: dot -Tsvg file -o graph.svg).", HelpName = "file" };
        var graph = new Option<bool>("--graph") { Description = "Also print the computation graph as text: every value with its data and gradient." };

        var command = new Command(Name, Description)
        {
            x, target, w1, b1, w2, b2, lr, dot, graph,
        };
        command.SetAction(parse =>
        {
            var network = new TwoNeuronNetwork(
                Finite(parse, x), Finite(parse, target), Finite(parse, w1), Finite(parse, b1), Finite(parse, w2), Finite(parse, b2));
            double rate = parse.GetValue(lr);
            if (!double.IsFinite(rate) || rate <= 0)
                throw new ArgumentException(
                    $"--lr must be a finite number > 0 (received {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}). help: typical values are 0.01 to 1, e.g. --lr 0.1.");
            return Execute(cli, parse, network, rate, parse.GetValue(dot), parse.GetValue(graph));
        });
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, TwoNeuronNetwork network, double lr, string? dotPath, bool withGraph)
    {
        var walk = BackpropWalkthrough.TwoNeurons(network);
        string? dotFile = dotPath is null ? null : OutputFile.Write(dotPath, "--dot", temp => File.WriteAllText(temp, GraphDot.Render(walk.Root)));

        var current = new Dictionary<string, double> { ["w1"] = network.W1, ["b1"] = network.B1, ["w2"] = network.W2, ["b2"] = network.B2 };
        var updates = Parameters.Select(p => new Update(p, current[p], walk.Gradients[p], -lr * walk.Gradients[p], current[p] - lr * walk.Gradients[p])).ToArray();
        var stepped = network with { W1 = updates[0].After, B1 = updates[1].After, W2 = updates[2].After, B2 = updates[3].After };
        double lossAfter = BackpropWalkthrough.TwoNeurons(stepped).Loss;

        var document = new Document(
            network, walk.Loss, walk.ForwardSteps, walk.BackwardSteps, walk.Gradients, lr, updates, lossAfter,
            withGraph ? GraphText.Render(walk.Root) : null, dotFile);
        return cli.Write(parse, document, console => Render(console, document));
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        var n = d.Network;
        console.WriteLine($"Two-neuron network: x = {N(n.X)}, t = {N(n.Target)}, w1 = {N(n.W1)}, b1 = {N(n.B1)}, w2 = {N(n.W2)}, b2 = {N(n.B2)}");
        console.WriteLine("z1 = w1·x + b1, h = σ(z1), z2 = w2·h + b2, y = σ(z2), L = ½·(y − t)²");

        console.WriteLine();
        console.WriteLine("Forward: every value from the ones above it");
        var forward = CliTable.Create("step", "formula", "numbers", "value");
        foreach (var s in d.Forward)
            forward.AddPlainRow(s.Title, s.Formula.Length == 0 ? "given" : s.Formula, s.Numbers, CliFormat.Significant(s.Result, 6));
        console.Write(forward);

        console.WriteLine();
        console.WriteLine("Backward: the chain rule from L back to every value, each step using only gradients above it");
        var backward = CliTable.Create("gradient", "chain rule", "numbers", "value");
        foreach (var s in d.Backward)
            backward.AddPlainRow(s.Title, s.Formula.Length == 0 ? "by definition" : s.Formula, s.Numbers, CliFormat.Significant(s.Result, 6));
        console.Write(backward);

        if (d.Graph is { } graph)
        {
            console.WriteLine();
            console.WriteLine("Graph: every value with its data and gradient, inputs first");
            foreach (string line in graph.TrimEnd('\n').Split('\n'))
                console.WriteLine(line);
        }

        console.WriteLine();
        var w1 = d.Update[0];
        console.WriteLine($"A gradient-descent step with lr {N(d.LearningRate)} changes w1 by −lr·∂L/∂w1 = " +
                          $"-{N(d.LearningRate)} × {Operand(w1.Gradient)} = {G(w1.Change)}:");
        console.WriteLine(string.Join(", ", d.Update.Select(u => $"{u.Parameter} {G(u.Before)} → {G(u.After)}")) + ";");
        console.WriteLine($"the loss goes from {G(d.Loss)} to {G(d.LossAfterStep)}.");
        if (d.DotFile is { } file)
            console.WriteLine($"Wrote the graph to {file} (render it with: dot -Tsvg {file} -o graph.svg).");
    }

    private static Option<double> Number(string name, string description, double defaultValue) =>
        new(name) { Description = description, HelpName = "number", DefaultValueFactory = _ => defaultValue };

    /// <summary>The option's value, or a user error naming the option when it is NaN or infinite (which parse as numbers).</summary>
    private static double Finite(ParseResult parse, Option<double> option)
    {
        double value = parse.GetValue(option);
        if (!double.IsFinite(value))
            throw new ArgumentException(
                $"{option.Name} must be a finite number (received {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}). " +
                "help: use an ordinary number such as the defaults --x 1 --target 0 --w1 0.5 --b1 0 --w2 -0.5 --b2 0.");
        return value;
    }

    private static string N(double value) => CliFormat.Number(value);

    private static string G(double value) => CliFormat.Significant(value, 6);

    private static string Operand(double value) => value < 0 ? $"({G(value)})" : G(value);

    /// <summary>What one gradient-descent step would do to a parameter: <c>After = Before − lr·Gradient</c>.</summary>
    internal sealed record Update(string Parameter, double Before, double Gradient, double Change, double After);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(
        TwoNeuronNetwork Network, double Loss, IReadOnlyList<BackpropStep> Forward, IReadOnlyList<BackpropStep> Backward,
        IReadOnlyDictionary<string, double> Gradients, double LearningRate, IReadOnlyList<Update> Update, double LossAfterStep,
        string? Graph, string? DotFile);
}

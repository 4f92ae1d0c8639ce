using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Neurons;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt demo</c>: the seeds' path end to end, on data the repository ships, in well under a minute.</summary>
/// <remarks>
/// The README's main command. Each chapter is one step of the learning path, computed live by the
/// library (nothing printed here is canned): one neuron with hand-set weights, the perceptron learning
/// AND and OR, the XOR wall, a network with a hidden layer that learns XOR, a network that reads the
/// handwritten digits (at least 97% on held-out images), and pictures of both written to <c>--out-dir</c>.
/// </remarks>
internal static class DemoCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "demo";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Walk the whole path: one neuron, the perceptron, the XOR wall, a network that learns XOR, the digits, pictures.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var outDir = new Option<string>("--out-dir") { Description = "The folder for the pictures (created if missing).", HelpName = "folder", DefaultValueFactory = _ => "rosenblatt-demo" };
        var command = new Command(Name, Description) { outDir };
        command.SetAction(parse => Execute(cli, parse, parse.GetValue(outDir)!));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, string folder)
    {
        var clock = Stopwatch.StartNew();
        // Checked before the chapters train anything: the pictures come last.
        OutputFile.CheckFolder(folder, "--out-dir");
        Directory.CreateDirectory(folder);
        var (xorChapter, xorNetwork) = NetworkLearnsXor();
        var digits = DemoDigits.Run();
        var chapters = new List<Chapter>
        {
            OneNeuron(),
            PerceptronLearns("and", "2a"),
            PerceptronLearns("or", "2b"),
            XorWall(),
            xorChapter,
            digits.Chapter,
            DemoDigits.Pictures(folder, xorNetwork, digits),
        };
        var doc = new Document(chapters, Path.GetFullPath(folder), clock.Elapsed.TotalSeconds);
        return cli.Write(parse, doc, console =>
        {
            foreach (var chapter in chapters)
            {
                console.Write(new Rule(Markup.Escape(chapter.Title)).LeftJustified());
                foreach (string line in chapter.Lines)
                    console.WriteLine(line);
                console.WriteLine();
            }
            console.WriteLine($"Done in {doc.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        });
    }

    private static Chapter OneNeuron()
    {
        var neuron = new Neuron([1, 1], bias: -1.5);
        return new Chapter("1. One neuron, weights set by hand: AND",
            ["w = [1, 1], b = -1.5, step activation:", .. LogicGate.And.X.Select(x => neuron.Trace(x).ToString())]);
    }

    private static Chapter PerceptronLearns(string gateName, string number)
    {
        var gate = LogicGate.FromName(gateName);
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        var report = p.Fit(gate.X, gate.Y);
        return new Chapter($"{number}. The perceptron learns {gate.Name.ToUpperInvariant()} by itself",
        [
            "Rosenblatt's rule from zero weights, lr 0.1, rows in truth-table order",
            $"mistakes per epoch: {string.Join(", ", report.MistakesPerEpoch)}",
            $"learned w = {CliFormat.Vector(p.Weights)}, b = {CliFormat.Number(p.Bias)}",
            $"predictions {Ints(p.Predict(gate.X))} for targets {Ints(gate.Y)}",
            report.Summary,
        ]);
    }

    private static Chapter XorWall()
    {
        var gate = LogicGate.Xor;
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        var report = p.Fit(gate.X, gate.Y);
        return new Chapter("3. The XOR wall: one neuron cannot learn XOR",
        [
            $"mistakes per epoch: {string.Join(", ", report.MistakesPerEpoch)}",
            $"final w = {CliFormat.Vector(p.Weights)}, b = {CliFormat.Number(p.Bias)}",
            $"predictions {Ints(p.Predict(gate.X))} for targets {Ints(gate.Y)}",
            report.Summary,
        ]);
    }

    private static (Chapter Chapter, Network Network) NetworkLearnsXor()
    {
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        network.InitializeLikeNumPy(seed: 42, scale: 0.5);
        var trainer = new Trainer(new TrainerOptions { Epochs = 10_000, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
        var x = Matrix.FromRows(LogicGate.Xor.X);
        // The script prints a2 from its last forward pass, which ran before its last update: the weights after epoch 9,999.
        float[] outputs = [];
        var history = trainer.Fit(network, MeanSquaredError.Instance, new Sgd(0.5), x, new Matrix(4, 1, [0, 1, 1, 0]),
            progress: new EpochCallback(e => { if (e.Epoch == e.TotalEpochs - 1) outputs = network.Predict(x).AsSpan().ToArray(); }));
        return (new Chapter("4. A hidden layer breaks the wall: seed 002's 2-4-1 network",
        [
            "sigmoid units, weights from NumPy seed 42 (randn × 0.5), lr 1.0 in the script's convention, 10000 full-batch epochs",
            $"predictions {string.Join(" ", outputs.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))} for targets 0 1 1 0 (the last forward pass, before the last update, as the script prints)",
            $"rounded as NumPy prints them: [{string.Join(" ", outputs.Select(v => Math.Round(v, 2).ToString("0.00", CultureInfo.InvariantCulture)))}]",
            $"final loss {history.Last.Loss.ToString("0.###e+0", CultureInfo.InvariantCulture)} (mean squared error)",
        ]), network);
    }

    private static string Ints(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";

    /// <summary>One step of the path: a title and the lines it printed.</summary>
    internal sealed record Chapter(string Title, IReadOnlyList<string> Lines);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(IReadOnlyList<Chapter> Chapters, string Pictures, double Seconds);
}

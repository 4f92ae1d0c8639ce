using System.CommandLine;
using System.Globalization;
using Rosenblatt.Activations;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;
using Rosenblatt.Initializers;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt mlp</c>: a multilayer network trained on a logic gate or a CSV file, with its loss curve and final predictions.</summary>
/// <remarks>
/// <para>Step 5 of the learning path: the hidden layer that gets past the XOR wall. The command builds a
/// <see cref="Network"/> of <see cref="Dense"/> layers from <c>--layers</c>, trains it with the one
/// <see cref="Trainer"/>, and prints about a dozen rows of the loss curve and the truth table it learned.
/// With <c>--data</c> it learns a CSV file instead: class labels (one-hot for several output units, 0/1 for
/// one), or real-valued targets when the output activation is identity (regression).</para>
/// <para><c>--numpy-init</c> replays a tutorial's NumPy script: weights drawn as <c>np.random.seed(seed);
/// W = np.random.randn(in, out) * 0.5</c> layer after layer, biases zero, and the scripts' gradient
/// convention. The scripts back-propagate the gradient of ½·mean((a−y)²) while printing mean((a−y)²);
/// Rosenblatt's MSE is mean((a−y)²) with gradient 2(a−y)/N, so with mse the run uses lr/2 and says so.
/// Seed 002 is <c>rosenblatt mlp --gate xor --layers 2,4,1 --activation sigmoid --lr 1.0 --epochs 10000 --seed 42 --numpy-init</c>.</para>
/// </remarks>
internal static partial class MlpCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "mlp";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Train a multilayer network on a logic gate or a CSV file; print the loss curve and the predictions.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var gate = new Option<string>("--gate") { Description = "The logic gate to learn: and, or, nand, nor, xor, xnor, andN, orN, parityN.", HelpName = "name", DefaultValueFactory = _ => "xor" };
        var layers = new Option<string>("--layers") { Description = "Layer sizes from input to output, e.g. 2,4,1: the first is the gate's input count, the last 1 (one 0/1 output) or 2 (one unit per class).", HelpName = "n1,n2,...", DefaultValueFactory = _ => "2,4,1" };
        layers.Validators.Add(result =>
        {
            string text = string.Join(",", result.Tokens.Select(t => t.Value));
            if (result.Tokens.Count > 0 && !TryParseSizes(text, out _, out string? error))
                result.AddError($"--layers {error}");
        });
        var activation = new Option<string>("--activation") { Description = $"The activation of the hidden layers, and of the output layer unless --output-activation says otherwise: {string.Join(", ", ActivationRegistry.Names)}.", HelpName = "name", DefaultValueFactory = _ => "sigmoid" };
        activation.AcceptOnlyFromAmong([.. ActivationRegistry.Names]);
        var outputActivation = new Option<string?>("--output-activation") { Description = "The output layer's activation (default: the same as --activation), e.g. softmax with 2 outputs.", HelpName = "name" };
        outputActivation.AcceptOnlyFromAmong([.. ActivationRegistry.Names]);
        var loss = new Option<string>("--loss") { Description = $"The loss to minimize: {string.Join(", ", LossRegistry.Names)}.", HelpName = "name", DefaultValueFactory = _ => "mse" };
        loss.AcceptOnlyFromAmong([.. LossRegistry.Names]);
        var optimizer = new Option<string>("--optimizer") { Description = "The optimizer: sgd (plain, or with --momentum), momentum (sgd, μ 0.9), nesterov (μ 0.9, look-ahead), adam.", HelpName = "name", DefaultValueFactory = _ => "sgd" };
        optimizer.AcceptOnlyFromAmong([.. OptimizerRegistry.Names]);
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum μ in [0, 1); 0 is plain gradient descent (0.9 for momentum and nesterov).", HelpName = "μ", DefaultValueFactory = _ => 0 };
        var l2 = new Option<double>("--l2") { Description = "L2 weight decay λ in [0, 1), added as λ·w to every weight's gradient (not the biases'); 0 turns it off.", HelpName = "λ", DefaultValueFactory = _ => 0 };
        var lr = new Option<double>("--lr") { Description = "The learning rate, in (0, 10].", DefaultValueFactory = _ => 1.0 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the truth table.", DefaultValueFactory = _ => 10_000 };
        var batch = new Option<int?>("--batch") { Description = "Rows per gradient step, at least 1, shuffled each epoch; leave it out for the whole table in every step (full batch, no shuffling)." };
        var seed = new Option<int>("--seed") { Description = "The seed for the starting weights and the shuffling.", DefaultValueFactory = _ => 42 };
        var init = new Option<string?>("--init") { Description = "How weights start: zeros, constant:value, uniform[:limit], normal[:σ], xavier or he (default: xavier, or he for relu and leaky_relu).", HelpName = "name[:value]" };
        var data = new Option<string?>("--data") { Description = "A data set's name (iris, digits, ...) or a CSV file to learn instead of a gate (numeric features, label in the last column unless --label says otherwise); with --output-activation identity the label is a real-valued target (regression).", HelpName = "file.csv" };
        var label = new Option<string?>("--label") { Description = "The CSV's label column, by header name or 0-based index.", HelpName = "column" };
        var numpyInit = new Option<bool>("--numpy-init") { Description = "Replay a NumPy script: np.random.seed(seed); W = randn(in, out)·0.5 per layer, biases 0; with mse, lr/2 (the scripts' gradient convention)." };

        var command = new Command(Name, Description)
        {
            gate, layers, activation, outputActivation, loss, optimizer, momentum, l2, lr, epochs, batch, seed, init, numpyInit, data, label,
        };
        var csvFlags = new CsvFlags();
        csvFlags.AddTo(command);
        command.SetAction(parse =>
        {
            TryParseSizes(parse.GetValue(layers)!, out int[] sizes, out _);
            string hidden = parse.GetValue(activation)!;
            string output = parse.GetValue(outputActivation) ?? hidden;
            string? csv = parse.GetValue(data);
            var settings = new Settings(
                csv is null ? LogicGate.FromName(parse.GetValue(gate)!).Name : "", sizes, hidden, output,
                parse.GetValue(loss)!, parse.GetValue(optimizer)!, parse.GetValue(momentum), parse.GetValue(lr), parse.GetValue(lr),
                parse.GetValue(epochs), parse.GetValue(batch), parse.GetValue(batch) is not null, parse.GetValue(seed),
                parse.GetValue(init), parse.GetValue(numpyInit), parse.GetValue(l2));
            bool regression = ActivationRegistry.FromName(output) is Identity;
            var set = GateOrData.Load(parse, gate, data,
                csvFlags.Apply(parse, new DataRequest(parse.GetValue(label), Seed: parse.GetValue(seed), Regression: regression)));
            return set is null
                ? Execute(cli, parse, settings)
                : ExecuteCsv(cli, parse, settings, set, layersGiven: parse.GetResult(layers) is { Implicit: false });
        });
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, Settings requested)
    {
        var gate = LogicGate.FromName(requested.Gate);
        Validate(requested, gate);
        string? note = null;
        var settings = requested;
        if (requested.NumpyInit && requested.Loss == "mse")
        {
            settings = requested with { EffectiveLearningRate = requested.LearningRate / 2 };
            note = $"note: --numpy-init trains with lr/2 = {N(settings.EffectiveLearningRate)}: the NumPy scripts back-propagate the gradient of " +
                   $"½·mean((a−y)²) while printing mean((a−y)²), and Rosenblatt's MSE gradient is 2(a−y)/N.";
        }

        var network = Build(settings, gate.InputCount);
        var x = Matrix.FromRows(gate.X);
        var y = Targets(gate.Y, network.Outputs);
        // Full batch, the seeds' way: print the outputs of the last forward pass, as the NumPy scripts print their a2
        // after the loop; that pass ran before the last update, beside the loss it measured (the curve's last value).
        Matrix? lastPass = settings.Batch is null && settings.Epochs == 1 ? network.Predict(x) : null;
        var history = Train(settings, network, x, y, settings.Batch is null
            ? new EpochCallback(e => { if (e.Epoch == settings.Epochs - 1) lastPass = network.Predict(x); })
            : null);

        var outputs = lastPass ?? network.Predict(x);
        var predictions = new List<Prediction>();
        for (int r = 0; r < gate.X.Length; r++)
        {
            double[] output = OutputRow(outputs, r);
            int predicted = PredictedClass(output);
            predictions.Add(new Prediction(gate.X[r], output, gate.Y[r], predicted, predicted == gate.Y[r]));
        }
        var document = new Document(settings with { Init = InitLabel(settings, network) }, network.Shape, note, Curve(history), history.Last.Loss,
            predictions, predictions.Count(p => p.Correct), predictions.Count);
        return cli.Write(parse, document, console => Render(console, document));
    }

    private static TrainingHistory Train(Settings settings, Network network, Matrix x, Matrix y, IProgress<EpochRecord>? progress = null)
    {
        var optimizer = OptimizerRegistry.Create(settings.Optimizer, settings.EffectiveLearningRate, settings.Momentum, settings.L2);
        var trainer = new Trainer(new TrainerOptions
        {
            Epochs = settings.Epochs, BatchSize = settings.Batch ?? TrainerOptions.FullBatch, Shuffle = settings.Shuffle, Seed = settings.Seed,
        });
        return trainer.Fit(network, LossRegistry.FromName(settings.Loss), optimizer, x, y, progress: progress);
    }

    /// <summary>Checks what the library cannot know: that the sizes fit the gate, and that the options belong together.</summary>
    private static void Validate(Settings s, LogicGate gate)
    {
        string layers = string.Join(",", s.Layers);
        if (s.Layers.Length < 2)
            throw new ArgumentException(
                $"--layers needs at least an input and an output size (received '{layers}'). help: e.g. --layers {gate.InputCount},4,1 ({gate.InputCount} inputs, 4 hidden units, 1 output).");
        if (s.Layers[0] != gate.InputCount)
            throw new ArgumentException(
                $"--layers starts with {s.Layers[0]} inputs but gate '{gate.Name}' has {gate.InputCount} (received '{layers}'). " +
                $"help: start with the gate's input count, e.g. --layers {gate.InputCount},{string.Join(",", s.Layers.Skip(1))}.");
        if (s.Layers[^1] is not (1 or 2))
            throw new ArgumentException(
                $"--layers ends with {s.Layers[^1]} outputs but gate '{gate.Name}' has one 0/1 target (received '{layers}'). " +
                "help: end with 1 (one unit read as ≥ 0.5 → 1) or 2 (one unit per class, e.g. with --output-activation softmax).");
        ValidateOptions(s);
    }

    /// <summary>Checks the options that do not depend on the data.</summary>
    private static void ValidateOptions(Settings s)
    {
        if (!double.IsFinite(s.LearningRate) || s.LearningRate <= 0 || s.LearningRate > 10)
            throw new ArgumentException(
                $"--lr must be > 0 and at most 10 (received {s.LearningRate.ToString(CultureInfo.InvariantCulture)}). help: typical values are 0.01 to 1 for sgd, 0.001 to 0.1 for adam.");
        if (!float.IsNormal((float)s.LearningRate))
            throw new ArgumentException(
                $"--lr {s.LearningRate.ToString(CultureInfo.InvariantCulture)} is below float32's smallest normal number (about 1.2e-38), so the weights would never change. help: typical values are 0.01 to 1 for sgd, 0.001 to 0.1 for adam.");
        if (s.Epochs < 1 || s.Epochs > 1_000_000)
            throw new ArgumentException($"--epochs must be 1 to 1000000 (received {s.Epochs}). help: xor needs a few thousand epochs with sgd, e.g. --epochs 10000.");
        if (s.Batch < 1)
            throw new ArgumentException($"--batch must be at least 1 (received {s.Batch}). help: leave --batch out to train on the whole table in every step (full batch), or give e.g. --batch 2.");
        if (!(s.Momentum >= 0 && s.Momentum < 1))
            throw new ArgumentException(
                $"--momentum must be at least 0 and below 1 (received {s.Momentum.ToString(CultureInfo.InvariantCulture)}). help: typical momentum is 0.9; 0 turns it off.");
        if (s.Optimizer == "adam" && s.Momentum != 0)
            throw new ArgumentException(
                $"--momentum applies to sgd, momentum and nesterov only (received --momentum {N(s.Momentum)} with --optimizer adam). help: drop --momentum; Adam keeps its own momentum (β1 = 0.9).");
        if (!(s.L2 >= 0 && s.L2 < 1))
            throw new ArgumentException(
                $"--l2 must be at least 0 and below 1 (received {s.L2.ToString(CultureInfo.InvariantCulture)}). help: typical weight decay is 1e-4 to 1e-2; 0 turns it off.");
        if (s.Init is not null)
        {
            try
            {
                InitializerRegistry.FromName(s.Init);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"--init: {CliApp.UserMessage(ex)}", ex);
            }
        }
        if (s.NumpyInit && s.Init is not null)
            throw new ArgumentException(
                $"--init {s.Init} and --numpy-init both choose the starting weights. help: use one of them; --numpy-init replays a NumPy script's randn × 0.5.");
        if (s.NumpyInit && s.Seed < 0)
            throw new ArgumentException($"--seed must be 0 or more with --numpy-init (received {s.Seed}), as for np.random.seed. help: e.g. --seed 42.");
    }

    private static Network Build(Settings s, int inputs)
    {
        long parameters = Network.CountParameters(inputs, s.Layers.Skip(1));
        if (parameters > Network.MaxParameters)
            throw new ArgumentException(
                $"--layers {string.Join(",", s.Layers)} makes a network of {parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters " +
                $"({(parameters * 4.0 / (1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GB of weights alone); the limit is {Network.MaxParameters.ToString("N0", CultureInfo.InvariantCulture)}. " +
                "help: use smaller hidden layers, e.g. --layers 2,4,1 for a gate.");
        var layers = new List<Dense>();
        for (int i = 1; i < s.Layers.Length; i++)
        {
            var activation = ActivationRegistry.FromName(i == s.Layers.Length - 1 ? s.OutputActivation : s.Activation);
            layers.Add(new Dense(s.Layers[i], activation, s.Init is null ? null : InitializerRegistry.FromName(s.Init)));
        }
        var network = new Network(inputs, layers, s.Seed);
        if (s.NumpyInit)
            network.InitializeLikeNumPy(s.Seed, 0.5);
        return network;
    }

    /// <summary>Class labels as one column of 0/1, or one-hot rows (e.g. [1, 0] / [0, 1]) for several output units.</summary>
    private static Matrix Targets(IReadOnlyList<int> labels, int outputs)
    {
        var y = new Matrix(labels.Count, outputs);
        for (int r = 0; r < labels.Count; r++)
        {
            if (outputs == 1)
                y[r, 0] = labels[r];
            else
                y[r, labels[r]] = 1;
        }
        return y;
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        var s = d.Settings;
        string activations = s.Activation == s.OutputActivation || s.Layers.Length == 2
            ? $"{s.OutputActivation} activation"
            : $"{s.Activation} hidden, {s.OutputActivation} output";
        string optimizer = OptimizerLabel(s);
        string batches = s.Batch is null ? "full batch" : $"batches of {s.Batch}, shuffled";
        console.WriteLine($"MLP {d.Shape} on {s.Gate.ToUpperInvariant()}: {activations}, {s.Loss} loss, {optimizer} lr {N(s.LearningRate)}, {batches}");
        console.WriteLine($"{s.Epochs} epochs, seed {s.Seed}, initial weights: {s.Init}");
        if (d.Note is { } note)
            console.WriteLine(note);

        console.Write(CurveTable(d.LossCurve, a => $"{N(a * 100)}%"));

        var table = CliTable.Create("input", d.Predictions[0].Output.Length == 1 ? "output" : "outputs", "target", "✓/✗");
        foreach (var p in d.Predictions)
        {
            table.AddRow(new Text(CliFormat.Vector(p.Input)), new Text(Outputs(p.Output)),
                new Text(p.Target.ToString(CultureInfo.InvariantCulture)), CliTable.Mark(p.Correct));
        }
        console.Write(table);
        console.WriteLine($"final loss {CliFormat.Significant(d.FinalLoss, 4)} (epoch {d.LossCurve[^1].Epoch}); {d.Correct}/{d.Total} rows correct");
        if (d.Predictions[0].Output.Length == 1)
            console.WriteLine($"rounded as NumPy prints them: {NumPyFormat.Array([.. d.Predictions.Select(p => NumPyFormat.Round(p.Output[0], 2))])}");
    }

    /// <summary>The printed loss curve: epoch, loss to 4 significant digits and, when the run recorded it, accuracy as <paramref name="percent"/> writes it.</summary>
    private static Table CurveTable(IReadOnlyList<CurvePoint> points, Func<double, string> percent)
    {
        bool accuracy = points.Any(p => p.Accuracy is not null);
        var curve = accuracy ? CliTable.Create("epoch", "loss", "accuracy") : CliTable.Create("epoch", "loss");
        foreach (var point in SampleCurve(points))
        {
            string epoch = point.Epoch.ToString(CultureInfo.InvariantCulture);
            string loss = CliFormat.Significant(point.Loss, 4);
            if (accuracy)
                curve.AddPlainRow(epoch, loss, point.Accuracy is double a ? percent(a) : "-");
            else
                curve.AddPlainRow(epoch, loss);
        }
        return curve;
    }

    /// <summary>Every epoch of the training history as a curve point.</summary>
    private static CurvePoint[] Curve(TrainingHistory history) =>
        [.. history.Epochs.Select(e => new CurvePoint(e.Epoch, e.Loss, e.Accuracy))];

    /// <summary>How the starting weights were drawn, as printed and saved in the document.</summary>
    private static string InitLabel(Settings s, Network network) => s.NumpyInit
        ? $"numpy (np.random.seed({s.Seed}); randn × 0.5; biases 0)"
        : string.Join("/", network.Layers.Select(l => l.WeightInitializer.Name).Distinct());

    /// <summary>Row <paramref name="r"/> of the network's outputs, in double precision.</summary>
    private static double[] OutputRow(Matrix outputs, int r) => [.. outputs.Row(r).ToArray().Select(v => (double)v)];

    /// <summary>The class an output row stands for: one unit read as ≥ 0.5 → 1, else the largest unit.</summary>
    private static int PredictedClass(double[] output) =>
        output.Length == 1 ? (output[0] >= 0.5 ? 1 : 0) : Array.IndexOf(output, output.Max());

    /// <summary>An output row as printed: one value, or several in brackets, to 4 decimals.</summary>
    private static string Outputs(double[] output) =>
        output.Length == 1 ? F4(output[0]) : "[" + string.Join(", ", output.Select(F4)) + "]";

    /// <summary>8 to 15 rows of the curve (all of it up to 20 epochs): epoch 1, every multiple of a round step
    /// (1, 2, 2.5 or 5 × 10ᵏ, the smallest at least epochs/15), and the last epoch.</summary>
    internal static IEnumerable<CurvePoint> SampleCurve(IReadOnlyList<CurvePoint> curve)
    {
        if (curve.Count <= 20)
            return curve;
        double target = curve.Count / 15.0;
        int step = 1;
        for (int scale = 1; ; scale *= 10)
        {
            int nice = new[] { scale, 2 * scale, scale >= 10 ? scale * 5 / 2 : 2 * scale, 5 * scale }.FirstOrDefault(v => v >= target);
            if (nice > 0)
            {
                step = nice;
                break;
            }
        }
        return curve.Where((p, i) => i == 0 || i == curve.Count - 1 || p.Epoch % step == 0);
    }

    /// <summary>Parses <c>2,4,1</c> into layer sizes of at least 1; the error (prefixed by the option name) says what is wrong.</summary>
    private static bool TryParseSizes(string text, out int[] sizes, out string? error)
    {
        string[] tokens = text.Split(',');
        sizes = new int[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            string token = tokens[i].Trim();
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                error = $"value '{token}' is not a layer size (received '{text}'). help: write whole numbers of at least 1 separated by commas, e.g. --layers 2,4,1.";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static string N(double value) => CliFormat.Number(value);

    /// <summary>The optimizer as printed: its name, the momentum it really uses, and the weight decay when on.</summary>
    private static string OptimizerLabel(Settings s)
    {
        double momentum = s.Momentum == 0 && s.Optimizer is "momentum" or "nesterov" ? 0.9 : s.Momentum;
        string label = momentum != 0 ? $"{s.Optimizer} (momentum {N(momentum)})" : s.Optimizer;
        return s.L2 != 0 ? $"{label}, L2 {N(s.L2)}" : label;
    }

    private static string F4(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The run's settings as given; <see cref="EffectiveLearningRate"/> is the rate the optimizer really used.</summary>
    internal sealed record Settings(
        string Gate, int[] Layers, string Activation, string OutputActivation, string Loss, string Optimizer, double Momentum,
        double LearningRate, double EffectiveLearningRate, int Epochs, int? Batch, bool Shuffle, int Seed, string? Init, bool NumpyInit, double L2);

    /// <summary>One epoch of the loss curve: the mean loss over the epoch's batches (each before its update) and the accuracy, for classifiers.</summary>
    internal sealed record CurvePoint(int Epoch, double Loss, double? Accuracy);

    /// <summary>One row of the learned truth table; <see cref="Predicted"/> is the output read as a class (≥ 0.5 → 1, or the largest unit).</summary>
    internal sealed record Prediction(double[] Input, double[] Output, int Target, int Predicted, bool Correct);

    /// <summary>The <c>--json</c> document: every epoch of the curve, not only the printed rows.</summary>
    internal sealed record Document(
        Settings Settings, string Shape, string? Note, IReadOnlyList<CurvePoint> LossCurve, double FinalLoss,
        IReadOnlyList<Prediction> Predictions, int Correct, int Total);
}

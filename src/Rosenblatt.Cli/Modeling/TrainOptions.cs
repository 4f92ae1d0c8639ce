using System.CommandLine;
using Rosenblatt.Activations;
using Rosenblatt.Cli.Commands;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Optimizers;

namespace Rosenblatt.Cli.Modeling;

/// <summary>The options of <c>rosenblatt train</c> (and of <c>demo</c>'s digits chapter, which reuses the defaults).</summary>
/// <remarks>Kept apart from the command so the option list and its defaults read as one table.</remarks>
internal sealed class TrainOptions
{
    /// <summary><c>--data</c>.</summary>
    public Option<string> Data { get; } = new("--data") { Description = "What to learn: a built-in set (digits, iris, breast-cancer, wine), mnist or fashion-mnist (data folder), a gate (and, xor, parity3, ...), a synthetic set (circle, xor-blobs, gaussian, spiral, moons, blobs) or a CSV file.", HelpName = "name|file.csv", Required = true };

    /// <summary><c>--label</c>.</summary>
    public Option<string?> Label { get; } = new("--label") { Description = "The CSV's label column, by header name or 0-based index (default: the last column).", HelpName = "column" };

    /// <summary><c>--model</c>.</summary>
    public Option<string> Model { get; } = new("--model") { Description = "network (hidden layers), logistic (no hidden layer) or perceptron (Rosenblatt's rule).", DefaultValueFactory = _ => "network" };

    /// <summary><c>--layers</c>.</summary>
    public Option<string> Layers { get; } = new("--layers") { Description = "Hidden layer sizes, e.g. 128 or 128,64; the input and output sizes come from the data.", HelpName = "n1,n2,...", DefaultValueFactory = _ => "128" };

    /// <summary><c>--activation</c>.</summary>
    public Option<string> Activation { get; } = new("--activation") { Description = "The hidden layers' activation; the output is sigmoid for two classes, softmax for more.", HelpName = "name", DefaultValueFactory = _ => "relu" };

    /// <summary><c>--optimizer</c>.</summary>
    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "sgd, momentum (sgd with μ 0.9), nesterov or adam.", HelpName = "name", DefaultValueFactory = _ => "adam" };

    /// <summary><c>--lr</c>.</summary>
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "The learning rate (default: 0.001 for adam, 0.01 for sgd, 1 for the perceptron).", HelpName = "rate" };

    /// <summary><c>--momentum</c>.</summary>
    public Option<double> Momentum { get; } = new("--momentum") { Description = "SGD momentum μ in [0, 1).", HelpName = "μ", DefaultValueFactory = _ => 0 };

    /// <summary><c>--epochs</c>.</summary>
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Passes over the training rows (the most, for the perceptron).", DefaultValueFactory = _ => 30 };

    /// <summary><c>--batch</c>.</summary>
    public Option<int> Batch { get; } = new("--batch") { Description = "Rows per gradient step, at least 1; a size at least the number of training rows trains on all of them at once (full batch).", DefaultValueFactory = _ => 32 };

    /// <summary><c>--seed</c>.</summary>
    public Option<int> Seed { get; } = new("--seed") { Description = "The seed for the split, the starting weights, the shuffling and synthetic data.", DefaultValueFactory = _ => 42 };

    /// <summary><c>--test</c>.</summary>
    public Option<double> Test { get; } = new("--test") { Description = "The share of rows held out for the test accuracy, stratified (0 tests on the training rows; mnist keeps its own test set).", HelpName = "fraction", DefaultValueFactory = _ => 0.2 };

    /// <summary><c>--validation</c>.</summary>
    public Option<double> Validation { get; } = new("--validation") { Description = "The share of training rows held out to watch over-fitting each epoch (and for --patience).", HelpName = "fraction", DefaultValueFactory = _ => 0 };

    /// <summary><c>--patience</c>.</summary>
    public Option<int?> Patience { get; } = new("--patience") { Description = "Early stopping: stop after this many epochs without a better (validation) loss, and keep the best weights.", HelpName = "epochs" };

    /// <summary><c>--scale</c>.</summary>
    public Option<string> Scale { get; } = new("--scale") { Description = "Feature scaling fitted on the training rows: standard (z-scores), minmax (0..1), none, or auto (none for gates, minmax for mnist and fashion-mnist, standard otherwise).", DefaultValueFactory = _ => "auto" };

    /// <summary><c>--samples</c>.</summary>
    public Option<int> Samples { get; } = new("--samples") { Description = "Points in a synthetic set.", DefaultValueFactory = _ => 200 };

    /// <summary><c>--noise</c>.</summary>
    public Option<double?> Noise { get; } = new("--noise") { Description = "A synthetic set's noise (default: the set's own, 0 for the Playground sets).", HelpName = "amount" };

    /// <summary><c>--data-dir</c>.</summary>
    public Option<string?> DataDirectory { get; } = new("--data-dir") { Description = "Where mnist and fashion-mnist live (default: $ROSENBLATT_DATA, then ./data).", HelpName = "folder" };

    /// <summary><c>--out</c>.</summary>
    public Option<string?> Out { get; } = new("--out") { Description = "Save the trained model to this JSON file (written atomically).", HelpName = "model.json" };

    /// <summary><c>--save-interrupted</c>.</summary>
    public Option<bool> SaveInterrupted { get; } = new("--save-interrupted") { Description = "On Ctrl+C, save the interrupted run over an existing --out file (by default that file is kept and the interrupted model goes beside it as NAME.interrupted.json)." };

    /// <summary>Adds every option to <paramref name="command"/>, with the choices that can be checked while parsing.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        Model.AcceptOnlyFromAmong(TrainCommand.Models);
        Activation.AcceptOnlyFromAmong([.. ActivationRegistry.Names.Where(n => n is not ("softmax" or "step"))]);
        Optimizer.AcceptOnlyFromAmong([.. OptimizerRegistry.Names]);
        Scale.AcceptOnlyFromAmong("auto", "standard", "minmax", "none");
        Layers.Validators.Add(result =>
        {
            string text = string.Join(",", result.Tokens.Select(t => t.Value));
            if (result.Tokens.Count > 0 && !TrainSettings.TryParseHidden(text, out _, out string? error))
                result.AddError($"--layers {error}");
        });
        foreach (var option in new Option[] { Data, Label, Model, Layers, Activation, Optimizer, LearningRate, Momentum, Epochs, Batch, Seed, Test, Validation, Patience, Scale, Samples, Noise, DataDirectory, Out })
            command.Options.Add(option);
        command.Options.Add(SaveInterrupted);
    }

    /// <summary>Reads the parsed values.</summary>
    /// <param name="parse">The parse result.</param>
    public TrainSettings Read(ParseResult parse)
    {
        TrainSettings.TryParseHidden(parse.GetValue(Layers)!, out int[] hidden, out _);
        string model = parse.GetValue(Model)!;
        // The default hidden layer belongs to --model network; other models have none unless --layers was typed (an error).
        if (model != "network" && parse.GetResult(Layers) is not { Implicit: false })
            hidden = [];
        string optimizer = parse.GetValue(Optimizer)!;
        double lr = parse.GetValue(LearningRate) ?? (model == "perceptron" ? 1 : optimizer == "adam" ? 0.001 : 0.01);
        return new TrainSettings(
            parse.GetValue(Data)!, model, hidden, parse.GetValue(Activation)!, optimizer, lr,
            parse.GetValue(Momentum), parse.GetValue(Epochs), parse.GetValue(Batch), parse.GetValue(Seed), parse.GetValue(Test),
            parse.GetValue(Validation), parse.GetValue(Patience), parse.GetValue(Scale)!, parse.GetValue(Out),
            new DataRequest(parse.GetValue(Label), parse.GetValue(Samples), parse.GetValue(Noise), parse.GetValue(Seed), parse.GetValue(DataDirectory)))
        {
            SaveInterrupted = parse.GetValue(SaveInterrupted),
        };
    }
}

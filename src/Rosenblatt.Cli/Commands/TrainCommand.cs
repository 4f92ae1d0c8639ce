using System.CommandLine;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt train</c>: train a perceptron, a logistic regression or a network on any data set, and save it.</summary>
/// <remarks>
/// <para>The data (<c>--data</c>, see <see cref="DataArgument"/>) is split into training and test rows
/// (stratified, seeded; MNIST keeps its own test set; a gate's truth table trains and tests on all four rows),
/// scaled with statistics of the training rows only, and trained by the one <see cref="Trainer"/> with a live
/// progress bar (plain lines when output is not a terminal). The test accuracy is measured on rows the model
/// never saw. Ctrl+C stops after the current batch and keeps the best weights so far, and the run exits 130
/// (<see cref="ExitCodes.Interrupted"/>). An interrupted run never replaces an existing <c>--out</c> file unless
/// <c>--save-interrupted</c> asks for it: the file is kept and the interrupted model is saved beside it as
/// <c>NAME.interrupted.json</c>. Ctrl+C while the data is still loading stops before any training, saving nothing.</para>
/// <para>Everything that can be checked before work is: the options, the size of the network
/// (<see cref="TrainSettings.CheckSize"/>), and that <c>--out</c> can be written and is not the data file.</para>
/// <para>The defaults are the documented settings: a 128-unit ReLU hidden layer, softmax output, Adam at
/// lr 0.001, 30 epochs of 32-row batches, standard scaling. They reach 97–98% on the digits set in a few seconds.</para>
/// </remarks>
internal static class TrainCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "train";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Train a perceptron, logistic regression or network on a data set; report test accuracy; save the model.";

    /// <summary>The model kinds <c>--model</c> accepts.</summary>
    public static readonly string[] Models = ["network", "logistic", "perceptron"];

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var o = new TrainOptions();
        var command = new Command(Name, Description);
        o.AddTo(command);
        command.SetAction(parse => Execute(cli, parse, o.Read(parse)));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, TrainSettings s)
    {
        s.Validate();
        s.CheckSize(0, 0, 0);
        string? outPath = s.Out is null ? null : OutputFile.Check(s.Out, "--out", ("--data", s.Data));
        bool json = cli.IsJson(parse);
        bool large = DataArgument.IsLarge(s.Data);
        // While the images load on this thread, the other core compiles the training code (TrainingWarmUp says why).
        var warmUp = TrainingWarmUp.Start(s, DataArgument.IsDataFolderSet(s.Data));
        var loaded = large
            ? PhaseStatus.Run(cli, json, $"Loading {Path.GetFileName(s.Data)}", $"Loaded {Path.GetFileName(s.Data)}", () => DataArgument.Load(s.Data, s.DataRequest))
            : DataArgument.Load(s.Data, s.DataRequest);
        if (!loaded.Data.HasLabels)
            throw new ArgumentException($"--data '{s.Data}' has no class labels, so there is nothing to learn. help: train on a labelled CSV (label in the last column, or --label NAME).");
        warmUp.Wait();
        RefuseUnusedDataOptions(s, loaded.Kind);
        RefuseContinuousLabel(s, loaded);
        if (cli.Cancellation.IsCancellationRequested)
            throw new OperationCanceledException(
                $"stopped by Ctrl+C while the data was loading, before any training; nothing was saved{(outPath is not null && File.Exists(outPath) ? $" and {s.Out} is unchanged" : "")}. help: run the command again and let it finish.");
        GateOrData.RequireTwoClasses(loaded.Data, s.Data);
        ClassBalance.Check(loaded.Data, s.Data, loaded.Test is null && loaded.Kind != DataKind.Gate ? s.TestFraction : 0);
        var (train, test, split) = Split(loaded, s);
        s.CheckSize(train.FeatureCount, train.ClassCount, train.Count);
        string scaling = s.EffectiveScale(loaded.Kind);
        var scaler = ScalerFor(scaling);
        // Images stay bytes for every model: the scaler is fitted on them and applied batch by batch (row by row for the
        // perceptron) through a per-pixel table, the same values as scaling the float rows, without the float and double copies
        // (2 GB on MNIST before for a network, 1.2-1.6 GB for the perceptron and logistic regression).
        var images = train.Images;
        double[][] xTrain = [];
        if (images is not null)
        {
            if (scaler is not null)
                PhaseStatus.Run(cli, json, $"Fitting the {scaling} scaler on {train.Count} images", $"Fitted the {scaling} scaler", () => scaler.Fit(images));
        }
        else
        {
            double[][] Rows() => scaler is null ? train.ToRows() : scaler.FitTransform(train.ToRows());
            xTrain = large
                ? PhaseStatus.Run(cli, json, scaler is null ? $"Converting {train.Count} images to rows" : $"Converting {train.Count} images to rows with {scaling} scaling", "Converted", Rows)
                : Rows();
        }
        string[] yTrain = [.. train.Labels.Select(l => train.ClassNames[l])];
        if (!json)
            cli.Console.WriteLine(Heading(s, loaded, train, test, split, scaling));

        TrainingHistory? history = null;
        string? perceptronSummary = null;
        object estimator;
        switch (s.Model)
        {
            case "perceptron":
                var perceptron = new Perceptron<string>(new PerceptronOptions
                {
                    LearningRate = s.LearningRate, MaxEpochs = s.Epochs, Shuffle = true, Seed = s.Seed, Variant = PerceptronVariant.Pocket,
                });
                // The perceptron reports no epochs or batches, so a large set's training is a status with a heartbeat.
                PerceptronReport FitPerceptron() => images is not null ? perceptron.Fit(images, scaler, yTrain) : perceptron.Fit(xTrain, yTrain);
                perceptronSummary = (large
                    ? PhaseStatus.Run(cli, json, $"Training the perceptron on {train.Count} rows", "Trained", FitPerceptron)
                    : FitPerceptron()).Summary;
                estimator = perceptron;
                break;
            case "logistic":
                var logistic = new LogisticRegression<string>(new LogisticRegressionOptions
                {
                    Solver = LogisticRegressionSolver.GradientDescent, // the CLI's --lr, --optimizer, --batch and --epochs describe gradient descent
                    LearningRate = s.LearningRate, MaxEpochs = s.Epochs, BatchSize = s.Batch, Optimizer = s.Optimizer, Seed = s.Seed,
                    Patience = s.Patience ?? new LogisticRegressionOptions().Patience,
                });
                history = TrainingProgress.Run(cli, json, $"{train.Name} logistic", s.Epochs, (progress, token) =>
                    images is not null ? logistic.Fit(images, scaler, yTrain, progress, token) : logistic.Fit(xTrain, yTrain, progress, token));
                estimator = logistic;
                break;
            default:
                var network = new MlpClassifier<string>(new MlpOptions
                {
                    HiddenLayers = s.Hidden, Activation = s.Activation, Optimizer = s.Optimizer, LearningRate = s.LearningRate, Momentum = s.Momentum,
                    Epochs = s.Epochs, BatchSize = s.Batch, Seed = s.Seed, ValidationSplit = s.Validation, EarlyStoppingPatience = s.Patience,
                });
                history = TrainingProgress.Run(cli, json, $"{train.Name} network", s.Epochs, (progress, token) =>
                    images is not null ? network.Fit(images, scaler, yTrain, progress, token) : network.Fit(xTrain, yTrain, progress, token));
                estimator = network;
                break;
        }

        var model = CliModel.Fresh(estimator, scaler, train.FeatureNames);
        var (trainAccuracy, confusion) = large
            ? PhaseStatus.Run(cli, json, $"Evaluating on {train.Count} training and {test.Count} test rows", "Evaluated", () => (Score(model, train, s.Data).Accuracy, Score(model, test, s.Data)))
            : (Score(model, train, s.Data).Accuracy, Score(model, test, s.Data));
        var metrics = new Dictionary<string, double>
        {
            ["test_accuracy"] = confusion.Accuracy,
            ["test_rows"] = test.Count,
            ["test_fraction"] = loaded.Test is null && loaded.Kind != DataKind.Gate ? s.TestFraction : 0,
            ["data_rows"] = loaded.Data.Count,
        };
        if (loaded.Kind == DataKind.Synthetic)
        {
            metrics["samples"] = s.DataRequest.Samples;
            if (s.DataRequest.Noise is double noise)
                metrics["noise"] = noise;
        }
        bool interrupted = history?.Cancelled == true;
        string? saved = null, kept = null;
        if (outPath is not null)
        {
            if (interrupted && File.Exists(outPath) && !s.SaveInterrupted)
            {
                kept = outPath;
                saved = model.Save(InterruptedPath(outPath), metrics);
            }
            else
            {
                saved = model.Save(outPath, metrics);
            }
        }

        var testLabels = ModelData.Remap(model, test, s.Data).Labels;
        string[] warnings = TrainingAdvice.Of(
            TrainingAdvice.Explosion(history, model.ClassNames.Count, s.LearningRate),
            TrainingAdvice.Majority(testLabels, confusion.Accuracy, model.ClassNames, test == train ? "training rows" : "test rows"));
        int parameters = model.Network?.ParameterCount ?? (model.FeatureCount + 1) * model.PerceptronUnits!.Value.Bias.Count;
        var document = new TrainDocument(
            s.Model, s.Data, model.Description, parameters, train.Count, test.Count, split, scaling,
            history is { Epochs.Count: > 0 } ran ? ran.Last.Epoch : null, history?.BestEpoch, history?.Cancelled ?? false, history?.StoppedEarly ?? false,
            history?.Last.Loss, trainAccuracy, confusion.Accuracy, confusion.Correct, confusion.Total,
            history is null ? perceptronSummary : TrainingProgress.Ending(history), saved,
            history?.Epochs.Select(e => new EpochPoint(e.Epoch, e.Loss, e.Accuracy, e.ValidationLoss, e.ValidationAccuracy)
            {
                ElapsedSeconds = Math.Round(e.Elapsed.TotalSeconds, 4),
            }).ToArray(),
            warnings, saved is null ? null : NextCommand(s, saved))
        {
            Kept = kept,
        };
        int code = cli.Write(parse, document, console => Render(console, document));
        return interrupted ? ExitCodes.Interrupted : code;
    }

    /// <summary>Where an interrupted run's model goes when <c>--out</c> already holds a model: <c>NAME.interrupted.EXT</c> beside it.</summary>
    /// <param name="outPath">The full <c>--out</c> path.</param>
    internal static string InterruptedPath(string outPath) =>
        Path.Combine(Path.GetDirectoryName(outPath)!, Path.GetFileNameWithoutExtension(outPath) + ".interrupted" + (Path.GetExtension(outPath) is { Length: > 0 } ext ? ext : ".json"));

    /// <summary>Refuses a label that is a measurement, not a class: numbers with so many distinct values that most
    /// "classes" would have a row or two (a price, a temperature), which would train a classifier with hundreds of
    /// classes and a test set that has seen almost none of them.</summary>
    /// <remarks>The rule: every label is a number, some have fractions, and there are more than 10 distinct values. Whole
    /// numbers pass (class codes such as 0..9); a column of whole-number ids with a few rows per value is refused by the
    /// class-balance check instead.</remarks>
    private static void RefuseContinuousLabel(TrainSettings s, LoadedData loaded)
    {
        var set = loaded.Data;
        if (loaded.Kind != DataKind.Csv || !set.HasLabels)
            return;
        var numbers = set.ClassNames.Select(n => double.TryParse(n, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : (double?)null).ToArray();
        if (numbers.Any(v => v is null))
            return;
        int distinct = set.ClassCount;
        bool fractions = numbers.Any(v => v != Math.Floor(v!.Value));
        if (!(fractions && distinct > 10))
            return;
        string column = s.DataRequest.Label is { } label ? $"'{label}'" : "the last column";
        throw new ArgumentException(
            $"--data '{s.Data}' has a continuous label: {column} holds {distinct} distinct numbers over {set.Count} rows, so as classes most would have a row or two. " +
            $"help: train does classification; for a regression network use 'rosenblatt mlp --data {Quote(s.Data)} --output-activation identity', or group the label into a few classes (e.g. low, medium, high).");
    }

    /// <summary>Refuses options typed for another kind of data than <c>--data</c> turned out to be, rather than ignoring them.</summary>
    private static void RefuseUnusedDataOptions(TrainSettings s, DataKind kind)
    {
        if (kind != DataKind.Synthetic && new[] { "--samples", "--noise" }.FirstOrDefault(s.WasGiven) is { } synthetic)
            throw new ArgumentException($"{synthetic} applies to synthetic sets only, and --data '{s.Data}' is not one. help: drop {synthetic}, or use a synthetic set such as --data moons.");
        if (kind != DataKind.Csv && new[] { "--label", "--header", "--delimiter" }.FirstOrDefault(s.WasGiven) is { } csv)
            throw new ArgumentException($"{csv} applies to CSV files only, and --data '{s.Data}' is not one. help: drop {csv}, or give a CSV file's path.");
    }

    /// <summary>The confusion matrix of <paramref name="model"/> on <paramref name="data"/>, labels matched to the model's classes by name.</summary>
    internal static Metrics.ConfusionMatrix Score(CliModel model, Dataset data, string source) =>
        Metrics.ConfusionMatrix.Compute(ModelData.Remap(model, data, source).Labels, CliModel.ArgMax(model.Outputs(data)), model.ClassNames);

    private static string Heading(TrainSettings s, LoadedData loaded, Dataset train, Dataset test, string split, string scaling)
    {
        int outputs = train.ClassCount == 2 ? 1 : train.ClassCount;
        string model = s.Model switch
        {
            "network" => $"a network {train.FeatureCount}-{string.Join("-", s.Hidden)}-{outputs}",
            "logistic" => $"logistic regression {train.FeatureCount}-{outputs}",
            _ => "a perceptron" + (train.ClassCount > 2 ? " (one-vs-rest)" : ""),
        };
        return $"Training {model} on {loaded.Data.Name}, {(scaling == "none" ? "no" : scaling)} scaling" + Environment.NewLine
            + $"{train.Count} training rows, {test.Count} test rows: {split}" + Environment.NewLine
            + s.Describe(train.ClassCount);
    }

    private static void Render(IAnsiConsole console, TrainDocument d)
    {
        if (d.Ending is { } ending)
            console.WriteLine(ending);
        var table = CliTable.Create("", "accuracy");
        table.AddPlainRow($"training ({d.TrainRows} rows)", CliFormat.Percent(d.TrainAccuracy));
        table.AddPlainRow($"test ({d.TestRows} rows)", $"{CliFormat.Percent(d.TestAccuracy)} ({d.TestCorrect}/{d.TestTotal})");
        console.Write(table);
        foreach (string warning in d.Warnings)
            console.WriteLine(warning);
        if (d.Kept is { } keptFile && d.Saved is { } beside)
        {
            string keptPath = Path.GetRelativePath(Environment.CurrentDirectory, keptFile);
            string besidePath = Path.GetRelativePath(Environment.CurrentDirectory, beside);
            console.WriteLine($"Kept {keptPath} as it was: this run was interrupted, so it did not replace it. The interrupted model is in {besidePath}.");
            console.WriteLine($"next: rerun without Ctrl+C, or add --save-interrupted to let an interrupted run replace {keptPath}");
        }
        else if (d.Saved is { } full)
        {
            string path = Path.GetRelativePath(Environment.CurrentDirectory, full);
            console.WriteLine(d.Cancelled ? $"Saved the interrupted run's model to {path}" : $"Saved the model to {path}");
            // Written past the console's wrapping: a command broken over two lines would not work when pasted.
            console.Profile.Out.Writer.WriteLine($"next: {d.Next}");
        }
        else
        {
            console.WriteLine("Not saved: add --out model.json to keep it.");
        }
    }

    /// <summary>Train and test parts: the set's own test part, all rows for a gate, or a stratified seeded split.</summary>
    private static (Dataset Train, Dataset Test, string How) Split(LoadedData loaded, TrainSettings s)
    {
        if (loaded.Test is { } ownTest)
            return (loaded.Data, ownTest, "the set's own test files");
        if (loaded.Kind == DataKind.Gate)
            return (loaded.Data, loaded.Data, "the same rows (a truth table has nothing to hold out)");
        if (s.TestFraction == 0)
            return (loaded.Data, loaded.Data, "the same rows (--test 0)");
        var (train, test) = TrainTestSplit.Split(loaded.Data, s.TestFraction, s.Seed);
        return (train, test, $"stratified {CliFormat.Number(s.TestFraction * 100)}% held out, seed {s.Seed}");
    }

    /// <summary>The scaler a --scale value names (after auto is resolved), or null for none; the warm-up makes the same one.</summary>
    internal static Preprocessing.Scaler? ScalerFor(string scaling) => scaling switch
    {
        "standard" => new Preprocessing.StandardScaler(),
        "minmax" => new Preprocessing.MinMaxScaler(),
        _ => null,
    };


    /// <summary>The <c>evaluate</c> command for the saved model, with every option that shaped the data (label column, header,
    /// delimiter, data folder), so it works when pasted.</summary>
    private static string NextCommand(TrainSettings s, string saved)
    {
        var r = s.DataRequest;
        var parts = new List<string> { "rosenblatt", "evaluate", "--model", Quote(Path.GetRelativePath(Environment.CurrentDirectory, saved)), "--data", Quote(s.Data) };
        if (r.Label is { } label) parts.AddRange(["--label", Quote(label)]);
        if (r.Header is bool header) parts.AddRange(["--header", header ? "true" : "false"]);
        if (r.Delimiter is char delimiter) parts.AddRange(["--delimiter", delimiter == '\t' ? "tab" : Quote(delimiter.ToString())]);
        if (r.DataDirectory is { } folder) parts.AddRange(["--data-dir", Quote(folder)]);
        return string.Join(" ", parts);
    }

    /// <summary>A word as a POSIX shell reads it back: bare when it is plain, otherwise in single quotes.</summary>
    internal static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or ':' or ',' or '+')
            ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>One epoch in the <c>--json</c> document.</summary>
    internal sealed record EpochPoint(int Epoch, double Loss, double? Accuracy, double? ValidationLoss, double? ValidationAccuracy)
    {
        /// <summary>Seconds from the start of training to the end of this epoch (the trainer's clock: loading, scaling and
        /// scoring are outside it).</summary>
        public double ElapsedSeconds { get; init; }
    }

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record TrainDocument(
        string Model, string Data, string Description, int Parameters, int TrainRows, int TestRows, string Split, string Scaling,
        int? Epochs, int? BestEpoch, bool Cancelled, bool StoppedEarly, double? FinalLoss,
        double TrainAccuracy, double TestAccuracy, int TestCorrect, int TestTotal, string? Ending, string? Saved,
        IReadOnlyList<EpochPoint>? History, IReadOnlyList<string> Warnings, string? Next)
    {
        /// <summary>The existing <c>--out</c> file an interrupted run left untouched (the run's model is in <see cref="Saved"/>), or null.</summary>
        public string? Kept { get; init; }
    }
}

using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Plots;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Rosenblatt.Data.Retina;
using Rosenblatt.MarkOne;
using Rosenblatt.Serialization;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt mark1</c>: the Mark I Perceptron of 1960 (20×20 retina, 512 A-units on a random plugboard, 8 R-units) trained on a retina task.</summary>
/// <remarks>
/// <para>Tasks: <c>shapes</c> (square, circle, triangle, cross) and <c>letters</c> (E, F, X, O), drawn at random positions and
/// sizes on the retina; <c>mnist</c> and <c>fashion</c>, the centre 20×20 of each image binarised at 128. The report gives the
/// mistakes and corrections of every pass, the accuracy per class on the training and test images, and how the R-units
/// code the classes (one unit per class, or an output code when there are more classes than units). <c>--out</c> saves a
/// <c>mark-one</c> model file (plugboard included) that <c>predict</c> and <c>info</c> read; <c>--pictures</c> writes the
/// retina with an example, a sample of the plugboard, the A-units that fire for it, and the R-units' weights.</para>
/// <para>Ctrl+C stops training after the pass in progress; the report is still printed, and the run exits 130
/// (<see cref="ExitCodes.Interrupted"/>). An interrupted run never replaces an existing <c>--out</c> file: the machine is
/// saved beside it as <c>NAME.interrupted.json</c>.</para>
/// </remarks>
internal static class MarkOneCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "mark1";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Build and train the Mark I Perceptron (1960): 20×20 retina, random plugboard, 512 A-units, 8 R-units, error correction.";

    /// <summary>The tasks <c>--task</c> accepts.</summary>
    public static readonly string[] Tasks = ["shapes", "letters", "mnist", "fashion"];

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var task = new Option<string>("--task") { Description = "What to learn: shapes, letters (drawn on the retina), mnist or fashion (centre 20×20, binarised).", DefaultValueFactory = _ => "shapes", HelpName = "shapes|letters|mnist|fashion" };
        task.AcceptOnlyFromAmong(Tasks);
        var aUnits = new Option<int>("--a-units") { Description = "Association units on the plugboard (the Mark I: 512).", DefaultValueFactory = _ => 512, HelpName = "N" };
        var rUnits = new Option<int>("--r-units") { Description = "Response units (the Mark I: 8); more classes than units are coded.", DefaultValueFactory = _ => 8, HelpName = "N" };
        var epochs = new Option<int>("--epochs") { Description = "The most passes over the training images (stops at a pass without a correction).", DefaultValueFactory = _ => 10, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the plugboard, the drawn images and the presentation order.", DefaultValueFactory = _ => 0, HelpName = "S" };
        var excitatory = new Option<int>("--excitatory") { Description = "Excitatory wires per A-unit (not recorded; our default 5).", DefaultValueFactory = _ => new MarkOneOptions().ExcitatoryConnections, HelpName = "N" };
        var inhibitory = new Option<int>("--inhibitory") { Description = "Inhibitory wires per A-unit (not recorded; our default 5).", DefaultValueFactory = _ => new MarkOneOptions().InhibitoryConnections, HelpName = "N" };
        var threshold = new Option<int>("--threshold") { Description = "A-unit threshold θ: fires when (lit excitatory) − (lit inhibitory) ≥ θ (our default 2).", DefaultValueFactory = _ => new MarkOneOptions().Threshold, HelpName = "θ" };
        var rule = new Option<string>("--rule") { Description = "The R-units' rule: error-correction (α-system) or gamma (γ-system).", DefaultValueFactory = _ => "error-correction", HelpName = "rule" };
        rule.AcceptOnlyFromAmong("error-correction", "gamma");
        var count = new Option<int>("--count") { Description = "Images to draw for shapes and letters (a quarter are the test set).", DefaultValueFactory = _ => 2000, HelpName = "N" };
        var noise = new Option<double>("--noise") { Description = "For shapes and letters: the share of retina points flipped at random.", DefaultValueFactory = _ => 0, HelpName = "p" };
        var dataDir = new Option<string?>("--data-dir") { Description = $"The folder holding mnist/ and fashion-mnist/ (default: ${DataDirectory.EnvironmentVariable}, then ./data).", HelpName = "folder" };
        var output = new Option<string?>("--out") { Description = "Save the trained machine (plugboard included) to this model file.", HelpName = "mark1.json" };
        var pictures = new Option<string?>("--pictures") { Description = "Write retina.png, plugboard.png, a-units.png, r-weights.png and r-retina.png into this folder.", HelpName = "folder" };
        var command = new Command(Name, Description)
        {
            task, aUnits, rUnits, epochs, seed, excitatory, inhibitory, threshold, rule, count, noise, dataDir, output, pictures,
        };
        command.SetAction(parse =>
        {
            int images = parse.GetValue(count);
            if (images < 8 || images > 1_000_000)
                throw new ArgumentException($"--count must be 8 to 1000000 (received {images}). help: 2000 draws 1500 training and 500 test images.");
            var options = Translate(() =>
            {
                var o = new MarkOneOptions
                {
                    AssociationUnits = parse.GetValue(aUnits),
                    ResponseUnits = parse.GetValue(rUnits),
                    Epochs = parse.GetValue(epochs),
                    Seed = parse.GetValue(seed),
                    ExcitatoryConnections = parse.GetValue(excitatory),
                    InhibitoryConnections = parse.GetValue(inhibitory),
                    Threshold = parse.GetValue(threshold),
                    LearningRule = parse.GetValue(rule) == "gamma" ? MarkOneLearningRule.Gamma : MarkOneLearningRule.ErrorCorrection,
                };
                o.Validate();
                return o;
            });
            string? folder = parse.GetValue(pictures);
            if (folder is not null && !Directory.Exists(folder))
                throw new DirectoryNotFoundException($"--pictures: the folder '{folder}' does not exist. help: create it first (mkdir -p {folder}).");
            var (train, test, what) = Load(parse.GetValue(task)!, images, parse.GetValue(noise), parse.GetValue(seed), parse.GetValue(dataDir));
            return Execute(cli, parse, parse.GetValue(task)!, options, train, test, what, parse.GetValue(output), folder);
        });
        return command;
    }

    /// <summary>Runs a library call, naming the CLI flag instead of the option property in any error.</summary>
    private static T Translate<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (ArgumentException ex)
        {
            string message = CliApp.UserMessage(ex);
            foreach (var (property, flag) in Flags)
                message = message.Replace(property, flag, StringComparison.Ordinal);
            throw new ArgumentException(message, ex);
        }
    }

    private static readonly (string Property, string Flag)[] Flags =
    [
        ("AssociationUnits", "--a-units"), ("ResponseUnits", "--r-units"), ("Epochs", "--epochs"), ("ExcitatoryConnections", "--excitatory"),
        ("InhibitoryConnections", "--inhibitory"), ("Threshold", "--threshold"), ("Noise", "--noise"), ("the default is 5 + 5", "the default is --excitatory 5 --inhibitory 5"),
    ];

    private static (RetinaDataset Train, RetinaDataset Test, string What) Load(string task, int count, double noise, int seed, string? dataDir)
    {
        if (task is "mnist" or "fashion")
        {
            if (noise != 0)
                throw new ArgumentException("--noise applies to the drawn tasks (shapes, letters), not to mnist or fashion. help: leave --noise out.");
            var train = task == "mnist" ? RetinaCrop.Mnist(dataDir, train: true) : RetinaCrop.FashionMnist(dataDir, train: true);
            var test = task == "mnist" ? RetinaCrop.Mnist(dataDir, train: false) : RetinaCrop.FashionMnist(dataDir, train: false);
            return (train, test, $"{(task == "mnist" ? "MNIST" : "Fashion-MNIST")}, centre 20×20 of each 28×28 image, lit where the grey value ≥ {RetinaCrop.DefaultThreshold}");
        }
        var options = Translate(() =>
        {
            var o = new RetinaTaskOptions { Count = count, Noise = noise, Seed = seed };
            o.Validate(task == "shapes" ? RetinaShapes.SmallestSize : RetinaLetters.SmallestSize);
            return o;
        });
        var all = task == "shapes" ? RetinaShapes.Generate(options) : RetinaLetters.Generate(options);
        var (tr, te) = all.Split(0.25, seed);
        string drawn = $"{string.Join(", ", all.ClassNames)} drawn one per image at random positions, {options.MinSize}–{options.MaxSize} points high" +
            (noise > 0 ? $", {CliFormat.Percent(noise)} of points flipped" : "");
        return (tr, te, drawn);
    }

    private static int Execute(CliContext cli, ParseResult parse, string task, MarkOneOptions options, RetinaDataset train, RetinaDataset test,
        string what, string? output, string? pictures)
    {
        bool json = cli.IsJson(parse);
        var machine = new MarkOnePerceptron<string>(options);
        string title = $"Mark I on {task}";
        if (!json)
        {
            cli.Console.WriteLine($"{title}: {options.RetinaWidth}×{options.RetinaHeight} retina, {options.AssociationUnits} A-units " +
                $"({options.ExcitatoryConnections} excitatory + {options.InhibitoryConnections} inhibitory wires, θ = {options.Threshold}), {options.ResponseUnits} R-units, " +
                $"{Rule(options.LearningRule)}, seed {options.Seed}");
            cli.Console.WriteLine($"Data: {train.Count} training and {test.Count} test images; {what}");
        }
        var passes = new List<MarkOneEpoch>();
        var report = Train(cli, json, title, options.Epochs, (progress, token) =>
            machine.Fit(train.Images, train.LabelNames(), new SyncProgress<MarkOneEpoch>(e => { passes.Add(e); progress.Report(e); }), token));

        var trainPredicted = machine.Predict(train.Images);
        var testPredicted = machine.Predict(test.Images);
        var trainLabels = train.LabelNames();
        var testLabels = test.LabelNames();
        double testAccuracy = Accuracy(testPredicted, testLabels);
        var classes = machine.Classes.Select((c, k) => new ClassRow(c, machine.Code.CodewordText(k),
            PerClass(trainPredicted, trainLabels, c), PerClass(testPredicted, testLabels, c), testLabels.Count(l => l == c))).ToArray();

        // Ctrl+C stops after the pass in progress; an interrupted run never replaces an existing --out file (as in 'train').
        bool interrupted = report.Cancelled || cli.Cancellation.IsCancellationRequested;
        string? saved = null;
        if (output is not null)
        {
            string target = interrupted && File.Exists(output)
                ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + ".interrupted.json")
                : output;
            ModelFile.Save(target, machine, new ModelSaveOptions { Metrics = new Dictionary<string, double> { ["test_accuracy"] = testAccuracy } });
            saved = Path.GetFullPath(target);
        }
        var written = pictures is null ? null : Pictures(pictures, machine, test);

        var document = new Document(task, options, train.Count, test.Count, what, machine.Code.Coding == ResponseCoding.OnePerClass ? "one-per-class" : "output-code",
            machine.Code.Describe(), machine.Code.MinimumDistance, classes,
            passes.Select(p => new PassRow(p.Epoch, p.Mistakes, p.Corrections, p.Elapsed.TotalSeconds)).ToArray(),
            report.Converged, report.CorrectionsPerUnit, report.MeanActiveUnits, report.TrainingAccuracy, testAccuracy, report.Summary, saved, written);
        int code = cli.Write(parse, document, console => Render(console, document));
        return interrupted ? ExitCodes.Interrupted : code;
    }

    private static MarkOneReport Train(CliContext cli, bool json, string title, int epochs, Func<IProgress<MarkOneEpoch>, CancellationToken, MarkOneReport> fit)
    {
        if (json)
            return fit(new SyncProgress<MarkOneEpoch>(_ => { }), cli.Cancellation);
        if (!cli.Console.Profile.Capabilities.Interactive || !cli.Console.Profile.Capabilities.Ansi)
        {
            int step = Math.Max(1, (int)Math.Ceiling(epochs / (double)TrainingProgress.PlainLines));
            return fit(new SyncProgress<MarkOneEpoch>(e =>
            {
                if (e.Epoch == 1 || e.Epoch % step == 0 || e.Epoch == e.TotalEpochs || e.Corrections == 0)
                    cli.Console.WriteLine(Line(e));
            }), cli.Cancellation);
        }
        MarkOneReport? report = null;
        cli.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask(Markup.Escape($"{title}: pass 0/{epochs}"), maxValue: epochs);
                report = fit(new SyncProgress<MarkOneEpoch>(e =>
                {
                    bar.Description = Markup.Escape(Line(e));
                    bar.Value = e.Corrections == 0 ? epochs : e.Epoch;
                }), cli.Cancellation);
                bar.StopTask();
            });
        return report!;
    }

    /// <summary>One pass, e.g. <c>pass 3/10  mistakes 412 of 1500 (27.47%)  corrections 903  0.01s</c>.</summary>
    private static string Line(MarkOneEpoch e) =>
        $"pass {e.Epoch}/{e.TotalEpochs}  mistakes {e.Mistakes} of {e.Images} ({CliFormat.Percent(e.Mistakes / (double)e.Images)})  corrections {e.Corrections}  " +
        $"{e.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s";

    private static IReadOnlyList<string> Pictures(string folder, MarkOnePerceptron<string> machine, RetinaDataset test)
    {
        var image = test.Images.Image(0);
        string label = test.ClassNames[test.Labels[0]];
        string predicted = machine.Predict(test.Images.Subset([0]))[0];
        var fires = machine.AUnitActivity(image);
        var b = machine.Plugboard;
        var unitNames = machine.Code.Coding == ResponseCoding.OnePerClass
            ? machine.Classes.ToArray()
            : Enumerable.Range(1, machine.Code.Units).Select(r => $"R{r}").ToArray();
        return
        [
            MarkOnePictures.Retina(Path.Combine(folder, "retina.png"), image, b.RetinaWidth, b.RetinaHeight,
                $"Retina ({b.RetinaWidth}×{b.RetinaHeight} photocells): a test image of '{label}', the machine says '{predicted}'"),
            MarkOnePictures.Plugboard(Path.Combine(folder, "plugboard.png"), b),
            MarkOnePictures.Activity(Path.Combine(folder, "a-units.png"), fires, $"A-unit activity for the '{label}' on the retina"),
            MarkOnePictures.ResponseWeights(Path.Combine(folder, "r-weights.png"), machine, unitNames),
            MarkOnePictures.ResponseRetina(Path.Combine(folder, "r-retina.png"), machine, unitNames),
        ];
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        var passes = CliTable.Create("pass", "mistakes", "corrections", "seconds");
        foreach (var p in d.Passes)
            passes.AddPlainRow(p.Pass.ToString(CultureInfo.InvariantCulture), p.Mistakes.ToString(CultureInfo.InvariantCulture),
                p.Corrections.ToString(CultureInfo.InvariantCulture), p.Seconds.ToString("0.000", CultureInfo.InvariantCulture));
        console.Write(passes);
        var table = CliTable.Create("class", "codeword (R1…)", "train accuracy", "test accuracy", "test images");
        foreach (var c in d.Classes)
            table.AddPlainRow(c.Class, c.Codeword, CliFormat.Percent(c.TrainAccuracy), CliFormat.Percent(c.TestAccuracy), c.TestImages.ToString(CultureInfo.InvariantCulture));
        table.AddPlainRow("all", "", CliFormat.Percent(d.TrainAccuracy), CliFormat.Percent(d.TestAccuracy), d.TestImages.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        console.WriteLine($"R-unit coding: {d.CodingDescription}.");
        console.WriteLine($"A-units firing per training image: {d.MeanActiveAUnits.ToString("0.0", CultureInfo.InvariantCulture)} of {d.Options.AssociationUnits} on average.");
        console.WriteLine(d.Summary);
        if (d.Model is not null)
            console.WriteLine($"Saved the machine (plugboard, code, weights) to {Path.GetRelativePath(Environment.CurrentDirectory, d.Model)}");
        if (d.Pictures is not null)
            console.WriteLine($"Wrote {string.Join(", ", d.Pictures.Select(p => Path.GetRelativePath(Environment.CurrentDirectory, p)))}");
    }

    private static string Rule(MarkOneLearningRule rule) => rule == MarkOneLearningRule.Gamma ? "γ-system error correction" : "α-system error correction";

    private static double Accuracy(string[] predicted, string[] labels) => predicted.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Length;

    private static double PerClass(string[] predicted, string[] labels, string c)
    {
        int n = 0, right = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != c) continue;
            n++;
            if (predicted[i] == c) right++;
        }
        return n == 0 ? double.NaN : right / (double)n;
    }

    /// <summary>One class's row: codeword and accuracy.</summary>
    internal sealed record ClassRow(string Class, string Codeword, double TrainAccuracy, double TestAccuracy, int TestImages);

    /// <summary>One pass over the training images.</summary>
    internal sealed record PassRow(int Pass, int Mistakes, int Corrections, double Seconds);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(
        string Task, MarkOneOptions Options, int TrainImages, int TestImages, string Data, string Coding, string CodingDescription, int MinimumDistance,
        IReadOnlyList<ClassRow> Classes, IReadOnlyList<PassRow> Passes, bool Converged, IReadOnlyList<int> CorrectionsPerUnit, double MeanActiveAUnits,
        double TrainAccuracy, double TestAccuracy, string Summary, string? Model, IReadOnlyList<string>? Pictures);
}

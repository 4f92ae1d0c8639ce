using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rosenblatt.Data.Retina;
using Rosenblatt.Linear;
using Rosenblatt.MarkOne;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;

namespace Rosenblatt.Benchmarks;

/// <summary>`mark-one-study [data-dir] [out-dir]`: the figures of docs/mark-one.md — the Mark I against later models, A-units 64…8192, the wiring sweep, where it fails.</summary>
/// <remarks>
/// Everything is seeded; the drawn tasks are 4,000 images (3,000 train, 1,000 test), MNIST and Fashion-MNIST their own 60,000/10,000.
/// Passes: 20 for the drawn tasks, 5 for MNIST and Fashion-MNIST (to keep the whole study to a few minutes on a shared machine).
/// Writes study.json and the plots into out-dir and prints Markdown tables.
/// </remarks>
public static class MarkOneStudy
{
    private static readonly string[] TaskNames = ["shapes", "letters", "mnist", "fashion"];

    public static void Run(string[] args)
    {
        string? dir = args.Length > 0 ? args[0] : null;
        string outDir = args.Length > 1 ? args[1] : "docs";
        Directory.CreateDirectory(outDir);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Mark I study, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {Load()}");
        var tasks = TaskNames.ToDictionary(t => t, t => LoadTask(t, dir));
        var results = new Dictionary<string, object>();

        // 1. The machine against what came after.
        Console.WriteLine("\n| task | Mark I 512 A, 8 R | perceptron on the raw retina | logistic regression | MLP (hidden units) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var comparison = new List<object>();
        foreach (var (name, (train, test)) in tasks)
        {
            var clock = Stopwatch.StartNew();
            int passes = Passes(name);
            var (markAcc, markTrain, markWeights, coding) = MarkOne(train, test, new MarkOneOptions { Epochs = passes, Seed = 1 });
            double perceptron = Perceptron(train, test, passes);
            int k = train.ClassNames.Count;
            double logistic = Logistic(train, test, passes);
            int hidden = Math.Max(1, (int)Math.Round((markWeights - k) / (double)(train.Images.Points + 1 + k)));
            double mlp = Mlp(train, test, hidden, passes);
            int mlpWeights = (train.Images.Points + 1) * hidden + (hidden + 1) * k;
            int linearWeights = (train.Images.Points + 1) * (k == 2 ? 1 : k);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {P(markAcc)} ({markWeights:N0} weights, train {P(markTrain)}) | {P(perceptron)} ({linearWeights:N0}) | {P(logistic)} ({linearWeights:N0}) | {P(mlp)} ({hidden}; {mlpWeights:N0}) |"));
            comparison.Add(new { task = name, passes, markOne = markAcc, markOneTrain = markTrain, markOneWeights = markWeights, coding, perceptron, logistic, mlp, mlpHidden = hidden, mlpWeights, linearWeights, seconds = clock.Elapsed.TotalSeconds });
        }
        results["comparison"] = comparison;

        // 1b. The output code's price: 10 classes on the machine's 8 R-units, or on 10 (one per class).
        Console.WriteLine("\n| task | 8 R-units, output code | 10 R-units, one per class |");
        Console.WriteLine("|---|---:|---:|");
        var codingRows = new List<object>();
        foreach (var name in new[] { "mnist", "fashion" })
        {
            var (train, test) = tasks[name];
            double code = MarkOne(train, test, new MarkOneOptions { Epochs = Passes(name), Seed = 1 }).Test;
            double onePerClass = MarkOne(train, test, new MarkOneOptions { Epochs = Passes(name), Seed = 1, ResponseUnits = 10 }).Test;
            Console.WriteLine($"| {name} | {P(code)} | {P(onePerClass)} |");
            codingRows.Add(new { task = name, outputCode = code, onePerClass });
        }
        results["coding"] = codingRows;

        // 2. A-units 64 … 8192.
        int[] sizes = [64, 128, 256, 512, 1024, 2048, 4096, 8192];
        Console.WriteLine("\n| task | " + string.Join(" | ", sizes) + " |");
        Console.WriteLine("|---|" + string.Concat(sizes.Select(_ => "---:|")));
        var growth = new Dictionary<string, double[]>();
        foreach (var (name, (train, test)) in tasks)
        {
            growth[name] = sizes.Select(a => MarkOne(train, test, new MarkOneOptions { AssociationUnits = a, Epochs = Passes(name), Seed = 1 }).Test).ToArray();
            Console.WriteLine($"| {name} | " + string.Join(" | ", growth[name].Select(P)) + " |");
        }
        results["aUnits"] = new { sizes, accuracy = growth };
        StudyPlots.AUnits(Path.Combine(outDir, "mark-one-a-units.png"), sizes, growth);

        // 3. The wiring the record does not give: wires per unit, their ± split, the threshold.
        (int E, int I, int T)[] wirings = [(1, 0, 1), (2, 0, 1), (2, 0, 2), (4, 0, 2), (3, 3, 1), (5, 5, 1), (5, 5, 2), (5, 5, 3), (10, 10, 2), (10, 10, 4), (16, 15, 3), (20, 20, 4)];
        string[] sweepTasks = ["shapes", "letters", "mnist"];
        Console.WriteLine("\n| excitatory + inhibitory, θ | " + string.Join(" | ", sweepTasks) + " | A-units firing (mnist) |");
        Console.WriteLine("|---|" + string.Concat(sweepTasks.Select(_ => "---:|")) + "---:|");
        var sweep = new List<object>();
        foreach (var (e, i, t) in wirings)
        {
            var row = new List<double>();
            double firing = 0;
            foreach (var name in sweepTasks)
            {
                var (train, test) = tasks[name];
                var machine = new MarkOnePerceptron(new MarkOneOptions { ExcitatoryConnections = e, InhibitoryConnections = i, Threshold = t, Epochs = Passes(name), Seed = 1 });
                machine.Fit(train.Images, train.Labels);
                row.Add(machine.Score(test.Images, test.Labels));
                firing = machine.Report.MeanActiveUnits;
            }
            Console.WriteLine($"| {e} + {i}, θ = {t} | " + string.Join(" | ", row.Select(P)) + " | " + firing.ToString("F0", CultureInfo.InvariantCulture) + " |");
            sweep.Add(new { excitatory = e, inhibitory = i, threshold = t, accuracy = sweepTasks.Zip(row).ToDictionary(p => p.First, p => p.Second), firingMnist = firing });
        }
        results["wiring"] = sweep;

        // 4. Where it fails, and where it was shown: translation, E vs F from 60 images, the rule.
        results["failures"] = Failures(tasks);
        results["rules"] = Rules(tasks);

        results["seconds"] = total.Elapsed.TotalSeconds;
        results["load"] = Load();
        File.WriteAllText(Path.Combine(outDir, "mark-one-study.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"\nwhole study: {total.Elapsed.TotalSeconds:F0} s; load average {Load()}");
    }

    private static object Failures(Dictionary<string, (RetinaDataset Train, RetinaDataset Test)> tasks)
    {
        Console.WriteLine("\n| experiment | Mark I 512 A | MLP, same trained weights |");
        Console.WriteLine("|---|---:|---:|");
        var rows = new List<object>();
        void Row(string what, RetinaDataset train, RetinaDataset test, int passes)
        {
            var mark = MarkOne(train, test, new MarkOneOptions { Epochs = passes, Seed = 1 });
            int k = train.ClassNames.Count;
            int hidden = Math.Max(1, (int)Math.Round((mark.Weights - k) / (double)(train.Images.Points + 1 + k)));
            double mlp = Mlp(train, test, hidden, passes);
            Console.WriteLine($"| {what} | {P(mark.Test)} (train {P(mark.Train)}) | {P(mlp)} |");
            rows.Add(new { experiment = what, markOne = mark.Test, markOneTrain = mark.Train, mlp });
        }
        var centred = Centred(4000, 1).Split(0.25, 1);
        Row("shapes, one size each, centred (no translation)", centred.Train, centred.Test, 20);
        var fixedSize = Sized(4000, 1).Split(0.25, 1);
        Row("shapes of one size (10) anywhere: every position seen in training", fixedSize.Train, fixedSize.Test, 20);
        var (left, right) = Translated(4000, 1);
        Row("shapes of one size (8) trained in the left half, tested in the right half", left, right, 20);
        Row("shapes anywhere, sizes 7-14 (the task above)", tasks["shapes"].Train, tasks["shapes"].Test, 20);
        var ef = RetinaLetters.Generate(new RetinaTaskOptions { Count = 1060, Seed = 3 }, "EF");
        var efTrain = ef.Subset(Enumerable.Range(0, 60).ToArray(), "ef-train");
        var efTest = ef.Subset(Enumerable.Range(60, 1000).ToArray(), "ef-test");
        Row("E vs F, 60 training images, anywhere", efTrain, efTest, 20);
        var efCentred = Centred(1060, 3, letters: true);
        Row("E vs F, 60 training images, centred", efCentred.Subset(Enumerable.Range(0, 60).ToArray()), efCentred.Subset(Enumerable.Range(60, 1000).ToArray()), 20);
        var parity = Parity(4000, 1).Split(0.25, 1);
        Row("odd or even number of lit points (parity)", parity.Train, parity.Test, 20);
        return rows;
    }

    private static object Rules(Dictionary<string, (RetinaDataset Train, RetinaDataset Test)> tasks)
    {
        Console.WriteLine("\n| task | α error correction | γ error correction |");
        Console.WriteLine("|---|---:|---:|");
        var rows = new List<object>();
        foreach (var name in new[] { "shapes", "letters", "mnist" })
        {
            var (train, test) = tasks[name];
            double alpha = MarkOne(train, test, new MarkOneOptions { Epochs = Passes(name), Seed = 1 }).Test;
            double gamma = MarkOne(train, test, new MarkOneOptions { Epochs = Passes(name), Seed = 1, LearningRule = MarkOneLearningRule.Gamma }).Test;
            Console.WriteLine($"| {name} | {P(alpha)} | {P(gamma)} |");
            rows.Add(new { task = name, alpha, gamma });
        }
        return rows;
    }

    /// <summary>Shapes (or E/F) of one size per image (7–14), centred on the retina: the forms without their positions.</summary>
    private static RetinaDataset Centred(int count, long seed, bool letters = false)
    {
        var random = new Randomness.SeededRandom(seed);
        string[] names = letters ? ["E", "F"] : [.. RetinaShapes.ClassNames];
        var pixels = new byte[count * 400];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            labels[n] = n % names.Length;
            int size = 7 + random.NextInt(8);
            var image = pixels.AsSpan(n * 400, 400);
            if (letters)
                RetinaLetters.Draw(image, 20, names[labels[n]][0], (20 - size) / 2, (20 - RetinaLetters.WidthFor(size)) / 2, size);
            else
                RetinaShapes.Draw(image, 20, labels[n], (20 - size) / 2, (20 - size) / 2, size);
        }
        return new RetinaDataset("centred", new RetinaImages(count, 20, 20, pixels), labels, names);
    }

    /// <summary>Shapes of size 8 whose box starts in columns 0–5 (training) or 7–12 (test): positions never seen in training.</summary>
    private static (RetinaDataset Train, RetinaDataset Test) Translated(int count, long seed)
    {
        var random = new Randomness.SeededRandom(seed);
        RetinaDataset Draw(int n, int firstColumn)
        {
            var pixels = new byte[n * 400];
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = i % 4;
                RetinaShapes.Draw(pixels.AsSpan(i * 400, 400), 20, labels[i], random.NextInt(13), firstColumn + random.NextInt(6), 8);
            }
            return new RetinaDataset("translated", new RetinaImages(n, 20, 20, pixels), labels, RetinaShapes.ClassNames);
        }
        return (Draw(count * 3 / 4, 0), Draw(count / 4, 7));
    }

    /// <summary>Shapes of size 10 anywhere on the retina: translation without a change of size.</summary>
    private static RetinaDataset Sized(int count, long seed) =>
        RetinaShapes.Generate(new RetinaTaskOptions { Count = count, Seed = seed, MinSize = 10, MaxSize = 10 });

    /// <summary>Random retinas (each point lit with probability 0.1), labelled by the parity of the lit count: Minsky and Papert's example of a predicate no bounded-order perceptron computes.</summary>
    private static RetinaDataset Parity(int count, long seed)
    {
        var random = new Randomness.SeededRandom(seed);
        var pixels = new byte[count * 400];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            int lit = 0;
            for (int p = 0; p < 400; p++)
                if (random.NextDouble() < 0.1) { pixels[n * 400 + p] = 1; lit++; }
            labels[n] = lit % 2;
        }
        return new RetinaDataset("parity", new RetinaImages(count, 20, 20, pixels), labels, ["even", "odd"]);
    }

    private static int Passes(string task) => task is "mnist" or "fashion" ? 5 : 20;

    private static (RetinaDataset, RetinaDataset) LoadTask(string name, string? dir) => name switch
    {
        "shapes" => RetinaShapes.Generate(new RetinaTaskOptions { Count = 4000, Seed = 1 }).Split(0.25, 1),
        "letters" => RetinaLetters.Generate(new RetinaTaskOptions { Count = 4000, Seed = 1 }).Split(0.25, 1),
        "mnist" => (RetinaCrop.Mnist(dir, true), RetinaCrop.Mnist(dir, false)),
        _ => (RetinaCrop.FashionMnist(dir, true), RetinaCrop.FashionMnist(dir, false)),
    };

    private static (double Test, double Train, int Weights, string Coding) MarkOne(RetinaDataset train, RetinaDataset test, MarkOneOptions options)
    {
        var machine = new MarkOnePerceptron(options);
        var report = machine.Fit(train.Images, train.Labels);
        return (machine.Score(test.Images, test.Labels), report.TrainingAccuracy, machine.Weights.Length + machine.Biases.Length, machine.Code.Describe());
    }

    private static double Perceptron(RetinaDataset train, RetinaDataset test, int passes)
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = passes, Shuffle = true, Seed = 1, AnalyzeSeparability = false });
        p.Fit(ToMatrix(train.Images), train.Labels);
        return p.Score(ToMatrix(test.Images), test.Labels);
    }

    private static double Logistic(RetinaDataset train, RetinaDataset test, int passes)
    {
        var m = new LogisticRegression(new LogisticRegressionOptions { Optimizer = "adam", LearningRate = 0.01, BatchSize = 64, MaxEpochs = passes, Seed = 1 });
        m.Fit(train.Images.ToRows(), train.Labels);
        return m.Score(test.Images.ToRows(), test.Labels);
    }

    private static double Mlp(RetinaDataset train, RetinaDataset test, int hidden, int passes)
    {
        var m = new MlpClassifier(new MlpOptions { HiddenLayers = [hidden], Epochs = passes, BatchSize = 32, LearningRate = 0.003, Seed = 1 });
        m.Fit(train.Images.ToRows(), train.Labels);
        return m.Score(test.Images.ToRows(), test.Labels);
    }

    private static Matrix ToMatrix(RetinaImages images)
    {
        var m = new Matrix(images.Count, images.Points);
        var span = m.AsSpan();
        for (int i = 0; i < images.Pixels.Length; i++) span[i] = images.Pixels[i];
        return m;
    }

    private static string P(double accuracy) => (accuracy * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}

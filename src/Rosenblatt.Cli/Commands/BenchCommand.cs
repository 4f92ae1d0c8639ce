using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Rosenblatt.Activations;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Rosenblatt.Initializers;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt bench</c>: the macro benchmarks, the same work as the peer scripts in NumPy, PyTorch and scikit-learn.</summary>
/// <remarks>
/// <para>Three workloads, each timed the way its peer script times itself (training only: loading and test
/// evaluation are outside the clock):</para>
/// <list type="bullet">
/// <item><c>mnist</c>: 784-128-10, ReLU, softmax + cross-entropy, SGD lr 0.1, batch 128, shuffled every epoch,
/// PyTorch's <c>nn.Linear</c> initialization U(±1/√fan_in) for weights and biases; pixels / 255. The images stay
/// bytes in memory and are scaled as each batch is gathered. Prints each epoch's seconds and test accuracy
/// (<c>mnist_mlp.py</c>).</item>
/// <item><c>xor</c>: seed 002 replayed, 2-4-1 sigmoid, NumPy's seed 42, lr 1.0 in the script's convention,
/// 10,000 full-batch epochs; one run is the whole replay (<c>xor_numpy.py</c>). Three untimed replays first compile
/// the code (the JIT costs about twenty replays, and the script's Python has nothing like it). A full garbage
/// collection before each run, as BenchmarkDotNet does between iterations, hands it memory already in use: a
/// replay records 10,000 epochs of history (about 250 KB, large-object heap), and without it the first runs of
/// a process paid about 60 page faults each on fresh pages (10 µs apiece on the benchmark machine, 0.6 ms a run)
/// and a later run paid the gen-2 collection those allocations triggered.</item>
/// <item><c>perceptron</c>: Rosenblatt's perceptron one-vs-rest on MNIST, lr 1, zero weights, shuffled
/// (scikit-learn's <c>Perceptron</c> defaults, <c>mnist_linear.py --model perceptron</c>).</item>
/// </list>
/// <para>Each run starts from the same seed, so <c>--repeat</c> gives a median over identical work. Peak
/// memory is the process's peak working set (VmHWM), runtime included.</para>
/// </remarks>
internal static class BenchCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "bench";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Time a training workload (mnist, xor, perceptron): seconds per epoch, median, accuracy, peak memory.";

    private const int Hidden = 128, BatchSize = 128;
    private const double MnistLearningRate = 0.1;
    private const int WarmupReplays = 3;

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var workload = new Argument<string>("workload") { Description = "What to run: mnist (784-128-10 MLP), xor (seed 002 replay) or perceptron (one-vs-rest on MNIST)." };
        workload.AcceptOnlyFromAmong("mnist", "xor", "perceptron");
        var epochs = new Option<int?>("--epochs") { Description = "Epochs per run (default: 1 for mnist and perceptron, 10000 for xor)." };
        var threads = new Option<int>("--threads") { Description = "Threads the engine may use.", DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount) };
        var dataDir = new Option<string?>("--data-dir") { Description = $"The folder holding mnist/ (default: ${DataDirectory.EnvironmentVariable}, then ./data).", HelpName = "folder" };
        var repeat = new Option<int>("--repeat") { Description = "Runs, each from the same seed; the median is over all of them.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "The seed for initialization and shuffling.", DefaultValueFactory = _ => 0 };
        var noWarmup = new Option<bool>("--no-warmup") { Description = "Skip the untimed warm-up, so the first timed run also pays the JIT compilation (a cold start)." };

        var command = new Command(Name, Description)
        {
            workload, epochs, threads, dataDir, repeat, seed, noWarmup,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(workload)!;
            int epochCount = parse.GetValue(epochs) ?? (name == "xor" ? 10_000 : 1);
            var settings = new Settings(name, epochCount, parse.GetValue(threads), parse.GetValue(repeat), parse.GetValue(seed), parse.GetValue(dataDir), !parse.GetValue(noWarmup));
            Validate(settings);
            int previous = Parallelism.MaxThreads;
            Parallelism.MaxThreads = settings.Threads;
            try
            {
                // An MNIST workload says each step as it goes (loading, warm-up, each timed run and epoch): a live status on a
                // terminal, a line each otherwise, all outside the timed spans. The XOR replays take milliseconds.
                var document = name == "xor" ? Xor(settings) : PhaseStatus.Run(cli, cli.IsJson(parse),
                    "Loading MNIST" + (settings.Warmup && name == "mnist" ? " (warming up on 640 random images meanwhile)" : ""), "Timed",
                    phase => name == "mnist" ? Mnist(settings, phase.Say) : PerceptronOneVsRest(settings, phase.Say));
                return cli.Write(parse, document, console => Render(console, document));
            }
            finally
            {
                Parallelism.MaxThreads = previous;
            }
        });
        return command;
    }

    private static void Validate(Settings s)
    {
        if (s.Epochs < 1 || s.Epochs > 1_000_000)
            throw new ArgumentException($"--epochs must be 1 to 1000000 (received {s.Epochs}). help: mnist and perceptron take 1 to 5, xor 10000.");
        if (s.Threads < 1 || s.Threads > 256)
            throw new ArgumentException($"--threads must be 1 to 256 (received {s.Threads}). help: use the machine's core count, {Environment.ProcessorCount}.");
        if (s.Repeat < 1 || s.Repeat > 1000)
            throw new ArgumentException($"--repeat must be 1 to 1000 (received {s.Repeat}). help: 3 to 7 runs give a steady median.");
    }

    private static Document Mnist(Settings s, Action<string> say)
    {
        // An untimed one-epoch fit of the same network on 640 random images, then a test pass over them, compiles every
        // method an epoch calls (about 0.1 s of JIT, more than half an epoch) on another thread while the data loads.
        var warmup = s.Warmup ? Task.Run(() => WarmUpMnist(s.Seed)) : null;
        var (train, trainLabels, test, testLabels) = LoadMnist(s.DataDir);
        double warmupSeconds = warmup?.GetAwaiter().GetResult() ?? 0;
        var targets = OneHot.Encode(trainLabels, 10);
        var rows = new List<EpochRow>();
        double trainLoss = 0;
        for (int run = 1; run <= s.Repeat; run++)
        {
            say($"run {run}/{s.Repeat} ...");
            var network = new Network(train.PixelsPerImage, [TorchLinear(Hidden, Relu.Instance, train.PixelsPerImage), TorchLinear(10, Softmax.Instance, Hidden)], s.Seed);
            var trainer = new Trainer(new TrainerOptions { Epochs = s.Epochs, BatchSize = BatchSize, Shuffle = true, Seed = s.Seed });
            var progress = new EpochTimer(record =>
            {
                double accuracy = TestAccuracy(network, test, testLabels);
                trainLoss = record.Loss;
                return new EpochRow(run, record.Epoch, 0, accuracy, record.Loss);
            }, rows, row => say($"run {row.Run}/{s.Repeat}, epoch {row.Epoch}/{s.Epochs}: {row.Seconds.ToString("0.0000", CultureInfo.InvariantCulture)} s, test accuracy {row.TestAccuracy.ToString("0.0000", CultureInfo.InvariantCulture)}"));
            trainer.Fit(network, CategoricalCrossEntropy.Instance, new Sgd(MnistLearningRate), train, targets, progress);
        }
        string what = $"MNIST {train.PixelsPerImage}-{Hidden}-10 (relu, softmax + cross-entropy), sgd lr {N(MnistLearningRate)}, batch {BatchSize}, {train.Count} images, pixels/255 gathered from bytes, " +
                      (s.Warmup ? $"after an untimed warm-up fit on 640 random images, run while the data loaded ({warmupSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s)"
                                : "cold: no warm-up, so the first epoch includes the JIT compilation");
        return Summarize(s, what, rows, rows[^1].TestAccuracy, $"train loss {trainLoss.ToString("0.0000", CultureInfo.InvariantCulture)}", null);
    }

    /// <summary>Trains the MNIST network for one epoch on 640 random 28×28 images and scores it on them; returns the seconds taken.</summary>
    private static double WarmUpMnist(int seed)
    {
        var clock = Stopwatch.StartNew();
        const int count = 5 * BatchSize, side = 28, pixels = side * side;
        var random = new Random(seed);
        var bytes = new byte[count * pixels];
        random.NextBytes(bytes);
        var images = new IdxImages(count, side, side, bytes);
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(10)).ToArray();
        var network = new Network(pixels, [TorchLinear(Hidden, Relu.Instance, pixels), TorchLinear(10, Softmax.Instance, Hidden)], seed);
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = BatchSize, Shuffle = true, Seed = seed })
            .Fit(network, CategoricalCrossEntropy.Instance, new Sgd(MnistLearningRate), images, OneHot.Encode(labels, 10));
        TestAccuracy(network, images, labels);
        return clock.Elapsed.TotalSeconds;
    }

    private static Document Xor(Settings s)
    {
        var x = Matrix.FromRows(LogicGate.Xor.X);
        var y = new Matrix(4, 1, LogicGate.Xor.Y.Select(v => (float)v).ToArray());
        float[] predictions = [];
        double loss = 0;
        EpochRow Replay(int run)
        {
            var network = new Network(2, new Dense(4, Sigmoid.Instance), new Dense(1, Sigmoid.Instance));
            network.InitializeLikeNumPy(42, 0.5);
            // The script's lr 1.0 on the gradient of ½·mean((a − y)²) is lr 0.5 on Rosenblatt's mean((a − y)²).
            var trainer = new Trainer(new TrainerOptions { Epochs = s.Epochs, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
            GC.Collect(); // untimed: the run starts on a collected heap and reuses the last run's history memory
            var cpu = CpuTime();
            var clock = Stopwatch.StartNew();
            var history = trainer.Fit(network, MeanSquaredError.Instance, new Sgd(0.5), x, y);
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (CpuTime() - cpu).TotalSeconds;
            predictions = network.Predict(x).AsSpan().ToArray();
            loss = history.Last.Loss;
            double accuracy = predictions.Select((p, i) => (p >= 0.5f ? 1 : 0) == LogicGate.Xor.Y[i]).Count(ok => ok) / 4.0;
            return new EpochRow(run, s.Epochs, seconds, accuracy, loss) { CpuSeconds = cpuSeconds };
        }

        // Untimed replays first, the same code as the timed ones: the JIT compiles every method they call (about
        // 0.07 s, twenty replays), and the heap holds the memory a replay's history takes when it is collected.
        var warmup = Stopwatch.StartNew();
        for (int run = 0; s.Warmup && run < WarmupReplays; run++)
            Replay(0);
        double warmupSeconds = warmup.Elapsed.TotalSeconds;
        var rows = new List<EpochRow>();
        for (int run = 1; run <= s.Repeat; run++)
            rows.Add(Replay(run));
        string what = $"seed 002 XOR replay: 2-4-1 sigmoid, numpy seed 42, lr 1.0 (script convention), {s.Epochs} full-batch epochs per run, " +
                      (s.Warmup ? $"after {WarmupReplays} untimed replays that compile the code ({warmupSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s)"
                                : "cold: no warm-up, so the first run includes the JIT compilation");
        // Said as what they are: the outputs after the last update, and the loss the last epoch measured before it (the
        // script prints its last forward pass, 0.9747 for the third output: see 'rosenblatt mlp' and demo).
        string detail = $"after the last update {CliFormat.Vector(predictions.Select(p => Math.Round((double)p, 4)))}; last epoch's loss {loss.ToString("0.000e0", CultureInfo.InvariantCulture)}";
        return Summarize(s, what, rows, rows[^1].TestAccuracy, detail, predictions.Select(p => (double)p).ToArray());
    }

    private static Document PerceptronOneVsRest(Settings s, Action<string> say)
    {
        var (train, trainLabels, test, testLabels) = LoadMnist(s.DataDir);
        var xTest = test.ToMatrix();
        var rows = new List<EpochRow>();
        // An untimed one-epoch fit on the first 1,000 images compiles every method the fit calls, so the timed runs measure
        // the training, not the JIT (about 0.1 s, more than a whole epoch).
        int warmupCount = Math.Min(1000, train.Count);
        var warmupImages = new IdxImages(warmupCount, train.Rows, train.Columns, train.Pixels.AsSpan(0, warmupCount * train.PixelsPerImage).ToArray());
        var warmup = Stopwatch.StartNew();
        if (s.Warmup)
        {
            say($"warming up on {warmupCount} images ...");
            new Perceptron<int>(new PerceptronOptions { LearningRate = 1, MaxEpochs = 1, Shuffle = true, Seed = s.Seed, AnalyzeSeparability = false })
                .Fit(warmupImages, trainLabels.AsSpan(0, warmupCount).ToArray());
        }
        double warmupSeconds = warmup.Elapsed.TotalSeconds;
        for (int run = 1; run <= s.Repeat; run++)
        {
            // The separability analysis is for small data (it proves XOR has no separator); on MNIST it only costs time.
            var perceptron = new Perceptron<int>(new PerceptronOptions { LearningRate = 1, MaxEpochs = s.Epochs, Shuffle = true, Seed = s.Seed, AnalyzeSeparability = false });
            say($"run {run}/{s.Repeat} ...");
            var cpu = CpuTime();
            var clock = Stopwatch.StartNew();
            perceptron.Fit(train, trainLabels);
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (CpuTime() - cpu).TotalSeconds;
            double accuracy = perceptron.Score(xTest, testLabels);
            rows.Add(new EpochRow(run, perceptron.EpochsRun, seconds / perceptron.EpochsRun, accuracy, null) { CpuSeconds = cpuSeconds / perceptron.EpochsRun });
            say($"run {run}/{s.Repeat}: {rows[^1].Seconds.ToString("0.0000", CultureInfo.InvariantCulture)} s per epoch, test accuracy {accuracy.ToString("0.0000", CultureInfo.InvariantCulture)}");
        }
        string what = $"perceptron one-vs-rest on MNIST: 10 units, lr 1, zero weights, shuffled, {train.Count} images, float32 from bytes (pixel/255), " +
                      "separability analysis off; seconds are the whole fit (with its final training-set score) per epoch, " +
                      (s.Warmup ? $"after an untimed one-epoch warm-up fit on {warmupCount} images that compiles the code ({warmupSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s)"
                                : "cold: no warm-up, so the first run includes the JIT compilation");
        return Summarize(s, what, rows, rows[^1].TestAccuracy, null, null);
    }

    private static Document Summarize(Settings s, string what, List<EpochRow> rows, double accuracy, string? detail, double[]? predictions)
    {
        var seconds = rows.Select(r => r.Seconds).Order().ToArray();
        double median = seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[seconds.Length / 2 - 1] + seconds[seconds.Length / 2]) / 2;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        double peakMb = process.PeakWorkingSet64 / 1e6;
        double heapMb = GC.GetGCMemoryInfo().HeapSizeBytes / 1e6;
        return new Document("bench", s.Workload, what, s, Machine(), rows, median, accuracy,
            Math.Round(peakMb, 1), Math.Round(heapMb, 1), detail, predictions);
    }

    private static (IdxImages Train, int[] TrainLabels, IdxImages Test, int[] TestLabels) LoadMnist(string? directory)
    {
        var (train, trainLabels) = LoadSet(directory, "train");
        var (test, testLabels) = LoadSet(directory, "t10k");
        if (test.PixelsPerImage != train.PixelsPerImage)
            throw new InvalidDataException($"the MNIST test images are {test.Rows}×{test.Columns} but the training images are {train.Rows}×{train.Columns}. help: the files are from different sets; download both again.");
        return (train, trainLabels, test, testLabels);
    }

    /// <summary>One half of MNIST as bytes, read by the library's loader (<see cref="Data.Mnist.Load"/>), as <c>train</c> reads it.</summary>
    private static (IdxImages Images, int[] Labels) LoadSet(string? directory, string prefix)
    {
        var set = Data.Mnist.Load(directory, train: prefix == "train");
        if (set.Count == 0)
            throw new InvalidDataException($"the MNIST {prefix} files hold no images. help: download the MNIST files again (rosenblatt data fetch mnist).");
        return (set.Images!, set.Labels);
    }

    /// <summary>A dense layer initialized as PyTorch's <c>nn.Linear</c>: weights and biases U(−1/√fan_in, 1/√fan_in).</summary>
    private static Dense TorchLinear(int units, Activation activation, int fanIn)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        return new Dense(units, activation, new UniformInitializer(-bound, bound), new UniformInitializer(-bound, bound));
    }

    /// <summary>Test accuracy in chunks gathered from the bytes into one reused buffer: no float copy of the test set.</summary>
    private static double TestAccuracy(Network network, IdxImages test, int[] labels)
    {
        const int chunk = 1000;
        var buffer = new float[Math.Min(chunk, test.Count) * test.PixelsPerImage];
        var indices = new int[Math.Min(chunk, test.Count)];
        int correct = 0;
        for (int start = 0; start < test.Count; start += chunk)
        {
            int count = Math.Min(chunk, test.Count - start);
            for (int i = 0; i < count; i++)
                indices[i] = start + i;
            test.GatherRows(indices.AsSpan(0, count), buffer);
            var outputs = network.Forward(buffer, count);
            for (int r = 0; r < count; r++)
            {
                if (outputs.AsSpan(r * 10, 10).IndexOfMax() == labels[start + r])
                    correct++;
            }
        }
        return (double)correct / test.Count;
    }

    private static int IndexOfMax(this Span<float> row) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax<float>(row);

    /// <summary>The machine in one line: CPU model, logical cores, vector extensions, runtime, OS.</summary>
    internal static string Machine()
    {
        string cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        var isa = new List<string>();
        if (Avx2.IsSupported) isa.Add("AVX2");
        if (Fma.IsSupported) isa.Add("FMA");
        if (Avx512F.IsSupported) isa.Add("AVX-512F");
        if (isa.Count == 0) isa.Add("no AVX2");
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {string.Join(" ", isa)}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";
    }

    private static void Render(IAnsiConsole console, Document d)
    {
        console.WriteLine($"bench {d.Workload}: {d.What}");
        console.WriteLine($"threads {d.Settings.Threads}, seed {d.Settings.Seed}, {d.Settings.Repeat} run(s)");
        console.WriteLine($"machine: {d.Machine}");
        bool xor = d.Workload == "xor";
        var table = CliTable.Create("run", xor ? "epochs" : "epoch", xor ? "seconds (whole run)" : "seconds", "cpu seconds", xor ? "accuracy" : "test accuracy");
        foreach (var r in d.Runs)
            table.AddPlainRow(r.Run.ToString(CultureInfo.InvariantCulture), r.Epoch.ToString(CultureInfo.InvariantCulture),
                r.Seconds.ToString("0.0000", CultureInfo.InvariantCulture), r.CpuSeconds.ToString("0.0000", CultureInfo.InvariantCulture),
                r.TestAccuracy.ToString("0.0000", CultureInfo.InvariantCulture));
        console.Write(table);
        if (d.Detail is not null)
            console.WriteLine(d.Detail);
        console.WriteLine($"median: {d.MedianSeconds.ToString("0.0000", CultureInfo.InvariantCulture)} s · {(xor ? "accuracy" : "test accuracy")}: {d.FinalAccuracy.ToString("0.0000", CultureInfo.InvariantCulture)} · " +
                          $"peak memory: {d.PeakWorkingSetMb.ToString("0", CultureInfo.InvariantCulture)} MB (working set), GC heap {d.GcHeapMb.ToString("0", CultureInfo.InvariantCulture)} MB");
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Times each epoch from the trainer's clock, leaving out the time this callback spends testing and saying the result.</summary>
    private sealed class EpochTimer(Func<EpochRecord, EpochRow> evaluate, List<EpochRow> rows, Action<EpochRow> said) : IProgress<EpochRecord>
    {
        private TimeSpan _last = TimeSpan.Zero;
        private TimeSpan _excluded = TimeSpan.Zero;
        private TimeSpan _cpu = CpuTime();

        public void Report(EpochRecord value)
        {
            var clock = Stopwatch.StartNew();
            var cpu = CpuTime();
            double seconds = (value.Elapsed - _excluded - _last).TotalSeconds;
            _last = value.Elapsed - _excluded;
            var row = evaluate(value) with { Seconds = seconds, CpuSeconds = (cpu - _cpu).TotalSeconds };
            rows.Add(row);
            said(row);
            _excluded += clock.Elapsed;
            _cpu = CpuTime();
        }
    }

    private sealed record Settings(string Workload, int Epochs, int Threads, int Repeat, int Seed, string? DataDir, bool Warmup);

    /// <summary>One timed epoch (or run): wall-clock seconds, and the process's CPU seconds over the same span (both threads; a check on a busy machine).</summary>
    private sealed record EpochRow(int Run, int Epoch, double Seconds, double TestAccuracy, double? TrainLoss)
    {
        public double CpuSeconds { get; init; }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed record Document(
        string Bench, string Workload, string What, Settings Settings, string Machine, IReadOnlyList<EpochRow> Runs,
        double MedianSeconds, double FinalAccuracy, double PeakWorkingSetMb, double GcHeapMb, string? Detail, double[]? Predictions);
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Initializers;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;

namespace Rosenblatt.Benchmarks;

/// <summary>`mnist-profile [data-dir] [threads]`: where one MNIST epoch's time goes, section by section.</summary>
/// <remarks>Runs the trainer's per-batch steps by hand (gather, forward, backward, step) over 3 epochs and
/// reports the last two, in wall milliseconds and in this thread's CPU milliseconds (clock_gettime CLOCK_THREAD_CPUTIME_ID,
/// which stays meaningful when other processes share the cores; with 1 thread it is the whole work).</remarks>
public static class MnistProfile
{
    public static void Run(string[] args)
    {
        string? dir = args.Length > 0 ? args[0] : null;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        Parallelism.MaxThreads = threads;
        var images = IdxReader.ReadImages(DataDirectory.FindFile("mnist", "train-images-idx3-ubyte.gz", dir));
        var labels = IdxReader.ReadLabels(DataDirectory.FindFile("mnist", "train-labels-idx1-ubyte.gz", dir));
        double b1 = 1 / Math.Sqrt(784), b2 = 1 / Math.Sqrt(128);
        var network = new Network(784, [new Dense(128, Relu.Instance, new UniformInitializer(-b1, b1), new UniformInitializer(-b1, b1)),
            new Dense(10, Softmax.Instance, new UniformInitializer(-b2, b2), new UniformInitializer(-b2, b2))], 0);
        var sgd = new Sgd(0.1);
        const int batch = 128;
        var bx = new float[batch * 784];
        var by = new float[batch * 10];
        var order = Enumerable.Range(0, images.Count).ToArray();
        var random = new Random(0);
        string[] names = ["gather", "forward", "backward", "sgd step"];
        var wall = new double[names.Length];
        var cpu = new double[names.Length];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            random.Shuffle(order);
            if (epoch == 1)
            {
                Array.Clear(wall);
                Array.Clear(cpu);
            }
            for (int start = 0; start < order.Length; start += batch)
            {
                int rows = Math.Min(batch, order.Length - start);
                Section(0, () =>
                {
                    images.GatherRows(order.AsSpan(start, rows), bx);
                    Array.Clear(by);
                    for (int i = 0; i < rows; i++)
                        by[i * 10 + labels[order[start + i]]] = 1;
                });
                Section(1, () => network.Forward(bx, rows));
                Section(2, () => network.Backward(CategoricalCrossEntropy.Instance, by, rows));
                Section(3, () => sgd.Step(network.Parameters));
            }
        }

        Console.WriteLine($"MNIST 784-128-10 epoch profile, {threads} thread(s), mean of epochs 2-3, ms per epoch");
        Console.WriteLine($"{"section",-10} {"wall",8} {"cpu (this thread)",18}");
        for (int s = 0; s < names.Length; s++)
            Console.WriteLine($"{names[s],-10} {wall[s] / 2,8:F1} {cpu[s] / 2,18:F1}");
        Console.WriteLine($"{"total",-10} {wall.Sum() / 2,8:F1} {cpu.Sum() / 2,18:F1}");

        void Section(int s, Action action)
        {
            double c0 = ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            action();
            wall[s] += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            cpu[s] += ThreadCpuMs() - c0;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>This thread's CPU time, exact (CLOCK_THREAD_CPUTIME_ID), unlike getrusage's tick-sampled split.</summary>
    private static double ThreadCpuMs()
    {
        ClockGetTime(3, out var t); // CLOCK_THREAD_CPUTIME_ID
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }
}

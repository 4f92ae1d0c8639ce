using System.Diagnostics;
using System.Globalization;
using Rosenblatt.Numerics;

namespace Rosenblatt.Benchmarks;

/// <summary>The fast iteration loop: Stopwatch timing, median of several reps, one GFLOP/s table.</summary>
public static class GemmQuick
{
    public static void Run(string[] args)
    {
        int reps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        string? filter = args.Length > 1 ? args[1] : null;
        int[] threadCounts = [1, 2];
        Console.WriteLine($"GEMM quick: median of {reps} reps, each ≥ 50 ms; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"shape",-32} {"1 thread",10} {"2 threads",10}   GFLOP/s");
        foreach (GemmShape shape in GemmShape.All)
        {
            if (filter is not null && !shape.Name.Contains(filter, StringComparison.Ordinal))
                continue;
            var rng = new Random(0);
            float[] a = Fill(rng, shape.M * shape.K), b = Fill(rng, shape.K * shape.N), c = new float[shape.M * shape.N];
            var line = $"{shape.Name,-32}";
            foreach (int threads in threadCounts)
            {
                Parallelism.MaxThreads = threads;
                double seconds = MedianSeconds(() => Gemm.Multiply(a, b, c, shape.M, shape.N, shape.K, shape.TransposeA, shape.TransposeB), reps);
                line += $" {shape.Flops / seconds / 1e9,10:F1}";
            }
            Console.WriteLine(line);
        }
        Parallelism.MaxThreads = Environment.ProcessorCount;
    }

    /// <summary>Median time of one call: each rep runs enough calls to last ≥ 50 ms, after a warm-up.</summary>
    public static double MedianSeconds(Action call, int reps)
    {
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (sw.Elapsed.TotalMilliseconds < 50 || calls < 3)
        {
            call();
            calls++;
        }
        var times = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            sw.Restart();
            for (int i = 0; i < calls; i++)
                call();
            times[r] = sw.Elapsed.TotalSeconds / calls;
        }
        Array.Sort(times);
        return times[reps / 2];
    }

    private static float[] Fill(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}

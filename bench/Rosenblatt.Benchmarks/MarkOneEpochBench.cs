using System.Diagnostics;
using System.Globalization;
using Rosenblatt.Data.Retina;
using Rosenblatt.MarkOne;

namespace Rosenblatt.Benchmarks;

/// <summary>`mark-one-epoch [data-dir] [epochs] [a-units...]`: seconds per Mark I training pass over MNIST's 60,000 cropped, binarised digits.</summary>
/// <remarks>
/// Each pass is timed inside <c>MarkOnePerceptron.Fit</c> (the <c>MarkOneEpoch.Elapsed</c> it reports: A-layer sums over lit points,
/// R-unit responses, decoding and corrections for every image), in wall seconds and in process CPU seconds between two reports
/// (meaningful when other processes share the cores: the pass runs on one thread). The first pass includes JIT compilation.
/// Loading and cropping the IDX files is timed apart.
/// </remarks>
public static class MarkOneEpochBench
{
    public static void Run(string[] args)
    {
        string? dir = args.Length > 0 ? args[0] : null;
        int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        int[] sizes = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [512];
        var clock = Stopwatch.StartNew();
        var train = RetinaCrop.Mnist(dir, train: true);
        var test = RetinaCrop.Mnist(dir, train: false);
        Console.WriteLine($"load + crop + binarise MNIST (70,000 images): {clock.Elapsed.TotalSeconds:F2} s; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (int a in sizes)
        {
            var machine = new MarkOnePerceptron(new MarkOneOptions { AssociationUnits = a, Epochs = epochs, Seed = 1 });
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var rows = new List<string>();
            machine.Fit(train.Images, train.Labels, new Reporter(e =>
            {
                process.Refresh();
                var now = process.TotalProcessorTime;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  pass {e.Epoch}: {e.Elapsed.TotalSeconds:F3} s wall, {(now - cpu).TotalSeconds:F3} s CPU, {e.Images / e.Elapsed.TotalSeconds / 1000:F0}k images/s, {e.Mistakes} mistakes"));
                cpu = now;
            }));
            Console.WriteLine($"Mark I, {a} A-units (5+5 wires, θ=2), 8 R-units (output code), 60,000 images per pass:");
            rows.ForEach(Console.WriteLine);
            var walls = machine.Report.MistakesPerEpoch.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  test accuracy after {walls} passes: {machine.Score(test.Images, test.Labels) * 100:F2}%; {machine.Report.MeanActiveUnits:F0} A-units fire per image on average"));
        }
    }

    private sealed class Reporter(Action<MarkOneEpoch> report) : IProgress<MarkOneEpoch>
    {
        public void Report(MarkOneEpoch value) => report(value);
    }
}

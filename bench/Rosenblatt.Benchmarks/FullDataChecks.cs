using Rosenblatt.Data;

namespace Rosenblatt.Benchmarks;

/// <summary><c>full-data [data-dir]</c>: the checks on the full MNIST and Fashion-MNIST files that the unit tests make on small cuts.</summary>
/// <remarks>
/// The unit tests read the 300-image fixtures in the repository so that a fresh clone passes alone; these checks need
/// the real files: <c>../shared/data</c> beside the repository, <c>$ROSENBLATT_DATA</c>, or a folder filled by
/// <c>rosenblatt data fetch mnist</c> / <c>fashion-mnist</c> (the official files, SHA-256-checked). Each check prints one
/// line; the exit code is the number of failures.
/// </remarks>
internal static class FullDataChecks
{
    private static int _failures;

    public static int Run(string[] args)
    {
        string root = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable) ?? "../shared/data";
        Console.WriteLine($"full-data checks on {Path.GetFullPath(root)}");

        var mnistTest = Mnist.Load(root, train: false);
        Check("MNIST test: 10,000 images of 784 pixels, the first a 7", mnistTest.Count == 10_000 && mnistTest.FeatureCount == 784 && mnistTest.Labels[0] == 7);
        Check("MNIST test: class counts 980 1135 1032 1010 982 892 958 1028 974 1009",
            mnistTest.ClassCounts().SequenceEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]));
        var span = mnistTest.Features.AsSpan();
        float min = float.MaxValue, max = float.MinValue;
        foreach (float p in span) { min = Math.Min(min, p); max = Math.Max(max, p); }
        Check("MNIST test: pixels scaled onto exactly [0, 1]", min == 0f && max == 1f);

        string mnist = Path.Combine(root, "mnist");
        byte[] labels = IdxReader.ReadLabels(Path.Combine(mnist, "train-labels-idx1-ubyte.gz"));
        Check("MNIST train: 60,000 labels, the first a 5", labels.Length == 60_000 && labels[0] == 5);
        Check("MNIST train: class counts 5923 6742 5958 6131 5842 5421 5918 6265 5851 5949",
            labels.CountBy(l => l).OrderBy(p => p.Key).Select(p => p.Value).SequenceEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]));
        var images = IdxReader.ReadImages(Path.Combine(mnist, "train-images-idx3-ubyte.gz"));
        Check("MNIST train: 60,000 images of 28 x 28", (images.Count, images.Rows, images.Columns) == (60_000, 28, 28));

        var fashion = FashionMnist.Load(root, train: false);
        Check("Fashion-MNIST test: 10,000 images, 1,000 per class, the first an ankle boot",
            fashion.Count == 10_000 && fashion.ClassCounts().All(c => c == 1000) && fashion.Labels[0] == 9 && fashion.ClassNames[9] == "Ankle boot");

        string sumsFile = Path.Combine(root, "SHA256SUMS");
        var sums = File.Exists(sumsFile) ? File.ReadAllLines(sumsFile).Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]) : null;
        foreach (string set in DatasetFetcher.Names)
        {
            foreach (var file in DatasetFetcher.Files(set))
            {
                string path = Path.Combine(root, set, file.FileName);
                bool matches = DatasetFetcher.HasChecksumAsync(path, file).GetAwaiter().GetResult();
                bool listed = sums is null || sums.GetValueOrDefault($"{set}/{file.FileName}") == file.Sha256;
                Check($"download catalog: {set}/{file.FileName} is {file.Bytes:N0} bytes with the official SHA-256", matches && listed);
            }
        }
        Console.WriteLine(_failures == 0 ? "all full-data checks passed" : $"{_failures} full-data check(s) FAILED");
        return _failures;
    }

    private static void Check(string what, bool ok)
    {
        Console.WriteLine($"{(ok ? "pass" : "FAIL")}  {what}");
        if (!ok) _failures++;
    }
}

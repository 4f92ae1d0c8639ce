using Rosenblatt.Data;
using Rosenblatt.Numerics;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Turns a <c>--data</c> value into a data set: a built-in set, MNIST from the data folder, a logic gate, a synthetic set, or a CSV file.</summary>
/// <remarks>
/// <para>Resolution order: an existing file is always a CSV (so a file named <c>iris</c> in the current folder wins);
/// then the built-in sets (<c>digits</c>, <c>iris</c>, <c>breast-cancer</c>, <c>wine</c>); <c>mnist</c> and
/// <c>fashion-mnist</c> from the data folder (with their own 10,000-image test set); the gates (<c>and</c>,
/// <c>xor</c>, <c>parity3</c>, ...); the synthetic sets (<c>circle</c>, <c>moons</c>, ...). <c>xor</c> is the gate;
/// the Playground's noisy XOR point cloud is <c>xor-blobs</c>. Anything else that looks like a path is read as a
/// CSV file (and fails with "file not found"); anything else is an error that lists the names.</para>
/// </remarks>
internal static class DataArgument
{
    /// <summary>The synthetic-set alias for the XOR point cloud, since <c>xor</c> means the gate.</summary>
    public const string XorBlobs = "xor-blobs";

    /// <summary>The sets read from the data folder, each with its own test set.</summary>
    public static IReadOnlyList<string> IdxNames { get; } = ["mnist", "fashion-mnist"];

    /// <summary>Every name <see cref="Load"/> accepts besides a file, for help texts and errors.</summary>
    public static string NamesHelp =>
        $"built-in {string.Join(", ", BuiltInDatasets.Names)}; from the data folder {string.Join(", ", IdxNames)}; " +
        $"gates and, or, nand, nor, xor, xnor, andN, orN, parityN; synthetic {string.Join(", ", SyntheticDatasets.Names.Select(n => n == "xor" ? XorBlobs : n))}; or a CSV file";

    /// <summary>Whether <paramref name="data"/> names a set read from the data folder (mnist, fashion-mnist): tens of thousands of
    /// images, worth a status line while they load and are scored.</summary>
    /// <param name="data">The <c>--data</c> value.</param>
    public static bool IsDataFolderSet(string data) =>
        !File.Exists(data) && IdxNames.Contains(data.Trim().ToLowerInvariant().Replace('_', '-'));

    /// <summary>The CSV size from which reading shows a status: 10,000 MNIST rows as CSV are 18 MB and took 2 to 5 s to read
    /// on the 2-core benchmark machine under load, so 2 MB is about half a second there.</summary>
    public const long LargeFileBytes = 2_000_000;

    /// <summary>Whether <paramref name="data"/> is a file large enough that reading it takes a noticeable while.</summary>
    /// <param name="data">The <c>--data</c> value.</param>
    public static bool IsLargeFile(string data) => File.Exists(data) && new FileInfo(data).Length >= LargeFileBytes;

    /// <summary>Whether reading and scoring <paramref name="data"/> deserve a status: a data-folder set or a large file.</summary>
    /// <param name="data">The <c>--data</c> value.</param>
    public static bool IsLarge(string data) => IsDataFolderSet(data) || IsLargeFile(data);

    /// <summary>Loads <paramref name="data"/>.</summary>
    /// <param name="data">The <c>--data</c> value.</param>
    /// <param name="request">The other options that shape the data (CSV label column, synthetic size, noise and seed, data folder).</param>
    /// <returns>The data and, for MNIST-style sets, their own test set.</returns>
    /// <exception cref="ArgumentException">The value names nothing known; the message lists the names.</exception>
    /// <exception cref="FileNotFoundException">A CSV path or a data-folder set that does not exist.</exception>
    public static LoadedData Load(string data, DataRequest request)
    {
        if (string.IsNullOrWhiteSpace(data))
            throw new ArgumentException($"--data is empty. help: name a data set or a CSV file: {NamesHelp}.");
        string name = data.Trim().ToLowerInvariant().Replace('_', '-');
        if (File.Exists(data))
            return new LoadedData(CsvLoader.Load(data, Csv(request)), null, DataKind.Csv);
        if (BuiltInDatasets.TryLoad(name, out var builtIn))
            return new LoadedData(builtIn, null, DataKind.BuiltIn);
        if (name == "mnist")
            return new LoadedData(Mnist.Load(request.DataDirectory, train: true), Mnist.Load(request.DataDirectory, train: false), DataKind.Images);
        if (name == "fashion-mnist")
            return new LoadedData(FashionMnist.Load(request.DataDirectory, train: true), FashionMnist.Load(request.DataDirectory, train: false), DataKind.Images);
        if (TryGate(name, out var gate))
            return new LoadedData(Gate(gate), null, DataKind.Gate);
        string synthetic = name == XorBlobs ? "xor" : name;
        if (synthetic != "xor" && SyntheticDatasets.Contains(synthetic) || name == XorBlobs)
        {
            var set = SyntheticDatasets.Generate(synthetic, request.Samples, request.Noise, request.Seed);
            return new LoadedData(set, null, DataKind.Synthetic);
        }
        if (LooksLikePath(data))
            return new LoadedData(CsvLoader.Load(data, Csv(request)), null, DataKind.Csv);
        throw new ArgumentException($"--data '{data}' is neither a data set nor a file. help: use one of: {NamesHelp}.");
    }

    /// <summary>Whether <paramref name="data"/> names a built-in, data-folder, gate or synthetic set rather than a file.</summary>
    /// <param name="data">The <c>--data</c> value.</param>
    public static bool IsName(string data)
    {
        string name = data.Trim().ToLowerInvariant().Replace('_', '-');
        return BuiltInDatasets.Names.Contains(name) || IdxNames.Contains(name) || TryGate(name, out _) || name == XorBlobs
            || name != "xor" && SyntheticDatasets.Contains(name);
    }

    /// <summary>A gate's truth table as a two-class data set, class names "0" and "1".</summary>
    /// <param name="gate">The gate.</param>
    public static Dataset Gate(LogicGate gate) =>
        new(gate.Name, Matrix.FromRows(gate.X), (int[])gate.Y.Clone(), ["0", "1"],
            [.. Enumerable.Range(1, gate.InputCount).Select(i => $"x{i}")]);

    private static bool TryGate(string name, out LogicGate gate)
    {
        gate = null!;
        bool known = name is "and" or "or" or "nand" or "nor" or "xor" or "xnor"
            || ((name.StartsWith("and", StringComparison.Ordinal) || name.StartsWith("or", StringComparison.Ordinal) || name.StartsWith("parity", StringComparison.Ordinal))
                && name.Length > 2 && char.IsAsciiDigit(name[^1]));
        if (!known)
            return false;
        gate = LogicGate.FromName(name);
        return true;
    }

    private static CsvOptions Csv(DataRequest request) => CsvColumns.Options(request);

    private static bool LooksLikePath(string data) =>
        data.Contains('/') || data.Contains('\\') || data.Contains('.');
}

using Rosenblatt.Cli.Conventions;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Modeling;

/// <summary>Data read for a saved model (by <c>evaluate</c>, <c>predict</c> and <c>plot</c>), checked against what the model expects.</summary>
/// <param name="Data">The rows, with labels mapped to the model's class indices when labelled.</param>
/// <param name="Description">Which rows these are, e.g. "the 360 rows held out at training (stratified 20%, seed 42)".</param>
internal sealed record ModelData(Dataset Data, string Description)
{
    /// <summary>Labelled rows for <paramref name="model"/>: the held-out rows when <paramref name="data"/> is what it was trained on.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The <c>--data</c> value.</param>
    /// <param name="label">The CSV label column, or null.</param>
    /// <param name="all">Every row, even of the training set.</param>
    /// <param name="dataDirectory">Where MNIST-style sets live.</param>
    /// <exception cref="ArgumentException">The data has no labels, another feature count, or other classes than the model.</exception>
    /// <param name="csv">The CSV flags (<c>--header</c>, <c>--delimiter</c>), or null for the defaults.</param>
    public static ModelData Labelled(CliModel model, string data, string? label, bool all, string? dataDirectory, DataRequest? csv = null)
    {
        var (loaded, set) = Read(model, data, label, dataDirectory, csv);
        return Rows(model, data, loaded, set, all);
    }

    /// <summary>The held-out rows and every row, as <see cref="Labelled"/> gives them with <c>all</c> false and true,
    /// from one read of the data (for <c>plot</c>, which needs both; MNIST takes seconds to read).</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The <c>--data</c> value.</param>
    /// <param name="label">The CSV label column, or null.</param>
    /// <param name="dataDirectory">Where MNIST-style sets live.</param>
    /// <exception cref="ArgumentException">As for <see cref="Labelled"/>.</exception>
    /// <param name="csv">The CSV flags, or null for the defaults.</param>
    public static (ModelData HeldOut, ModelData All) LabelledBoth(CliModel model, string data, string? label, string? dataDirectory, DataRequest? csv = null)
    {
        var (loaded, set) = Read(model, data, label, dataDirectory, csv);
        return (Rows(model, data, loaded, set, all: false), Rows(model, data, loaded, set, all: true));
    }

    /// <summary>Loads <paramref name="data"/> and checks and renumbers its labelled rows for <paramref name="model"/>.</summary>
    private static (LoadedData Loaded, Dataset Set) Read(CliModel model, string data, string? label, string? dataDirectory, DataRequest? csv)
    {
        // A synthetic set is regenerated with the size, noise and seed it was trained with.
        var request = new DataRequest(label, SyntheticSize(model, data), model.Metric("noise"), model.Training?.Seed ?? 0,
            dataDirectory, csv?.Header, csv?.Delimiter);
        var loaded = DataArgument.Load(data, request);
        var set = loaded.Data;
        if (!set.HasLabels)
            throw new ArgumentException($"--data '{data}' has no class labels, so the model's answers cannot be checked. help: use labelled data, or 'rosenblatt predict' for unlabelled rows.");
        CheckFeatures(model, set, data);
        set = FeatureAlignment.Align(model, set, data);
        var test = loaded.Test is { } own ? FeatureAlignment.Align(model, own, data) : null;
        loaded = loaded with { Data = set, Test = test };
        return (loaded, Remap(model, set, data));
    }

    /// <summary>The synthetic set's size recorded in the model file (200 when none is), checked like <c>--samples</c>: a size from a file
    /// is a claim, and regenerating billions of points on its word would take the memory it names.</summary>
    private static int SyntheticSize(CliModel model, string data)
    {
        if (model.Metric("samples") is not double samples)
            return 200;
        if (samples >= 2 && samples <= TrainSettings.MaxSamples && samples == Math.Floor(samples))
            return (int)samples;
        string name = data.Trim().ToLowerInvariant();
        bool synthetic = !File.Exists(data) && (name == DataArgument.XorBlobs || (name != "xor" && SyntheticDatasets.Contains(name)));
        if (synthetic)
            throw new ArgumentException(
                $"the model file '{model.Path}' records {samples.ToString(System.Globalization.CultureInfo.InvariantCulture)} samples for its synthetic set, not a size from 2 to {TrainSettings.MaxSamples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}, so --data '{data}' cannot be regenerated as it was trained. " +
                "help: the file is damaged or was edited; train the model again.");
        return 200;
    }

    /// <summary>The rows <see cref="Labelled"/> picks from the loaded data.</summary>
    private static ModelData Rows(CliModel model, string data, LoadedData loaded, Dataset set, bool all)
    {
        if (all)
            return new ModelData(loaded.Test is { } extra ? Concat(set, Remap(model, extra, data)) : set, "every row (--all)");
        if (loaded.Test is { } test)
            return new ModelData(Remap(model, test, data), "the set's own test files");
        // The split is recomputed from the seed and fraction saved at training, on the rows as they were loaded
        // (before renumbering, which does not move rows); matching the row count guards against another file.
        if (model.Metric("test_fraction") is double fraction && fraction > 0 && model.Metric("data_rows") == loaded.Data.Count
            && model.Training?.Seed is int seed && loaded.Kind != DataKind.Gate)
        {
            var (_, heldOut) = TrainTestSplit.Indices(loaded.Data, fraction, seed);
            return new ModelData(set.Subset(heldOut),
                $"the rows held out at training: stratified {CliFormat.Number(fraction * 100)}%, seed {seed}; --all for every row");
        }
        return new ModelData(set, "every row");
    }

    /// <summary>Unlabelled rows for <paramref name="model"/>: a CSV file (a label column, if present, is skipped) or,
    /// like every command's <c>--data</c>, a data set's name (its labels are set aside).</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The CSV file or data set name.</param>
    /// <param name="label">The label column's position, if it is not last.</param>
    /// <param name="csv">The CSV flags, or null for the defaults.</param>
    /// <param name="dataDirectory">Where MNIST-style sets live.</param>
    public static ModelData Unlabelled(CliModel model, string path, string? label, DataRequest? csv = null, string? dataDirectory = null)
    {
        var request = (csv ?? new DataRequest()) with { Label = label, DataDirectory = dataDirectory ?? csv?.DataDirectory };
        if (!File.Exists(path) && DataArgument.IsName(path))
        {
            var named = Read(model, path, label, request.DataDirectory, request).Loaded.Data;
            return new ModelData(Dataset.Unlabelled(named.Name, named.Features, named.FeatureNames), "every row");
        }
        var set = CsvLoader.LoadForPrediction(path, model.FeatureCount, options: CsvColumns.Options(request));
        return new ModelData(FeatureAlignment.Align(model, set, path), "every row");
    }

    private static void CheckFeatures(CliModel model, Dataset set, string data)
    {
        if (set.FeatureCount != model.FeatureCount)
            throw new ArgumentException(
                $"--data '{data}' has {set.FeatureCount} features but the model {model.Path} was trained on {model.FeatureCount}. help: use data with the same columns as the training data, or train a model on this data with 'rosenblatt train'.");
    }

    /// <summary>The same rows with labels renumbered to the model's class order (matched by name).</summary>
    /// <param name="model">The model.</param>
    /// <param name="set">Labelled rows.</param>
    /// <param name="data">The <c>--data</c> value, for messages.</param>
    /// <exception cref="ArgumentException">A row's class is not one of the model's.</exception>
    public static Dataset Remap(CliModel model, Dataset set, string data)
    {
        if (set.ClassNames.SequenceEqual(model.ClassNames))
            return set;
        var index = new int[set.ClassCount];
        int[] counts = set.ClassCounts();
        for (int c = 0; c < set.ClassCount; c++)
        {
            index[c] = IndexOf(model.ClassNames, set.ClassNames[c]);
            if (index[c] < 0 && counts[c] > 0)
                throw new ArgumentException(
                    $"--data '{data}' has rows of class '{set.ClassNames[c]}', which the model never saw (its classes: {string.Join(", ", model.ClassNames)}). " +
                    "help: evaluate on data with the model's classes, or retrain on data that includes this one.");
        }
        int[] labels = [.. set.Labels.Select(l => index[l])];
        return set.Images is { } images
            ? new Dataset(set.Name, images, labels, model.ClassNames, set.FeatureNames)
            : new Dataset(set.Name, set.Features, labels, model.ClassNames, set.FeatureNames);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }

    private static Dataset Concat(Dataset a, Dataset b)
    {
        if (a.Images is { } ai && b.Images is { } bi && ai.Rows == bi.Rows && ai.Columns == bi.Columns)
        {
            var images = new IdxImages(ai.Count + bi.Count, ai.Rows, ai.Columns, [.. ai.Pixels, .. bi.Pixels]);
            return new Dataset(a.Name, images, [.. a.Labels, .. b.Labels], a.ClassNames, a.FeatureNames);
        }
        var features = new Numerics.Matrix(a.Count + b.Count, a.FeatureCount);
        a.Features.AsSpan().CopyTo(features.AsSpan());
        b.Features.AsSpan().CopyTo(features.AsSpan()[a.Features.Length..]);
        return new Dataset(a.Name, features, [.. a.Labels, .. b.Labels], a.ClassNames, a.FeatureNames);
    }
}

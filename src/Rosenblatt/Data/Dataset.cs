using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Data;

/// <summary>A table of samples: a float32 feature matrix plus class labels, regression targets, or neither.</summary>
/// <remarks>
/// <para>Every loader (CSV, IDX, the built-in UCI sets, the synthetic generators) returns this one type,
/// so a model, a split or a scaler never cares where the numbers came from. Features are a
/// <see cref="Matrix"/> (n × d, row-major float32) because that is what the training engine consumes
/// without copying.</para>
/// <para>Classification sets store each label as a class index 0..K−1 into <see cref="ClassNames"/>;
/// the names keep the original spelling ("setosa", "7", "Ankle boot") for reports. Regression sets
/// store <see cref="Targets"/> instead. A set read for prediction has neither. Reading the one that is
/// absent throws an error that says which kind of set this is, rather than handing back null.</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset iris = BuiltInDatasets.Iris();
/// var (train, test) = TrainTestSplit.Split(iris, testFraction: 0.2, seed: 42);
/// perceptron.Fit(train.ToRows(), train.Labels);
/// </code>
/// </example>
public sealed class Dataset
{
    private readonly int[]? _labels;
    private readonly IdxImages? _images;
    private Matrix? _features;
    private readonly float[]? _targets;

    /// <summary>Creates a classification set: features and one class index per row.</summary>
    /// <param name="name">A short name for messages and reports, e.g. <c>iris</c>.</param>
    /// <param name="features">n × d features, one row per sample. Not copied.</param>
    /// <param name="labels">n class indices, each in 0..<c>classNames.Count</c>−1. Not copied.</param>
    /// <param name="classNames">The name of each class index.</param>
    /// <param name="featureNames">d column names; null gives <c>x1</c>..<c>xd</c>.</param>
    /// <exception cref="ArgumentException">Lengths disagree or a label is outside the class range.</exception>
    public Dataset(string name, Matrix features, int[] labels, IReadOnlyList<string> classNames, IReadOnlyList<string>? featureNames = null)
        : this(name, features, featureNames)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (labels.Length != features.Rows)
            throw Guard.Error(nameof(labels), $"labels has {labels.Length} entries but features has {features.Rows} rows.",
                "pass exactly one class index per row of features.");
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw Guard.Error(nameof(labels),
                    $"labels[{i}] is {labels[i]} but there are {classNames.Count} classes (valid indices 0..{classNames.Count - 1}).",
                    "labels are class indices into classNames; encode them with ClassEncoder first.");
        }
        _labels = labels;
        ClassNames = classNames.ToArray();
    }

    private Dataset(string name, Matrix features, IReadOnlyList<string>? featureNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(features);
        if (featureNames is not null && featureNames.Count != features.Columns)
            throw Guard.Error(nameof(featureNames),
                $"featureNames has {featureNames.Count} names but features has {features.Columns} columns.",
                "pass one name per feature column, or null for x1..xd.");
        Name = name;
        _features = features;
        FeatureNames = featureNames?.ToArray() ?? DefaultFeatureNames(features.Columns);
        ClassNames = [];
    }

    /// <summary>A labelled set of greyscale images kept as bytes; the features are pixel / 255.</summary>
    /// <remarks>One byte per pixel is 4× smaller than float32: MNIST's 60,000 training images take 47 MB instead of 188 MB.
    /// The trainer and scalers read <see cref="Images"/> directly; <see cref="Features"/> is made only if asked for.</remarks>
    /// <param name="name">The set's name.</param>
    /// <param name="images">The images (not copied).</param>
    /// <param name="labels">One class index per image, into <paramref name="classNames"/>.</param>
    /// <param name="classNames">The class names.</param>
    /// <param name="featureNames">One name per pixel, or null for x1..xd.</param>
    /// <exception cref="ArgumentException">Counts that do not match, or a label outside the classes.</exception>
    public Dataset(string name, IdxImages images, int[] labels, IReadOnlyList<string> classNames, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (featureNames is not null && featureNames.Count != images.PixelsPerImage)
            throw Guard.Error(nameof(featureNames), $"featureNames has {featureNames.Count} names but the images have {images.PixelsPerImage} pixels.",
                "pass one name per pixel, or null for x1..xd.");
        if (labels.Length != images.Count)
            throw Guard.Error(nameof(labels), $"labels has {labels.Length} entries but there are {images.Count} images.",
                "pass exactly one class index per image.");
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw Guard.Error(nameof(labels),
                    $"labels[{i}] is {labels[i]} but there are {classNames.Count} classes (valid indices 0..{classNames.Count - 1}).",
                    "labels are class indices into classNames; encode them with ClassEncoder first.");
        }
        Name = name;
        _images = images;
        _labels = labels;
        ClassNames = classNames.ToArray();
        FeatureNames = featureNames?.ToArray() ?? DefaultFeatureNames(images.PixelsPerImage);
    }

    /// <summary>Creates a regression set: features and one real-valued target per row.</summary>
    /// <param name="name">A short name for messages and reports.</param>
    /// <param name="features">n × d features. Not copied.</param>
    /// <param name="targets">n target values. Not copied.</param>
    /// <param name="featureNames">d column names; null gives <c>x1</c>..<c>xd</c>.</param>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    public static Dataset ForRegression(string name, Matrix features, float[] targets, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(features);
        if (targets.Length != features.Rows)
            throw Guard.Error(nameof(targets), $"targets has {targets.Length} entries but features has {features.Rows} rows.",
                "pass exactly one target per row of features.");
        return new Dataset(name, features, targets, featureNames);
    }

    /// <summary>Creates a set with features only, as read for prediction.</summary>
    /// <param name="name">A short name for messages and reports.</param>
    /// <param name="features">n × d features. Not copied.</param>
    /// <param name="featureNames">d column names; null gives <c>x1</c>..<c>xd</c>.</param>
    public static Dataset Unlabelled(string name, Matrix features, IReadOnlyList<string>? featureNames = null) =>
        new(name, features, featureNames);

    private Dataset(string name, Matrix features, float[] targets, IReadOnlyList<string>? featureNames)
        : this(name, features, featureNames) => _targets = targets;

    /// <summary>A short name for messages and reports, e.g. <c>iris</c> or the CSV file's name.</summary>
    public string Name { get; }

    /// <summary>The features, n × d: one row per sample, one column per feature.</summary>
    /// <remarks>For a set of byte images (<see cref="Images"/>) the float32 matrix (pixel / 255) is made on first use and kept:
    /// code that can read the bytes (training, <c>Scaler.Transform(IdxImages, …)</c>) should, and never pays for it.</remarks>
    public Matrix Features => _features ??= _images!.ToMatrix();

    /// <summary>The pixels as bytes when the set holds greyscale images (MNIST, Fashion-MNIST), else null; the features are
    /// then pixel / 255.</summary>
    public IdxImages? Images => _images;

    /// <summary>Whether this is a classification set (it has <see cref="Labels"/>).</summary>
    public bool HasLabels => _labels is not null;

    /// <summary>Whether this is a regression set (it has <see cref="Targets"/>).</summary>
    public bool HasTargets => _targets is not null;

    /// <summary>The class index (0..K−1) of each row. Not a copy: do not modify.</summary>
    /// <exception cref="InvalidOperationException">The set has no labels (regression or prediction input).</exception>
    public int[] Labels => _labels ?? throw new InvalidOperationException(
        $"data set '{Name}' has no class labels ({(HasTargets ? "it is a regression set with Targets" : "it was read without a label column")}). " +
        "help: check HasLabels first, or load the data with its label column.");

    /// <summary>The regression target of each row. Not a copy: do not modify.</summary>
    /// <exception cref="InvalidOperationException">The set has no targets (classification or prediction input).</exception>
    public float[] Targets => _targets ?? throw new InvalidOperationException(
        $"data set '{Name}' has no regression targets ({(HasLabels ? "it is a classification set with Labels" : "it was read without a label column")}). " +
        "help: check HasTargets first, or load the data with CsvOptions.Regression = true.");

    /// <summary>The name of each class, index i naming class i; empty for regression and unlabelled sets.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The name of each feature column (from the header, the data set's documentation, or <c>x1</c>..<c>xd</c>).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The number of samples, n.</summary>
    public int Count => _images?.Count ?? Features.Rows;

    /// <summary>The number of features per sample, d.</summary>
    public int FeatureCount => _images?.PixelsPerImage ?? Features.Columns;

    /// <summary>The number of classes, K (0 for regression and unlabelled sets).</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>How many rows belong to each class, index i counting class i.</summary>
    /// <exception cref="InvalidOperationException">The set has no labels.</exception>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (int label in Labels)
            counts[label]++;
        return counts;
    }

    /// <summary>The features as double rows, one array per sample, for APIs that take <c>double[][]</c> (the perceptron's).</summary>
    public double[][] ToRows()
    {
        var rows = new double[Count][];
        for (int r = 0; r < rows.Length; r++)
        {
            ReadOnlySpan<float> src = Features.Row(r);
            var row = new double[src.Length];
            for (int c = 0; c < row.Length; c++)
                row[c] = src[c];
            rows[r] = row;
        }
        return rows;
    }

    /// <summary>The labels one-hot encoded: an n × K matrix with a 1 in each row's class column.</summary>
    /// <remarks>The target format of softmax + categorical cross-entropy; see <see cref="Data.OneHot.Encode"/>.</remarks>
    /// <exception cref="InvalidOperationException">The set has no labels.</exception>
    public Matrix OneHot() => Data.OneHot.Encode(Labels, ClassCount);

    /// <summary>A new set holding the given rows, in the given order (rows may repeat).</summary>
    /// <remarks>The features are copied, so the subset can be scaled without touching the original.</remarks>
    /// <param name="rows">Row indices into this set, each in 0..<see cref="Count"/>−1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the set.</exception>
    public Dataset Subset(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_images is { } images)
        {
            int width = images.PixelsPerImage;
            var pixels = new byte[rows.Length * width];
            for (int i = 0; i < rows.Length; i++)
            {
                if ((uint)rows[i] >= (uint)Count)
                    throw new ArgumentOutOfRangeException(nameof(rows), rows[i],
                        $"rows[{i}] is {rows[i]} but data set '{Name}' has {Count} rows (valid 0..{Count - 1}). help: pass indices of existing rows.");
                images.Image(rows[i]).CopyTo(pixels.AsSpan(i * width, width));
            }
            return new Dataset(Name, new IdxImages(rows.Length, images.Rows, images.Columns, pixels), Array.ConvertAll(rows, r => _labels![r]), ClassNames, FeatureNames);
        }
        var features = new Matrix(rows.Length, FeatureCount);
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(rows), r,
                    $"rows[{i}] is {r} but data set '{Name}' has {Count} rows (valid 0..{Count - 1}). help: pass indices of existing rows.");
            Features.Row(r).CopyTo(features.Row(i));
        }
        if (_labels is not null)
            return new Dataset(Name, features, Array.ConvertAll(rows, r => _labels[r]), ClassNames, FeatureNames);
        if (_targets is not null)
            return new Dataset(Name, features, Array.ConvertAll(rows, r => _targets[r]), FeatureNames);
        return new Dataset(Name, features, FeatureNames);
    }

    /// <summary>A one-line summary, e.g. <c>iris: 150 samples × 4 features, 3 classes</c>.</summary>
    public override string ToString() =>
        $"{Name}: {Count} samples × {FeatureCount} features, " +
        (HasLabels ? $"{ClassCount} classes" : HasTargets ? "regression targets" : "no labels");

    private static string[] DefaultFeatureNames(int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
            names[i] = "x" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return names;
    }
}

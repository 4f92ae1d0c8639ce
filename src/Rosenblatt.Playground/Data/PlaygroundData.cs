using Rosenblatt.Data;
using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Playground.Data;

/// <summary>The points of a run, split into training and test sets, in the plot's coordinates (about −6 to 6).</summary>
/// <remarks>Classification points carry a class index (<see cref="ClassNames"/>); regression points a target in about [−1, 1].
/// Points added by clicking join the training set; the test set never changes within a run.</remarks>
public sealed class PlaygroundData
{
    /// <summary>Half the width of the square the page plots: points and heat maps cover [−Extent, Extent]².</summary>
    public const double Extent = 6;

    private readonly List<(float X, float Y, float Value)> _train;
    private readonly List<(float X, float Y, float Value)> _test;

    private PlaygroundData(string name, bool regression, IReadOnlyList<string> classNames,
        List<(float, float, float)> train, List<(float, float, float)> test, string? note)
    {
        Name = name;
        IsRegression = regression;
        ClassNames = classNames;
        _train = train;
        _test = test;
        Note = note;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <summary>Whether points carry real-valued targets rather than classes.</summary>
    public bool IsRegression { get; }

    /// <summary>The class names (empty for regression).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>What the page should say about the data (e.g. how an upload was scaled), or null.</summary>
    public string? Note { get; }

    /// <summary>The training points: x1, x2 and class index or target.</summary>
    public IReadOnlyList<(float X, float Y, float Value)> Train => _train;

    /// <summary>The test points.</summary>
    public IReadOnlyList<(float X, float Y, float Value)> Test => _test;

    /// <summary>Adds a training point (a click on the plot).</summary>
    /// <exception cref="ArgumentException">Outside the plot, an unknown class, or past the point limit.</exception>
    public void AddTrainingPoint(double x, double y, double value, int maxPoints)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || Math.Abs(x) > Extent || Math.Abs(y) > Extent)
            throw new ArgumentException($"Add point: ({x}, {y}) is outside the plot; click inside it.");
        if (IsRegression ? !double.IsFinite(value) || Math.Abs(value) > 1 : value != Math.Floor(value) || value < 0 || value >= ClassNames.Count)
            throw new ArgumentException(IsRegression ? "Add point: the target must be between −1 and 1." : $"Add point: there is no class {value}.");
        if (_train.Count + _test.Count >= maxPoints)
            throw new ArgumentException($"Add point: the data already has {maxPoints:N0} points, the most the playground draws. Regenerate to start over.");
        _train.Add(((float)x, (float)y, (float)value));
    }

    /// <summary>The points of one set as an n × 2 matrix of coordinates.</summary>
    public static Matrix Coordinates(IReadOnlyList<(float X, float Y, float Value)> points)
    {
        var m = new Matrix(points.Count, 2);
        for (int i = 0; i < points.Count; i++)
        {
            m[i, 0] = points[i].X;
            m[i, 1] = points[i].Y;
        }
        return m;
    }

    /// <summary>Generates the data a configuration asks for from its seed (any set but an upload): for tests and benchmarks.</summary>
    /// <exception cref="ArgumentException">A setting that does not fit, or <c>csv</c>, which needs the server's uploads.</exception>
    public static PlaygroundData Generate(Training.PlaygroundConfig config, PlaygroundLimits limits) =>
        Create(config, new UploadStore(limits), limits);

    /// <summary>Builds the data a configuration asks for: generated from its seed, or read from an upload.</summary>
    /// <exception cref="ArgumentException">A setting that does not fit (named in the page's words), or an upload the loader refuses.</exception>
    internal static PlaygroundData Create(Training.PlaygroundConfig config, UploadStore uploads, PlaygroundLimits limits)
    {
        bool regression = config.Problem == "regression";
        Dataset data;
        string? note = null;
        double scale = 1;
        switch (config.Dataset)
        {
            case "circle" or "xor" or "gaussian" or "spiral" or "moons":
                data = SyntheticDatasets.Generate(config.Dataset, config.Points, config.Dataset == "moons" ? config.Noise * 0.4 : config.Noise, config.Seed);
                if (config.Dataset == "moons")
                    scale = 2.5; // moons span about [−1, 2] × [−0.5, 1]: stretched to fill the plot
                break;
            case "spiral3":
                data = SyntheticDatasets.Spiral(config.Points, config.Noise, config.Seed, arms: 3);
                break;
            case "blobs":
                data = SyntheticDatasets.Blobs(config.Points, 1 + 4 * config.Noise, centers: 3, seed: config.Seed);
                scale = 0.5; // centres in [−10, 10]²: halved to fit the plot
                break;
            case "plane":
                data = SyntheticDatasets.RegressionPlane(config.Points, config.Noise, config.Seed);
                break;
            case "multi-gaussian":
                data = SyntheticDatasets.RegressionGaussians(config.Points, config.Noise, config.Seed);
                break;
            case "csv":
                (data, note) = FromUpload(config, uploads.Get(config.Upload), regression);
                break;
            default:
                throw new ArgumentException($"Data: there is no data set '{config.Dataset}'.");
        }
        if (data.HasTargets != regression)
            throw new ArgumentException(regression
                ? $"Problem type: {data.Name} is a classification set; pick plane or multi-gaussian for regression, or switch the problem to classification."
                : $"Problem type: {data.Name} is a regression set; pick a classification set, or switch the problem to regression.");
        if (!regression && data.ClassCount > 10)
            throw new ArgumentException($"Data: the label has {data.ClassCount} classes; the playground colours at most 10. Pick another label column.");

        var points = new List<(float, float, float)>(data.Count);
        for (int i = 0; i < data.Count; i++)
            points.Add(((float)(data.Features[i, 0] * scale), (float)(data.Features[i, 1] * scale), regression ? data.Targets[i] : data.Labels[i]));
        int trainCount = (int)Math.Round(points.Count * config.TrainPercent / 100.0);
        trainCount = Math.Clamp(trainCount, 1, points.Count - 1);
        return new PlaygroundData(data.Name, regression, regression ? [] : data.ClassNames,
            points[..trainCount], points[trainCount..], note);
    }

    private static (Dataset Data, string Note) FromUpload(Training.PlaygroundConfig config, Upload upload, bool regression)
    {
        int Column(string? name, string control)
        {
            int index = name is null ? -1 : upload.Columns.ToList().IndexOf(name);
            return index >= 0 ? index : throw new ArgumentException($"{control}: pick one of the file's columns ({string.Join(", ", upload.Columns)}).");
        }
        int x1 = Column(config.X1Column, "x1 column"), x2 = Column(config.X2Column, "x2 column"), label = Column(config.LabelColumn, "Label column");
        if (x1 == x2 || x1 == label || x2 == label)
            throw new ArgumentException("Columns: x1, x2 and the label must be three different columns.");
        var loaded = CsvLoader.Load(new StringReader(upload.Text), upload.FileName, new CsvOptions
        {
            HasHeader = upload.HasHeader,
            LabelColumnIndex = label,
            Regression = regression,
            Name = upload.FileName,
        });
        // Feature positions skip the label column.
        int Feature(int column) => column < label ? column : column - 1;
        var raw = new Matrix(loaded.Count, 2);
        for (int i = 0; i < loaded.Count; i++)
        {
            raw[i, 0] = loaded.Features[i, Feature(x1)];
            raw[i, 1] = loaded.Features[i, Feature(x2)];
        }
        // The plot is [−6, 6]²: each column is mapped linearly onto [−5, 5] so any units fit, as the page says.
        var scaled = new Matrix(loaded.Count, 2);
        var parts = new List<string>();
        for (int c = 0; c < 2; c++)
        {
            float min = float.MaxValue, max = float.MinValue;
            for (int i = 0; i < raw.Rows; i++)
            {
                min = Math.Min(min, raw[i, c]);
                max = Math.Max(max, raw[i, c]);
            }
            double span = max > min ? max - min : 1;
            for (int i = 0; i < raw.Rows; i++)
                scaled[i, c] = (float)(-5 + 10 * (raw[i, c] - min) / span);
            parts.Add($"{upload.Columns[c == 0 ? x1 : x2]} [{min:G4}, {max:G4}] → x{c + 1} [−5, 5]");
        }
        // Shuffle before the split, seeded, so the test set is a fair sample whatever the file's order.
        var order = Enumerable.Range(0, loaded.Count).ToArray();
        new SeededRandom(config.Seed).Shuffle(order.AsSpan());
        var features = new Matrix(order.Length, 2);
        for (int i = 0; i < order.Length; i++)
        {
            features[i, 0] = scaled[order[i], 0];
            features[i, 1] = scaled[order[i], 1];
        }
        var data = regression
            ? Dataset.ForRegression(upload.FileName, features, order.Select(i => loaded.Targets[i]).ToArray(), ["x1", "x2"])
            : new Dataset(upload.FileName, features, order.Select(i => loaded.Labels[i]).ToArray(), loaded.ClassNames, ["x1", "x2"]);
        return (data, "Scaled to the plot: " + string.Join("; ", parts) + ".");
    }
}

using System.Globalization;
using System.IO.Compression;

namespace Rosenblatt.Data;

/// <summary>The small classic data sets shipped inside the library: UCI digits (8×8), iris, breast cancer and wine.</summary>
/// <remarks>
/// <para>The files are embedded resources, byte-identical to the copies scikit-learn bundles (taken from
/// Debian's <c>python3-sklearn</c> 1.2.1), so they load offline and anywhere the assembly goes. The
/// underlying sets are from the UCI Machine Learning Repository (CC BY 4.0); <see cref="Catalog"/> gives
/// each one's creators, and <c>Data/Resources/README.md</c> the checksums.</para>
/// <para>Features are returned exactly as published (no scaling): iris in centimetres, the digits as pixel
/// counts 0–16, breast cancer and wine in their mixed units. Scale them before training a network.
/// Class and feature names are scikit-learn's, so reports read the same as its examples.</para>
/// <para>Each call parses the resource again and returns a new <see cref="Dataset"/> the caller may modify.</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset iris = BuiltInDatasets.Iris();                 // 150 × 4, classes setosa/versicolor/virginica
/// if (BuiltInDatasets.TryLoad("digits", out Dataset? digits)) { /* 1797 × 64 */ }
/// </code>
/// </example>
public static class BuiltInDatasets
{
    private const string UciCredit = "UCI Machine Learning Repository (CC BY 4.0), via scikit-learn's bundled copy";

    /// <summary>Every built-in set with its size and provenance, in the order of <see cref="Names"/>.</summary>
    public static IReadOnlyList<BuiltInDatasetInfo> Catalog { get; } =
    [
        new("digits", 1797, 64, 10, "8×8 images of handwritten digits, pixel counts 0-16 (UCI optdigits test part)",
            $"E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits; {UciCredit}"),
        new("iris", 150, 4, 3, "sepal and petal sizes (cm) of three iris species, 50 each",
            $"R.A. Fisher (1936), Iris; {UciCredit}"),
        new("breast-cancer", 569, 30, 2, "30 measurements of cell nuclei, malignant (212) or benign (357)",
            $"W.H. Wolberg, W.N. Street, O.L. Mangasarian (1995), Breast Cancer Wisconsin (Diagnostic); {UciCredit}"),
        new("wine", 178, 13, 3, "13 chemical measurements of wines from three cultivars",
            $"M. Forina et al. (PARVUS), Wine; {UciCredit}"),
    ];

    /// <summary>The names <see cref="Load"/> and <see cref="TryLoad"/> accept: <c>digits</c>, <c>iris</c>, <c>breast-cancer</c>, <c>wine</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Catalog.Select(c => c.Name).ToArray();

    /// <summary>The UCI handwritten digits: 1,797 images of 8×8 pixel counts (0–16), classes "0" … "9".</summary>
    /// <remarks>Feature <c>pixel_r_c</c> is row r, column c of the image. This is the test part of UCI's
    /// optdigits (E. Alpaydin, C. Kaynak, 1998), the set scikit-learn calls <c>load_digits</c>.</remarks>
    public static Dataset Digits()
    {
        string[] classes = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        using var reader = OpenResource("digits.csv.gz");
        var raw = CsvLoader.Load(reader, "digits.csv.gz (built-in)",
            new CsvOptions { HasHeader = false, ClassNames = classes, Name = "digits" });
        return new Dataset("digits", raw.Features, raw.Labels, classes, IdxDataset.PixelNames(8, 8));
    }

    /// <summary>Fisher's iris: 150 flowers × 4 measurements (cm), classes setosa, versicolor, virginica (50 each).</summary>
    /// <remarks>Values follow Fisher's 1936 paper, as in R and scikit-learn (UCI's copy has two typos).</remarks>
    public static Dataset Iris() => LoadSklearnCsv("iris", "iris.csv",
        ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);

    /// <summary>Breast Cancer Wisconsin (Diagnostic): 569 samples × 30 features, classes malignant (212) and benign (357).</summary>
    /// <remarks>Features are the mean, standard error and worst value of ten measurements of cell nuclei
    /// (radius, texture, perimeter, area, smoothness, compactness, concavity, concave points, symmetry,
    /// fractal dimension). Their scales differ by five orders of magnitude: standardise before training.</remarks>
    public static Dataset BreastCancer()
    {
        string[] measures = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"];
        var names = measures.Select(m => "mean " + m)
            .Concat(measures.Select(m => m + " error"))
            .Concat(measures.Select(m => "worst " + m)).ToArray();
        return LoadSklearnCsv("breast-cancer", "breast_cancer.csv", names);
    }

    /// <summary>The UCI wine set: 178 wines × 13 chemical measurements, classes class_0, class_1, class_2 (59, 71, 48).</summary>
    public static Dataset Wine() => LoadSklearnCsv("wine", "wine_data.csv",
        ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
         "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]);

    /// <summary>Loads a built-in set by name (case-insensitive; <c>breast_cancer</c> is accepted too).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException">No built-in set has that name; the message lists the names.</exception>
    public static Dataset Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryLoad(name, out Dataset? data))
            return data;
        throw new ArgumentException(
            $"there is no built-in data set named '{name}'. help: use one of {string.Join(", ", Names)}, or pass the path of a CSV file.",
            nameof(name));
    }

    /// <summary>Loads a built-in set by name, or returns false when the name is not one (so a caller can try it as a file).</summary>
    /// <param name="name">A name to look up (case-insensitive; '_' and '-' are interchangeable).</param>
    /// <param name="data">The set, when found.</param>
    public static bool TryLoad(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Dataset? data)
    {
        data = Normalize(name) switch
        {
            "digits" => Digits(),
            "iris" => Iris(),
            "breast-cancer" => BreastCancer(),
            "wine" => Wine(),
            _ => null,
        };
        return data is not null;
    }

    /// <summary>Whether <paramref name="name"/> names a built-in set (without loading it).</summary>
    /// <param name="name">A name to look up, as <see cref="TryLoad"/> takes it.</param>
    public static bool Contains(string? name) => Names.Contains(Normalize(name));

    private static string Normalize(string? name) =>
        (name ?? "").Trim().ToLowerInvariant().Replace('_', '-');

    /// <summary>Reads scikit-learn's format: a first line <c>n_samples,n_features,class names…</c>, then features and a class index per row.</summary>
    private static Dataset LoadSklearnCsv(string name, string resource, string[] featureNames)
    {
        using var reader = OpenResource(resource);
        string source = resource + " (built-in)";
        string first = reader.ReadLine() ?? throw new InvalidDataException($"{source}: the resource is empty. help: the assembly is damaged; reinstall Rosenblatt.");
        string[] head = first.Split(',');
        if (head.Length < 4
            || !int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out int samples)
            || !int.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out int features)
            || features != featureNames.Length)
            throw new InvalidDataException($"{source}: line 1 is '{first}', not 'n_samples,{featureNames.Length},class names…'. help: the assembly is damaged; reinstall Rosenblatt.");
        string[] classes = head[2..];
        string[] indices = Enumerable.Range(0, classes.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var raw = CsvLoader.Load(reader, source, new CsvOptions { HasHeader = false, ClassNames = indices, Name = name });
        if (raw.Count != samples || raw.FeatureCount != features)
            throw new InvalidDataException($"{source}: line 1 declares {samples} × {features} but the rows hold {raw.Count} × {raw.FeatureCount}. help: the assembly is damaged; reinstall Rosenblatt.");
        return new Dataset(name, raw.Features, raw.Labels, classes, featureNames);
    }

    private static StreamReader OpenResource(string file)
    {
        string resource = "Rosenblatt.Data.Resources." + file;
        Stream stream = typeof(BuiltInDatasets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the embedded resource '{resource}' is missing. help: the assembly was built without Data/Resources; rebuild or reinstall Rosenblatt.");
        if (file.EndsWith(".gz", StringComparison.Ordinal))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream);
    }
}

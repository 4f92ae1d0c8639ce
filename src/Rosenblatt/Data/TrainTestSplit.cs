using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Data;

/// <summary>Seeded train/test (and train/validation/test) splits, stratified by class for classification sets.</summary>
/// <remarks>
/// <para><b>Sizes.</b> The test part gets ⌈testFraction · n⌉ rows (scikit-learn's rounding), the train part the
/// rest; both must be non-empty.</para>
/// <para><b>Stratified</b> (sets with labels, the default): the test rows are shared out over the classes in
/// proportion to their sizes (largest remainder), each class's rows picked at random, so every class has
/// the same share in train and test up to rounding. A class never loses all its rows to the test part:
/// at most count − 1 of a class's rows go to test (a class with one row stays in train), because a model
/// cannot learn a class it never sees. Sets without labels are split plainly: shuffle, cut.</para>
/// <para>Both parts are returned in random order, drawn from one <see cref="SeededRandom"/>: the same seed
/// gives the same split everywhere. The subsets are copies (see <see cref="Dataset.Subset"/>).</para>
/// </remarks>
/// <example>
/// <code>
/// var (train, test) = TrainTestSplit.Split(BuiltInDatasets.Iris(), testFraction: 0.2, seed: 42);
/// var (fit, validation, holdout) = TrainTestSplit.Split(data, validationFraction: 0.1, testFraction: 0.2, seed: 1);
/// </code>
/// </example>
public static class TrainTestSplit
{
    /// <summary>Splits a set into a train part and a test part.</summary>
    /// <param name="data">The set to split, at least 2 rows.</param>
    /// <param name="testFraction">The share of rows for the test part, strictly between 0 and 1 (0.2 is usual).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="stratify">Whether to keep class proportions (ignored for sets without labels).</param>
    /// <exception cref="ArgumentOutOfRangeException">testFraction is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The set is too small for either part to be non-empty.</exception>
    public static (Dataset Train, Dataset Test) Split(Dataset data, double testFraction = 0.2, long seed = 0, bool stratify = true)
    {
        var (train, test) = Indices(data, testFraction, seed, stratify);
        return (data.Subset(train), data.Subset(test));
    }

    /// <summary>Splits a set three ways: train, validation (for early stopping or tuning) and test.</summary>
    /// <remarks>The test part is cut first with <paramref name="testFraction"/> of all rows, then the validation
    /// part from what remains, so that it too is <paramref name="validationFraction"/> of all rows (up to rounding).</remarks>
    /// <param name="data">The set to split, at least 3 rows.</param>
    /// <param name="validationFraction">The share of all rows for validation, in (0, 1).</param>
    /// <param name="testFraction">The share of all rows for test, in (0, 1).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="stratify">Whether to keep class proportions (ignored for sets without labels).</param>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The fractions sum to 1 or more, or a part would be empty.</exception>
    public static (Dataset Train, Dataset Validation, Dataset Test) Split(Dataset data, double validationFraction, double testFraction, long seed = 0, bool stratify = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        if (validationFraction + testFraction >= 1)
            throw Guard.Error(nameof(validationFraction),
                $"validationFraction + testFraction is {Guard.Format(validationFraction + testFraction)} ({Guard.Format(validationFraction)} + {Guard.Format(testFraction)}), leaving nothing to train on.",
                "keep the sum below 1; 0.1 + 0.2 is usual.");
        var (rest, test) = Indices(data, testFraction, seed, stratify);
        var remaining = data.Subset(rest);
        // The second cut takes validationFraction of the whole set, i.e. validationFraction / (1 − testFraction) of the rest.
        var (train, validation) = Indices(remaining, Math.Min(validationFraction / (1 - testFraction), 1 - 1e-12), seed + 1, stratify);
        return (remaining.Subset(train), remaining.Subset(validation), data.Subset(test));
    }

    /// <summary>The row indices of a split, for callers that keep their own arrays (the same rows <see cref="Split(Dataset, double, long, bool)"/> uses).</summary>
    /// <param name="data">The set to split.</param>
    /// <param name="testFraction">The share of rows for the test part, in (0, 1).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="stratify">Whether to keep class proportions (ignored for sets without labels).</param>
    /// <exception cref="ArgumentOutOfRangeException">testFraction is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The set is too small for either part to be non-empty.</exception>
    public static (int[] Train, int[] Test) Indices(Dataset data, double testFraction = 0.2, long seed = 0, bool stratify = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(testFraction, nameof(testFraction));
        int n = data.Count;
        int testCount = (int)Math.Ceiling(testFraction * n - 1e-9);
        if (n < 2 || testCount < 1 || testCount >= n)
            throw Guard.Error(nameof(data),
                $"data set '{data.Name}' has {n} row(s); a test fraction of {Guard.Format(testFraction)} gives {testCount} test and {n - testCount} train rows.",
                "both parts need at least one row: use more data or a fraction closer to 0.5.");
        var random = new SeededRandom(seed);
        int[] test = stratify && data.HasLabels
            ? StratifiedTest(data.Labels, data.ClassCount, testCount, random)
            : PlainTest(n, testCount, random);
        if (test.Length == 0)
            throw Guard.Error(nameof(data),
                $"data set '{data.Name}' cannot be split stratified: every class has a single row, and each must stay in train.",
                "use more data, or pass stratify: false.");
        var inTest = new bool[n];
        foreach (int r in test)
            inTest[r] = true;
        var train = Enumerable.Range(0, n).Where(r => !inTest[r]).ToArray();
        random.Shuffle(train.AsSpan());
        random.Shuffle(test.AsSpan());
        return (train, test);
    }

    private static int[] PlainTest(int n, int testCount, SeededRandom random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order.AsSpan());
        return order[..testCount];
    }

    private static int[] StratifiedTest(int[] labels, int classCount, int testCount, SeededRandom random)
    {
        var members = new List<int>[classCount];
        for (int k = 0; k < classCount; k++)
            members[k] = [];
        for (int r = 0; r < labels.Length; r++)
            members[labels[r]].Add(r);

        // Largest-remainder allocation of testCount over the classes, capped so each class keeps a train row.
        var take = new int[classCount];
        var remainder = new double[classCount];
        int given = 0;
        for (int k = 0; k < classCount; k++)
        {
            double exact = (double)testCount * members[k].Count / labels.Length;
            take[k] = Math.Min((int)Math.Floor(exact), Math.Max(members[k].Count - 1, 0));
            remainder[k] = exact - take[k];
            given += take[k];
        }
        var byRemainder = Enumerable.Range(0, classCount).OrderByDescending(k => remainder[k]).ThenBy(k => k).ToArray();
        while (given < testCount)
        {
            bool progressed = false;
            foreach (int k in byRemainder)
            {
                if (given == testCount)
                    break;
                if (take[k] < members[k].Count - 1)
                {
                    take[k]++;
                    given++;
                    progressed = true;
                }
            }
            if (!progressed)
                break; // every class is down to one train row; the test part is as large as it can be
        }

        var test = new List<int>(testCount);
        for (int k = 0; k < classCount; k++)
        {
            var rows = members[k].ToArray();
            random.Shuffle(rows.AsSpan());
            test.AddRange(rows.AsSpan(0, take[k]));
        }
        return test.ToArray();
    }

    private static void CheckFraction(double fraction, string name)
    {
        if (double.IsNaN(fraction) || fraction <= 0 || fraction >= 1)
            throw new ArgumentOutOfRangeException(name, fraction,
                $"{name} must be strictly between 0 and 1 (received {Guard.Format(fraction)}). help: it is a share of the rows, e.g. 0.2 for 20%.");
    }
}

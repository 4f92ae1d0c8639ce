using System.Globalization;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Linear;

/// <summary>Decides whether two classes can be split by a hyperplane, and proves the answer: a separating hyperplane, or two class averages that meet.</summary>
/// <remarks>
/// <para><b>First, a quick search.</b> A bounded maximum-margin search (dual coordinate ascent, at most
/// <see cref="LargeDataBudget"/> multiply-adds) looks for a separating hyperplane in floating point. One it
/// finds is re-checked in exact rationals (up to <see cref="ExactVerifyMaxCells"/>; beyond, with
/// outward-rounded error bounds), which proves separability. If it finds none, the search runs again on
/// standardized features (separability does not depend on the scale of a feature, but the search's speed does).</para>
/// <para><b>Small data (exact).</b> If the search found none and the data has at most <see cref="ExactMaxRows"/> rows and
/// rows × (features + 2) ≤ <see cref="ExactMaxCells"/>, the check solves, in exact rational arithmetic
/// (every double is a rational, so the inputs are taken exactly), the linear program "find λ ≥ 0 with
/// <c>Σ_(i∈+) λ_i x_i = Σ_(i∈−) λ_i x_i</c>, <c>Σ_(i∈+) λ_i = 1</c>, <c>Σ_(i∈−) λ_i = 1</c>": do the two
/// convex hulls meet? If they do, λ is the certificate of non-separability. If they do not, Farkas's lemma
/// turns the simplex multipliers into a hyperplane with <c>y_i(w·x_i + b) ≥ 1</c> for every i. Either
/// answer is re-checked exactly before it is returned, so there is no tolerance to tune and no way to
/// be silently wrong: XOR is not separable because its hulls meet at exactly (1/2, 1/2).</para>
/// <para><b>Large data.</b> Beyond those limits the rational simplex would be too slow (its big integers grow
/// with the number of features: 178 rows × 13 features already takes seconds), so when the search found no
/// hyperplane the answer is <see cref="SeparabilityVerdict.Undecided"/>, never a guessed "not separable". Noisy real data is
/// usually not separable; then the pocket or averaged perceptron, or a hidden layer, is the remedy.</para>
/// <para>When separable, the result also carries the perceptron convergence theorem's bound
/// (<see cref="ConvergenceBound"/>) for zero initial weights.</para>
/// </remarks>
/// <example>
/// <code>
/// var xor = LinearSeparability.Check(LogicGate.Xor.X, LogicGate.Xor.Y);
/// xor.Verdict;      // NotSeparable
/// xor.Explanation;  // "(0.5, 0.5) is the average of (0, 0) and (1, 1) (labelled 0) and also of (0, 1) and (1, 0) (labelled 1), so no line can put the two classes on different sides: ..."
/// </code>
/// </example>
public static class LinearSeparability
{
    /// <summary>The most rows the exact check takes.</summary>
    public const int ExactMaxRows = 1000;

    /// <summary>The most rows × (features + 2) the exact check takes (the size of its simplex tableau's constraint part).</summary>
    public const int ExactMaxCells = 2_000;

    /// <summary>The most rows × (features + 1) for which a separating hyperplane found in floating point is re-checked in exact rationals (cheap: one pass).</summary>
    public const int ExactVerifyMaxCells = 200_000;

    /// <summary>The multiply-adds the maximum-margin search may spend (for large data and for the convergence bound).</summary>
    public const long LargeDataBudget = 20_000_000;

    /// <summary>Checks whether the two classes in <paramref name="y"/> are linearly separable.</summary>
    /// <typeparam name="TLabel">Any label type; the larger label in sorted order is the positive class, as in <see cref="Perceptron{TLabel}"/>.</typeparam>
    /// <param name="x">One row of finite feature values per sample.</param>
    /// <param name="y">One label per row, exactly two distinct values.</param>
    /// <returns>The verdict with its evidence and explanation.</returns>
    /// <exception cref="ArgumentException">Empty, ragged or non-finite data, a label count that differs from the row count, or not exactly two classes (for more, use <see cref="CheckOneVsRest"/>).</exception>
    public static SeparabilityResult Check<TLabel>(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) where TLabel : notnull
    {
        Guard.Features(x, nameof(x));
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        if (encoder.Count != 2)
            throw Guard.Error(nameof(y), $"{nameof(y)} has {encoder.Count} classes, but separability is a question about two.",
                "call LinearSeparability.CheckOneVsRest to check each class against the rest.");
        int[] classOf = encoder.Encode(y);
        return Analyze(x, Array.ConvertAll(classOf, c => c == 1), Text(encoder.Decode(1)), Text(encoder.Decode(0)), null);
    }

    /// <summary>Checks each class against all the others (the problems a one-vs-rest perceptron solves).</summary>
    /// <typeparam name="TLabel">Any label type.</typeparam>
    /// <param name="x">One row of finite feature values per sample.</param>
    /// <param name="y">One label per row, at least two distinct values.</param>
    /// <returns>One result per class, in sorted class order (positive class = that class, negative = "rest"); for two classes, the single binary result.</returns>
    /// <exception cref="ArgumentException">Bad data or labels, or a single class.</exception>
    public static IReadOnlyList<SeparabilityResult> CheckOneVsRest<TLabel>(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) where TLabel : notnull
    {
        Guard.Features(x, nameof(x));
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        if (encoder.Count == 2)
            return [Check(x, y)];
        int[] classOf = encoder.Encode(y);
        return Enumerable.Range(0, encoder.Count)
            .Select(c => Analyze(x, Array.ConvertAll(classOf, k => k == c), Text(encoder.Decode(c)), "rest", null))
            .ToArray();
    }

    /// <summary>Epochs of the quick search that precedes the exact program on small data.</summary>
    private const long QuickEpochs = 1000;

    /// <summary>Whether the exact check handles data of this shape.</summary>
    /// <param name="rows">The number of samples.</param>
    /// <param name="features">The number of features.</param>
    public static bool IsSmallEnoughForExactCheck(int rows, int features) =>
        rows <= ExactMaxRows && (long)rows * (features + 2) <= ExactMaxCells;

    /// <summary>The analysis behind every public entry point: exact when small, bounded search when large.</summary>
    /// <param name="x">The rows (already validated).</param>
    /// <param name="positive">For each row, whether it is in the positive class.</param>
    /// <param name="positiveName">The positive class as text.</param>
    /// <param name="negativeName">The negative class as text.</param>
    /// <param name="knownSeparator">An augmented (w, b) already known to separate (e.g. a converged perceptron's weights), or null.</param>
    /// <param name="budget">Multiply-adds for the maximum-margin search.</param>
    internal static SeparabilityResult Analyze(IReadOnlyList<double[]> x, bool[] positive, string positiveName, string negativeName,
        double[]? knownSeparator, long budget = LargeDataBudget)
    {
        int features = x[0].Length;
        var result = new SeparabilityResult
        {
            Verdict = SeparabilityVerdict.Undecided, Exact = false, PositiveClass = positiveName, NegativeClass = negativeName, Explanation = "",
        };
        // A separator found in floating point is checked exactly (or, for large data, with outward-rounded
        // error bounds); only when none is found does the slower exact linear program run.
        // Small data goes on to the exact program, so a short search suffices there: non-separable data
        // would otherwise spend the whole budget. The bound of a separable answer gets the full search.
        bool small = IsSmallEnoughForExactCheck(x.Count, features);
        long searchBudget = small ? Math.Min(budget, QuickEpochs * x.Count * (features + 1) * 2) : budget;
        var search = MaxMarginSearch.Run(x, positive, searchBudget);
        if (search.Margin > 0)
            return Separable(x, positive, result, search.V, searchBudget < budget ? MaxMarginSearch.Run(x, positive, budget) : search);
        if (knownSeparator is not null && MaxMarginSearch.CertifiedMargin(x, positive, knownSeparator) > 0)
            return Separable(x, positive, result, knownSeparator, search);
        if (MaxMarginSearch.RunStandardized(x, positive, searchBudget) is { } rescaled)
            return Separable(x, positive, result, rescaled, searchBudget < budget ? MaxMarginSearch.Run(x, positive, budget) : search);

        if (small)
        {
            var (feasible, lambda, pi) = HullProblem(x, positive);
            if (feasible)
                return NotSeparable(x, positive, result, lambda!);
            return Separable(x, positive, result, ExactSeparator(x, positive, pi!), MaxMarginSearch.Run(x, positive, budget));
        }

        return result with
        {
            Explanation =
                $"Undecided: {x.Count} rows × {features} features is more than the exact check handles " +
                $"(at most {ExactMaxRows} rows and rows × (features + 2) ≤ {ExactMaxCells}), and a bounded maximum-margin search " +
                $"({budget:N0} multiply-adds each, on the raw and on standardized features) found no separating {Separator(features)}. That suggests, but does not prove, " +
                "that none exists. Noisy data is rarely separable: try the pocket or averaged perceptron, or add a hidden layer.",
        };
    }

    /// <summary>Solves "do the convex hulls meet?" exactly: rows are the features (Σ₊λx − Σ₋λx = 0), then Σ₊λ = 1 and Σ₋λ = 1.</summary>
    private static (bool, Rational[]?, Rational[]?) HullProblem(IReadOnlyList<double[]> x, bool[] positive)
    {
        int n = x.Count, d = x[0].Length;
        var a = new Rational[d + 2][];
        for (int k = 0; k < d + 2; k++) a[k] = new Rational[n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < d; k++)
            {
                var value = Rational.FromDouble(x[i][k]);
                a[k][i] = positive[i] ? value : -value;
            }
            a[d][i] = positive[i] ? Rational.One : Rational.Zero;
            a[d + 1][i] = positive[i] ? Rational.Zero : Rational.One;
        }
        var b = new Rational[d + 2];
        Array.Fill(b, Rational.Zero);
        b[d] = b[d + 1] = Rational.One;
        return ExactFeasibility.Solve(a, b);
    }

    /// <summary>Farkas: πᵀA ≤ 0 and πᵀb &gt; 0 give w = −π_(1..d), b = −(π₊ − π₋)/2 with y_i(w·x_i + b) ≥ (π₊ + π₋)/2 &gt; 0; scaled so the least is 1.</summary>
    private static double[] ExactSeparator(IReadOnlyList<double[]> x, bool[] positive, Rational[] pi)
    {
        int d = x[0].Length;
        var half = Rational.Create(1, 2);
        var gap = (pi[d] + pi[d + 1]) * half;
        if (gap.Sign <= 0) throw new InvalidOperationException("Internal error: the Farkas multipliers do not certify separation.");
        var w = new Rational[d + 1];
        for (int k = 0; k < d; k++) w[k] = -pi[k] / gap;
        w[d] = -(pi[d] - pi[d + 1]) * half / gap;
        for (int i = 0; i < x.Count; i++)
        {
            var s = ExactScore(w, x[i]);
            if ((positive[i] ? s : -s) < Rational.One)
                throw new InvalidOperationException($"Internal error: the exact separator fails on row {i}; please report this data.");
        }
        return Array.ConvertAll(w, r => r.ToDouble());
    }

    private static SeparabilityResult Separable(IReadOnlyList<double[]> x, bool[] positive, SeparabilityResult result, double[] separator,
        (double[] V, double Margin, double UpperEstimate) search)
    {
        int d = x[0].Length;
        double given = MaxMarginSearch.CertifiedMargin(x, positive, separator);
        // A search stops near the optimum (1.999999·x₁ ...); show round numbers when they separate as well.
        var tidy = Tidy(separator);
        double tidyMargin = MaxMarginSearch.CertifiedMargin(x, positive, tidy);
        if (tidyMargin > 0 && tidyMargin >= given * (1 - 1e-3))
        {
            separator = tidy;
            given = tidyMargin;
        }
        double gamma = Math.Max(given, search.Margin);
        bool exact = (long)x.Count * (d + 1) <= ExactVerifyMaxCells && SeparatesExactly(x, positive, separator);
        var bound = new ConvergenceBound
        {
            Radius = MaxMarginSearch.CertifiedRadius(x),
            Margin = gamma,
            MarginUpperEstimate = Math.Max(gamma, search.UpperEstimate),
        };
        var w = separator[..d];
        double b = separator[d];
        double wNorm = Math.Sqrt(w.Sum(v => v * v));
        double margin = wNorm == 0 ? double.PositiveInfinity : Enumerable.Range(0, x.Count)
            .Min(i => (positive[i] ? 1 : -1) * (MaxMarginSearch.Dot(w, x[i]) + b)) / wNorm;
        var plane = new SeparatingHyperplane(w, b, margin);
        string equation = Equation(w, b);
        return result with
        {
            Verdict = SeparabilityVerdict.Separable,
            Exact = exact,
            Hyperplane = plane,
            Bound = bound,
            Explanation =
                $"Linearly separable{(exact ? "" : " (the hyperplane was checked with outward-rounded error bounds, not exactly)")}: " +
                $"{equation} is > 0 for every sample labelled {result.PositiveClass} and < 0 for every sample labelled {result.NegativeClass}; " +
                $"the nearest sample is {Number(margin)} from the {Separator(d)}. " +
                $"From zero weights the perceptron makes at most (R/γ)² = ({Number(bound.Radius)}/{Number(bound.Margin)})² ≈ {bound.MaxUpdates:N0} updates " +
                "(R: the largest ‖(x, 1)‖; γ: a certified lower bound on the best margin with the bias as a weight).",
        };
    }

    /// <summary>v rounded to about five significant digits of its largest component.</summary>
    private static double[] Tidy(double[] v)
    {
        double scale = v.Max(Math.Abs);
        if (!(scale > 0) || !double.IsFinite(scale)) return v;
        int digits = Math.Clamp(5 - (int)Math.Floor(Math.Log10(scale)), 0, 15);
        return Array.ConvertAll(v, c => Math.Round(c, digits));
    }

    /// <summary>Whether y_i(w·x_i + b) &gt; 0 for every row, computed in exact rationals from the doubles.</summary>
    private static bool SeparatesExactly(IReadOnlyList<double[]> x, bool[] positive, double[] v)
    {
        var w = Array.ConvertAll(v, Rational.FromDouble);
        for (int i = 0; i < x.Count; i++)
        {
            int sign = ExactScore(w, x[i]).Sign;
            if ((positive[i] ? sign : -sign) <= 0) return false;
        }
        return true;
    }

    /// <summary>w·row + b in exact rational arithmetic, with the bias b as the last of <paramref name="w"/>.</summary>
    private static Rational ExactScore(Rational[] w, double[] row)
    {
        var s = w[^1];
        for (int k = 0; k < row.Length; k++) s += w[k] * Rational.FromDouble(row[k]);
        return s;
    }

    private static SeparabilityResult NotSeparable(IReadOnlyList<double[]> x, bool[] positive, SeparabilityResult result, Rational[] lambda)
    {
        int d = x[0].Length;
        var common = new Rational[d];
        var other = new Rational[d];
        Array.Fill(common, Rational.Zero);
        Array.Fill(other, Rational.Zero);
        Rational sumPositive = Rational.Zero, sumNegative = Rational.Zero;
        for (int i = 0; i < x.Count; i++)
        {
            if (lambda[i].Sign < 0) throw new InvalidOperationException("Internal error: a negative certificate weight.");
            if (lambda[i].IsZero) continue;
            var target = positive[i] ? common : other;
            for (int k = 0; k < d; k++) target[k] += lambda[i] * Rational.FromDouble(x[i][k]);
            if (positive[i]) sumPositive += lambda[i]; else sumNegative += lambda[i];
        }
        if (sumPositive != Rational.One || sumNegative != Rational.One || !common.SequenceEqual(other))
            throw new InvalidOperationException("Internal error: the non-separability certificate does not check out; please report this data.");

        WeightedPoint[] Points(bool side) => Enumerable.Range(0, x.Count)
            .Where(i => positive[i] == side && !lambda[i].IsZero)
            .Select(i => new WeightedPoint(i, (double[])x[i].Clone(), lambda[i].ToDouble(), lambda[i].ToString()))
            .ToArray();
        var certificate = new OverlapCertificate
        {
            Positive = Points(true),
            Negative = Points(false),
            CommonPoint = Array.ConvertAll(common, r => r.ToDouble()),
            ExactCommonPoint = Array.ConvertAll(common, r => r.ToString()),
        };
        string first = Combination(certificate.Negative), second = Combination(certificate.Positive);
        if (first.StartsWith("the average of ", StringComparison.Ordinal) && second.StartsWith("the average of ", StringComparison.Ordinal))
            second = second["the average ".Length..];
        string explanation =
            $"{Point(certificate.CommonPoint)} is {first} (labelled {result.NegativeClass}) and also {second} (labelled {result.PositiveClass}), " +
            $"so no {Separator(d)} can put the two classes on different sides: " +
            $"a {Separator(d)} with all of one class on one side has every average of them there too, and this point would have to be on both sides at once.";
        return result with { Verdict = SeparabilityVerdict.NotSeparable, Exact = true, Certificate = certificate, Explanation = explanation };
    }

    private static string Combination(IReadOnlyList<WeightedPoint> points)
    {
        if (points.Count == 1)
            return $"the point {Point(points[0].Point)} itself";
        if (points.All(p => p.ExactWeight == points[0].ExactWeight))
        {
            var names = points.Select(p => Point(p.Point)).ToArray();
            return $"the average of {string.Join(", ", names[..^1])} and {names[^1]}";
        }
        return string.Join(" + ", points.Select(p => $"{p.ExactWeight}·{Point(p.Point)}"));
    }

    /// <summary>"line" in 2-D, "plane" in 3-D, "threshold" in 1-D, "hyperplane" beyond.</summary>
    internal static string Separator(int features) => features switch { 1 => "threshold", 2 => "line", 3 => "plane", _ => "hyperplane" };

    private static string Equation(double[] w, double b)
    {
        var terms = w.Select((v, k) => $"{Number(v)}·x{Subscript(k + 1)}").Append(Number(b));
        return string.Join(" + ", terms).Replace("+ -", "- ", StringComparison.Ordinal);
    }

    private static string Subscript(int k) => string.Concat(k.ToString(CultureInfo.InvariantCulture).Select(c => (char)('₀' + (c - '0'))));

    private static string Point(IReadOnlyList<double> p) => $"({string.Join(", ", p.Select(Number))})";

    internal static string Number(double v) => Math.Abs(v) < 1e-300 ? "0" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Text<TLabel>(TLabel label) where TLabel : notnull => Convert.ToString(label, CultureInfo.InvariantCulture) ?? "";
}

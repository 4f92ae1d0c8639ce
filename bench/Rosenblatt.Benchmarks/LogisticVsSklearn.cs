using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rosenblatt.Data;
using Rosenblatt.Linear;

namespace Rosenblatt.Benchmarks;

/// <summary><c>logistic-vs-sklearn REFERENCE.json [OTHER.json ...]</c>: fits <see cref="LogisticRegression"/> on all of the
/// digits (raw 0..16 features) with <c>L2 = 1/(C·n)</c> and prints how far its coefficients are from scikit-learn's.</summary>
/// <remarks>The JSON files come from <c>bench/peers/logreg_digits.py</c>; the first is the reference (newton-cg run to a
/// tight tolerance: raw digits are badly conditioned, and SciPy's L-BFGS-B as scikit-learn 1.2 calls it also stops on a
/// relative decrease of the loss below 2.2e-9, short of a tight gtol), the others (e.g. scikit-learn's defaults) are compared with it too. The relative difference is
/// ‖A − B‖ / ‖B‖ over every coefficient and intercept (Frobenius norm). Driven by <c>bench/logistic-vs-sklearn.sh</c>.</remarks>
internal static class LogisticVsSklearn
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: logistic-vs-sklearn REFERENCE.json [OTHER.json ...]");
            return 2;
        }
        var reference = Read(args[0]);
        var digits = BuiltInDatasets.Digits();
        var x = digits.ToRows();
        int[] y = digits.Labels;
        double l2 = 1 / (reference.C * x.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"digits: {x.Length} rows, {x[0].Length} raw features, {digits.ClassCount} classes; scikit-learn C = {reference.C} -> L2 = 1/(C*n) = {l2:G6}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reference: scikit-learn {reference.Solver}, tol {reference.Tol:G3}, {reference.Iterations} iterations, converged {reference.Converged}, {reference.Seconds:F2} s"));
        foreach (var other in args.Skip(1).Select(Read))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scikit-learn {other.Solver} tol {other.Tol:G3} max_iter {other.MaxIter}: {other.Iterations} iterations, converged {other.Converged}, {other.Seconds:F2} s, relative difference {Relative(other.Parameters, reference.Parameters):P4}"));

        Fit("ours, default options (L-BFGS, GradientTolerance 1e-8)", new LogisticRegressionOptions { L2 = l2 }, x, y, reference);
        Fit("ours, L-BFGS, GradientTolerance 1e-6", new LogisticRegressionOptions { L2 = l2, GradientTolerance = 1e-6 }, x, y, reference);
        Fit("ours, L-BFGS, GradientTolerance 1e-7", new LogisticRegressionOptions { L2 = l2, GradientTolerance = 1e-7, MaxEpochs = 100_000 }, x, y, reference);
        Fit("ours, gradient descent, the old defaults (lr 0.5, at most 5000 epochs, loss-plateau stop)", new LogisticRegressionOptions { L2 = l2, Solver = LogisticRegressionSolver.GradientDescent }, x, y, reference);
        Fit("ours, gradient descent lr 0.01, at most 5000 epochs", new LogisticRegressionOptions { L2 = l2, Solver = LogisticRegressionSolver.GradientDescent, LearningRate = 0.01 }, x, y, reference);
        return 0;
    }

    private static void Fit(string name, LogisticRegressionOptions options, double[][] x, int[] y, Reference reference)
    {
        var model = new LogisticRegression(options);
        var clock = Stopwatch.StartNew();
        try
        {
            model.Fit(x, y);
        }
        catch (Training.TrainingDivergedException e)
        {
            Console.WriteLine($"{name}: diverged ({e.Message.Split('.')[0]})");
            return;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var ours = model.Coefficients.Zip(model.Intercepts, (w, b) => w.Append(b).ToArray()).SelectMany(r => r).ToArray();
        double maxAbs = ours.Zip(reference.Parameters, (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {model.EpochsRun} iterations/epochs, converged {model.Converged}, {seconds:F2} s, max |gradient| {model.GradientNorm:G3}, " +
            $"relative difference {Relative(ours, reference.Parameters):P4}, largest coefficient difference {maxAbs:G3}"));
    }

    private static double Relative(double[] a, double[] b) =>
        Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum()) / Math.Sqrt(b.Sum(q => q * q));

    private sealed record Reference(string Solver, double C, double Tol, int MaxIter, int Iterations, bool Converged, double Seconds, double[] Parameters);

    /// <summary>Reads a logreg_digits.py document; parameters flattened class by class: 64 coefficients, then the intercept.</summary>
    private static Reference Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var coef = root.GetProperty("coef").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var intercept = root.GetProperty("intercept").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var parameters = coef.Zip(intercept, (w, b) => w.Append(b).ToArray()).SelectMany(r => r).ToArray();
        return new Reference(root.GetProperty("solver").GetString()!, root.GetProperty("C").GetDouble(), root.GetProperty("tol").GetDouble(), root.GetProperty("max_iter").GetInt32(),
            root.GetProperty("n_iter").GetInt32(), root.GetProperty("converged").GetBoolean(), root.GetProperty("seconds").GetDouble(), parameters);
    }
}

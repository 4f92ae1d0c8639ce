using System.Numerics.Tensors;

namespace Rosenblatt.Numerics;

/// <summary>How an <see cref="Lbfgs"/> run ended.</summary>
internal enum LbfgsOutcome
{
    /// <summary>The largest gradient component fell to the tolerance or below.</summary>
    Converged,

    /// <summary>The iteration cap was reached first.</summary>
    MaxIterations,

    /// <summary>The caller asked to stop (e.g. cancellation).</summary>
    Stopped,

    /// <summary>No step along the search direction lowered the function: the point is as good as double precision allows.</summary>
    LineSearchFailed,
}

/// <summary>Limited-memory BFGS: minimizes a smooth function of a vector of doubles from its values and gradients.</summary>
/// <remarks>
/// <para>Nocedal and Wright, <i>Numerical Optimization</i> (2nd ed.), algorithms 7.4 and 7.5. The last <c>m</c> steps
/// <c>s = x₊ − x</c> and gradient changes <c>y = ∇f₊ − ∇f</c> stand for the inverse Hessian: the two-loop recursion
/// turns the gradient into the direction <c>d = −H∇f</c> with <c>H₀ = (s·y / y·y)·I</c> from the newest pair. A
/// backtracking line search from the full step <c>t = 1</c> keeps the first <c>t</c> that satisfies Armijo's
/// sufficient decrease <c>f(x + t·d) ≤ f(x) + 10⁻⁴·t·∇f·d</c>, shrinking <c>t</c> by a safeguarded quadratic fit. A pair
/// with <c>s·y ≤ 0</c> (no positive curvature) is not stored, so <c>H</c> stays positive definite.</para>
/// <para>It stops when <c>max |∂f/∂xᵢ| ≤ tolerance</c>, the criterion SciPy's L-BFGS-B applies for scikit-learn
/// (<c>gtol = tol</c>). Spans of doubles only; it knows nothing of models. Allocates its memory once per run.</para>
/// </remarks>
internal static class Lbfgs
{
    private const double Armijo = 1e-4;
    private const int MaxLineSearchSteps = 60;

    /// <summary>Minimizes from <paramref name="x"/>, which receives the result.</summary>
    /// <param name="evaluate">Writes ∇f at its first argument into its second and returns f; the last call is always at the accepted point.</param>
    /// <param name="x">The starting point; on return, the last accepted point.</param>
    /// <param name="maxIterations">The most iterations (each one line search).</param>
    /// <param name="tolerance">The gradient tolerance on the largest absolute component.</param>
    /// <param name="memory">Pairs kept, e.g. 10.</param>
    /// <param name="iterationDone">Called after each accepted step with (iteration, f, step length, largest |gradient|); returns false to stop.</param>
    /// <returns>How the run ended and the iterations taken.</returns>
    public static (LbfgsOutcome Outcome, int Iterations) Minimize(
        Func<double[], double[], double> evaluate, double[] x, int maxIterations, double tolerance, int memory,
        Func<int, double, double, double, bool> iterationDone)
    {
        int n = x.Length;
        var w = (double[])x.Clone();
        var g = new double[n];
        var wNew = new double[n];
        var gNew = new double[n];
        var d = new double[n];
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        for (int i = 0; i < memory; i++)
        {
            s[i] = new double[n];
            y[i] = new double[n];
        }
        int stored = 0, newest = -1;

        double f = evaluate(w, g);
        if (!double.IsFinite(f))
            throw new ArithmeticException($"the function is not finite at the starting point (f = {f}).");
        double gMax = MaxAbs(g);
        if (gMax <= tolerance)
        {
            iterationDone(0, f, 0, gMax);
            return (LbfgsOutcome.Converged, 0);
        }

        for (int k = 1; k <= maxIterations; k++)
        {
            // Two-loop recursion: d = −H·g.
            g.CopyTo(d, 0);
            for (int j = 0; j < stored; j++)
            {
                int i = (newest - j + memory) % memory;
                alpha[i] = rho[i] * TensorPrimitives.Dot(s[i], d);
                TensorPrimitives.MultiplyAdd(y[i], -alpha[i], d, d);
            }
            double gamma = stored > 0
                ? TensorPrimitives.Dot(s[newest], y[newest]) / TensorPrimitives.Dot(y[newest], y[newest])
                : Math.Min(1, 1 / TensorPrimitives.Norm(g));
            TensorPrimitives.Multiply(d, gamma, d);
            for (int j = stored - 1; j >= 0; j--)
            {
                int i = (newest - j + memory) % memory;
                double beta = rho[i] * TensorPrimitives.Dot(y[i], d);
                TensorPrimitives.MultiplyAdd(s[i], alpha[i] - beta, d, d);
            }
            TensorPrimitives.Negate(d, d);
            double slope = TensorPrimitives.Dot(g, d);
            if (!(slope < 0))
            {
                // Not a descent direction (rounding in a stale memory): restart from steepest descent.
                stored = 0;
                TensorPrimitives.Multiply(g, -Math.Min(1, 1 / TensorPrimitives.Norm(g)), d);
                slope = TensorPrimitives.Dot(g, d);
            }

            double t = 1, fNew = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < MaxLineSearchSteps; ls++)
            {
                TensorPrimitives.MultiplyAdd(d, t, w, wNew);
                fNew = evaluate(wNew, gNew);
                if (double.IsFinite(fNew) && fNew <= f + Armijo * t * slope)
                {
                    accepted = true;
                    break;
                }
                // Minimum of the quadratic through f, the slope and fNew, kept within [0.1·t, 0.5·t].
                double fitted = double.IsFinite(fNew) ? -slope * t * t / (2 * (fNew - f - slope * t)) : 0.1 * t;
                t = Math.Clamp(double.IsFinite(fitted) ? fitted : 0.5 * t, 0.1 * t, 0.5 * t);
            }
            if (!accepted)
            {
                // The last evaluation was at a rejected point: evaluate the kept one again so callers see its figures.
                evaluate(w, g);
                w.CopyTo(x, 0);
                return (LbfgsOutcome.LineSearchFailed, k - 1);
            }

            int next = (newest + 1) % memory;
            TensorPrimitives.Subtract(wNew, w, s[next]);
            TensorPrimitives.Subtract(gNew, g, y[next]);
            double sy = TensorPrimitives.Dot(s[next], y[next]);
            if (sy > 1e-12 * TensorPrimitives.Dot(y[next], y[next]) && sy > 0)
            {
                rho[next] = 1 / sy;
                newest = next;
                stored = Math.Min(stored + 1, memory);
            }
            (w, wNew) = (wNew, w);
            (g, gNew) = (gNew, g);
            f = fNew;
            gMax = MaxAbs(g);
            bool keepGoing = iterationDone(k, f, t, gMax);
            if (gMax <= tolerance)
            {
                w.CopyTo(x, 0);
                return (LbfgsOutcome.Converged, k);
            }
            if (!keepGoing)
            {
                w.CopyTo(x, 0);
                return (LbfgsOutcome.Stopped, k);
            }
        }
        w.CopyTo(x, 0);
        return (LbfgsOutcome.MaxIterations, maxIterations);
    }

    /// <summary>The largest absolute component (the ∞-norm).</summary>
    public static double MaxAbs(ReadOnlySpan<double> v) => v.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(v));
}

namespace Rosenblatt.Numerics;

/// <summary>Decides exactly whether <c>A·z = b, z ≥ 0</c> has a solution, and proves the answer either way.</summary>
/// <remarks>
/// <para>Phase 1 of the simplex method in rational arithmetic: minimise the sum of artificial variables
/// <c>a</c> in <c>A·z + a = b</c>, starting from <c>a = b</c>. Bland's rule (lowest index enters, lowest
/// basic index leaves on ties) rules out cycling, so it always ends. An optimum of zero gives a basic
/// solution z (at most m nonzeros). A positive optimum gives Farkas's certificate of infeasibility: the
/// simplex multipliers π with <c>πᵀA ≤ 0</c> and <c>πᵀb &gt; 0</c> (read from the artificial columns'
/// reduced costs, <c>π_i = 1 − r_(a_i)</c>).</para>
/// <para>Rationals keep the answer exact; the cost is big-integer arithmetic, so callers bound the size.</para>
/// </remarks>
internal static class ExactFeasibility
{
    /// <summary>Solves the feasibility problem.</summary>
    /// <param name="a">m rows of n coefficients.</param>
    /// <param name="b">m right-hand sides, each ≥ 0.</param>
    /// <returns>(true, z, null) when feasible; (false, null, π) when not.</returns>
    internal static (bool Feasible, Rational[]? Z, Rational[]? Pi) Solve(Rational[][] a, Rational[] b)
    {
        int m = b.Length;
        int n = m == 0 ? 0 : a[0].Length;
        int columns = n + m;
        var t = new Rational[m][];
        var basis = new int[m];
        for (int i = 0; i < m; i++)
        {
            if (b[i].Sign < 0) throw new ArgumentException("Right-hand sides must be >= 0.", nameof(b));
            t[i] = new Rational[columns + 1];
            for (int j = 0; j < n; j++) t[i][j] = a[i][j];
            for (int j = n; j < columns; j++) t[i][j] = j - n == i ? Rational.One : Rational.Zero;
            t[i][columns] = b[i];
            basis[i] = n + i;
        }
        // Reduced costs r_j = c_j − Σ_i c_basis(i)·t[i][j]; c is 1 on artificials, 0 elsewhere.
        var r = new Rational[columns + 1];
        for (int j = 0; j <= columns; j++)
        {
            var sum = Rational.Zero;
            for (int i = 0; i < m; i++) sum += t[i][j];
            r[j] = (j >= n && j < columns ? Rational.One : Rational.Zero) - sum;
        }

        while (true)
        {
            int enter = -1;
            for (int j = 0; j < columns; j++)
            {
                if (r[j].Sign < 0) { enter = j; break; }
            }
            if (enter < 0) break;
            int leave = -1;
            var best = Rational.Zero;
            for (int i = 0; i < m; i++)
            {
                if (t[i][enter].Sign <= 0) continue;
                var ratio = t[i][columns] / t[i][enter];
                int cmp = leave < 0 ? -1 : ratio.CompareTo(best);
                if (cmp < 0 || (cmp == 0 && basis[i] < basis[leave]))
                {
                    leave = i;
                    best = ratio;
                }
            }
            // Phase 1 is bounded below by 0, so an entering column always has a positive entry.
            if (leave < 0) throw new InvalidOperationException("Phase 1 unbounded: impossible for a sum of nonnegative variables.");
            Pivot(t, r, leave, enter);
            basis[leave] = enter;
        }

        // -r[columns] is the sum of artificials at the optimum.
        if (r[columns].IsZero)
        {
            var z = new Rational[n];
            Array.Fill(z, Rational.Zero);
            for (int i = 0; i < m; i++)
            {
                if (basis[i] < n) z[basis[i]] = t[i][columns];
            }
            return (true, z, null);
        }
        var pi = new Rational[m];
        for (int i = 0; i < m; i++) pi[i] = Rational.One - r[n + i];
        return (false, null, pi);
    }

    private static void Pivot(Rational[][] t, Rational[] r, int row, int col)
    {
        var pivotRow = t[row];
        var p = pivotRow[col];
        for (int j = 0; j < pivotRow.Length; j++)
        {
            if (!pivotRow[j].IsZero) pivotRow[j] /= p;
        }
        for (int i = 0; i < t.Length; i++)
        {
            if (i != row) Eliminate(t[i], pivotRow, col);
        }
        Eliminate(r, pivotRow, col);
    }

    private static void Eliminate(Rational[] target, Rational[] pivotRow, int col)
    {
        var factor = target[col];
        if (factor.IsZero) return;
        for (int j = 0; j < target.Length; j++)
        {
            if (!pivotRow[j].IsZero) target[j] -= factor * pivotRow[j];
        }
    }
}

using System.Globalization;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Prints numbers the way NumPy's <c>print(np.round(a, 2))</c> does, so a run can be compared with a script's output by eye.</summary>
/// <remarks>
/// <para>NumPy rounds half to even after scaling (<c>rint(a·10ᵈ)/10ᵈ</c>), then prints each element in its
/// shortest round-trip form with at most 8 decimals, drops a trailing ".0" to ".", pads every element to the
/// widest integer part (left) and fraction (right), and separates them with one space:
/// <c>[0.03 0.97 0.97 0.03]</c>, <c>[1.   0.03]</c>. When the non-zero magnitudes exceed 1e8, go below 1e-4 or
/// span more than a factor 1000 it switches to scientific notation with a common number of mantissa digits:
/// <c>[1.234e+01 1.000e-02]</c>. This is NumPy ≥ 1.14's default (<c>floatmode='maxprec'</c>, precision 8).</para>
/// <para>Only finite values are expected; NaN and infinities print as NumPy's <c>nan</c> and <c>inf</c>.</para>
/// </remarks>
internal static class NumPyFormat
{
    /// <summary>NumPy's <c>np.round(value, decimals)</c>: scale, round half to even, scale back.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">The decimals to keep, 0 to 15.</param>
    public static double Round(double value, int decimals)
    {
        double scale = Math.Pow(10, decimals);
        return Math.Round(value * scale, MidpointRounding.ToEven) / scale;
    }

    /// <summary>Prints a one-dimensional array as NumPy does, e.g. <c>[0.03 0.97 0.97 0.03]</c>.</summary>
    /// <param name="values">The elements, already rounded if wanted.</param>
    public static string Array(IReadOnlyList<double> values)
    {
        double[] nonZero = values.Where(v => double.IsFinite(v) && v != 0).Select(Math.Abs).ToArray();
        bool scientific = nonZero.Length > 0 && (nonZero.Max() >= 1e8 || nonZero.Min() < 1e-4 || nonZero.Max() / nonZero.Min() > 1000);
        string[] cells = scientific ? Scientific(values) : Positional(values);
        return "[" + string.Join(" ", cells) + "]";
    }

    private static string[] Positional(IReadOnlyList<double> values)
    {
        var parts = values.Select(v => double.IsFinite(v) ? Split(Shortest(v)) : (NonFinite(v), "")).ToArray();
        int left = parts.Max(p => p.Item1.Length);
        int right = parts.Max(p => p.Item2.Length);
        return parts.Select((p, i) => double.IsFinite(values[i])
            ? (p.Item1.PadLeft(left) + "." + p.Item2).PadRight(left + 1 + right)
            : p.Item1.PadLeft(left + 1 + right)).ToArray();
    }

    private static string[] Scientific(IReadOnlyList<double> values)
    {
        // Shortest mantissa digits per element, then all padded with zeros to the longest, as NumPy does.
        var parsed = values.Select(v => double.IsFinite(v) ? Mantissa(v) : (Digits: "", Exponent: 0)).ToArray();
        int fraction = parsed.Max(p => Math.Max(0, p.Digits.Length - 1));
        int exponentDigits = Math.Max(2, parsed.Max(p => Math.Abs(p.Exponent).ToString(CultureInfo.InvariantCulture).Length));
        string[] cells = new string[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                cells[i] = NonFinite(values[i]);
                continue;
            }
            (string digits, int exponent) = parsed[i];
            string sign = double.IsNegative(values[i]) ? "-" : "";
            string mantissa = sign + digits[0] + "." + digits[1..].PadRight(fraction, '0');
            cells[i] = mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(exponentDigits, '0');
        }
        int width = cells.Max(c => c.Length);
        return cells.Select(c => c.PadLeft(width)).ToArray();
    }

    /// <summary>The shortest round-trip digits of |value| (no dot, no leading zeros) and its decimal exponent.</summary>
    private static (string Digits, int Exponent) Mantissa(double value)
    {
        if (value == 0)
            return ("0", 0);
        string e = Math.Abs(value).ToString("E16", CultureInfo.InvariantCulture);
        // Shortest round-trip: fewest significant digits that parse back to the same double, at most 9 (NumPy's precision 8 + 1).
        for (int digits = 1; digits <= 9; digits++)
        {
            e = Math.Abs(value).ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(e, CultureInfo.InvariantCulture) == Math.Abs(value))
                break;
        }
        int mark = e.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e[..mark].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        return (mantissa.Length == 0 ? "0" : mantissa, int.Parse(e[(mark + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The shortest round-trip positional form, at most 8 decimals.</summary>
    private static string Shortest(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        bool tooLong = dot >= 0 && text.Length - dot - 1 > 8;
        return text.Contains('E', StringComparison.Ordinal) || tooLong ? value.ToString("0.########", CultureInfo.InvariantCulture) : text;
    }

    private static (string Integer, string Fraction) Split(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (text, "") : (text[..dot], text[(dot + 1)..]);
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
}

using System.Globalization;

namespace Rosenblatt.Autodiff;

// The operations: each forward formula with its local derivatives on the next line.
// Templates: {a}, {b} are the inputs, {out} the result.
public sealed partial class Value
{
    /// <summary>Sum <c>a + b</c>; ∂/∂a = 1, ∂/∂b = 1.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    public static Value operator +(Value a, Value b)
    {
        Check(a, nameof(a), b, nameof(b));
        return new(a.Data + b.Data, "+", "+", [a, b],
            [1.0, 1.0], "{a} + {b}", ["1", "1"]);
    }

    /// <summary>Difference <c>a − b</c>; ∂/∂a = 1, ∂/∂b = −1.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    public static Value operator -(Value a, Value b)
    {
        Check(a, nameof(a), b, nameof(b));
        return new(a.Data - b.Data, "-", "-", [a, b],
            [1.0, -1.0], "{a} - {b}", ["1", "-1"]);
    }

    /// <summary>Product <c>a · b</c>; ∂/∂a = b, ∂/∂b = a: each factor's gradient is the other factor.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    public static Value operator *(Value a, Value b)
    {
        Check(a, nameof(a), b, nameof(b));
        return new(a.Data * b.Data, "*", "*", [a, b],
            [b.Data, a.Data], "{a}·{b}", ["{b}", "{a}"]);
    }

    /// <summary>Quotient <c>a / b</c>; ∂/∂a = 1/b, ∂/∂b = −a/b².</summary>
    /// <param name="a">Numerator.</param>
    /// <param name="b">Denominator; must not be 0.</param>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is 0.</exception>
    public static Value operator /(Value a, Value b)
    {
        Check(a, nameof(a), b, nameof(b));
        if (b.Data == 0.0)
            throw new DivideByZeroException(
                $"cannot divide {a.Describe()} by {b.Describe()}, which is 0. help: keep the denominator away from 0, e.g. divide by (b + 1e-12) or check how b was computed.");
        return new(a.Data / b.Data, "/", "/", [a, b],
            [1.0 / b.Data, -a.Data / (b.Data * b.Data)], "{a} / {b}", ["1 / {b}", "-{a} / {b}²"]);
    }

    /// <summary>Negation <c>−a</c>; ∂/∂a = −1.</summary>
    /// <param name="a">The operand.</param>
    public static Value operator -(Value a)
    {
        Check(a, nameof(a));
        return new(-a.Data, "neg", "neg", [a],
            [-1.0], "-{a}", ["-1"]);
    }

    /// <summary>Adds a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The constant.</param>
    public static Value operator +(Value a, double b) => a + new Value(b);

    /// <summary>Adds to a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The value.</param>
    public static Value operator +(double a, Value b) => new Value(a) + b;

    /// <summary>Subtracts a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The constant.</param>
    public static Value operator -(Value a, double b) => a - new Value(b);

    /// <summary>Subtracts from a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The value.</param>
    public static Value operator -(double a, Value b) => new Value(a) - b;

    /// <summary>Multiplies by a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The constant.</param>
    public static Value operator *(Value a, double b) => a * new Value(b);

    /// <summary>Multiplies a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The value.</param>
    public static Value operator *(double a, Value b) => new Value(a) * b;

    /// <summary>Divides by a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The constant; must not be 0.</param>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is 0.</exception>
    public static Value operator /(Value a, double b) => a / new Value(b);

    /// <summary>Divides a constant, which becomes an unlabelled leaf.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The value; must not be 0.</param>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is 0.</exception>
    public static Value operator /(double a, Value b) => new Value(a) / b;

    /// <summary>Power <c>aᵖ</c> with a constant exponent; ∂/∂a = p·aᵖ⁻¹.</summary>
    /// <param name="exponent">The constant p.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="exponent"/> is not finite, or the power or its derivative is undefined here:
    /// a negative base with a fractional exponent, or a zero base with an exponent below 1.
    /// </exception>
    public Value Pow(double exponent)
    {
        CheckPow(exponent);
        string p = ValueFormat.Number(exponent);
        bool square = exponent == 2.0;
        double local = exponent == 0.0 ? 0.0 : exponent * Math.Pow(Data, exponent - 1.0);
        return new(Math.Pow(Data, exponent), "pow", "^" + p, [this],
            [local], square ? "{a}²" : "{a}^" + p, [square ? "2·{a}" : $"{p}·{{a}}^({p} - 1)"]);
    }

    /// <summary>Exponential <c>eᵃ</c>; ∂/∂a = eᵃ, the function is its own derivative.</summary>
    public Value Exp()
    {
        double e = Math.Exp(Data);
        return new(e, "exp", "exp", [this],
            [e], "exp({a})", ["exp({a})"]);
    }

    /// <summary>Natural logarithm <c>ln a</c>; ∂/∂a = 1/a.</summary>
    /// <exception cref="ArgumentOutOfRangeException">This value is 0 or negative.</exception>
    public Value Log()
    {
        if (Data <= 0.0)
            throw new ArgumentOutOfRangeException(nameof(Data), Data,
                $"Log needs a value > 0, but {Describe()} is {ValueFormat.Number(Data)}. help: logarithms take positive inputs such as probabilities from Sigmoid; clamp with (p + 1e-12).Log() if p can reach 0.");
        return new(Math.Log(Data), "log", "log", [this],
            [1.0 / Data], "ln({a})", ["1 / {a}"]);
    }

    /// <summary>Hyperbolic tangent <c>tanh a</c>; ∂/∂a = 1 − tanh²a, read off the output.</summary>
    public Value Tanh()
    {
        double t = Math.Tanh(Data);
        return new(t, "tanh", "tanh", [this],
            [1.0 - t * t], "tanh({a})", ["1 - {out}²"]);
    }

    /// <summary>Logistic sigmoid <c>σ(a) = 1 / (1 + e⁻ᵃ)</c>; ∂/∂a = σ(a)·(1 − σ(a)).</summary>
    /// <remarks>Evaluated as <c>eᵃ / (1 + eᵃ)</c> for negative a so that no exponential overflows.</remarks>
    public Value Sigmoid()
    {
        double s = Data >= 0 ? 1.0 / (1.0 + Math.Exp(-Data)) : Math.Exp(Data) / (1.0 + Math.Exp(Data));
        return new(s, "sigmoid", "sigmoid", [this],
            [s * (1.0 - s)], "σ({a})", ["{out}·(1 - {out})"]);
    }

    /// <summary>Rectified linear unit <c>max(0, a)</c>; ∂/∂a = 1 where a &gt; 0, else 0 (0 at the kink, as micrograd).</summary>
    public Value Relu()
    {
        bool active = Data > 0;
        return new(active ? Data : 0.0, "relu", "relu", [this],
            [active ? 1.0 : 0.0], "relu({a})", [active ? "1 (since {a} > 0)" : "0 (since {a} <= 0)"]);
    }

    /// <summary>Leaky ReLU: <c>a</c> where a &gt; 0, else <c>slope·a</c>; ∂/∂a = 1 or slope, so negative inputs still learn.</summary>
    /// <param name="slope">The gradient for negative inputs, typically 0.01; finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slope"/> is negative or not finite.</exception>
    public Value LeakyRelu(double slope = 0.01)
    {
        if (!double.IsFinite(slope) || slope < 0)
            throw new ArgumentOutOfRangeException(nameof(slope), slope,
                $"slope must be a finite number >= 0 (received {slope.ToString("R", CultureInfo.InvariantCulture)}). help: the usual leak is 0.01; 0 gives plain ReLU.");
        bool active = Data > 0;
        string s = ValueFormat.Number(slope);
        return new(active ? Data : slope * Data, "leaky_relu", "leaky_relu " + s, [this],
            [active ? 1.0 : slope], $"leaky_relu({{a}}, {s})", [active ? "1 (since {a} > 0)" : $"{s} (since {{a}} <= 0)"]);
    }

    private void CheckPow(double exponent)
    {
        string received = $"(received exponent {exponent.ToString("R", CultureInfo.InvariantCulture)} on {Describe()} = {ValueFormat.Number(Data)})";
        if (!double.IsFinite(exponent))
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                $"exponent must be finite {received}. help: use a finite constant such as 2 or 0.5.");
        if (Data < 0 && exponent != Math.Floor(exponent))
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                $"a negative base needs a whole-number exponent {received}. help: a fractional power of a negative number is not a real number; make the base positive first (e.g. square it).");
        if (Data == 0 && exponent < 1 && exponent != 0)
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                $"the power or its derivative is infinite at 0 for exponents below 1 {received}. help: add a small epsilon to the base, e.g. (x + 1e-12).Pow(0.5).");
    }

    private static void Check(Value? a, string nameA, Value? b = null, string? nameB = null)
    {
        if (a is null)
            throw new ArgumentNullException(nameA, $"{nameA} is null. help: create the operand with new Value(number) first.");
        if (nameB is not null && b is null)
            throw new ArgumentNullException(nameB, $"{nameB} is null. help: create the operand with new Value(number) first.");
    }
}

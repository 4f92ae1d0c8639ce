using System.Globalization;

namespace Rosenblatt.Autodiff;

/// <summary>How numbers and node names appear in printed formulas, graphs and walkthroughs.</summary>
/// <remarks>Six significant digits keep a chain-rule line readable; tests read exact values from the properties instead.</remarks>
internal static class ValueFormat
{
    // A name containing one of these is an expression and needs parentheses inside a formula;
    // inside a derivative symbol a superscript also needs them (∂L/∂(d²), not ∂L/∂d²).
    private static readonly char[] OperatorChars = [' ', '+', '-', '·', '*', '/', '^', '(', ')'];
    private static readonly char[] DerivativeChars = [.. OperatorChars, '²'];

    /// <summary>A number with up to six significant digits, invariant culture, and no "-0".</summary>
    internal static string Number(double value)
    {
        string text = value.ToString("G6", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>A number ready to sit inside a formula: negative values get parentheses.</summary>
    internal static string Operand(double value)
    {
        string text = Number(value);
        return text.StartsWith('-') ? $"({text})" : text;
    }

    /// <summary>A node's name inside a formula: its label (bracketed if it is itself an expression) or its value.</summary>
    internal static string Symbol(Value value) =>
        value.Label is { Length: > 0 } label ? Bracket(label) : Operand(value.Data);

    /// <summary>Wraps a name such as <c>w1·x</c> in parentheses so <c>∂L/∂(w1·x)</c> reads unambiguously.</summary>
    internal static string Bracket(string name) => Bracket(name, OperatorChars);

    /// <summary>The partial derivative symbol <c>∂of/∂wrt</c>.</summary>
    internal static string Partial(string of, string wrt) =>
        $"∂{Bracket(of, DerivativeChars)}/∂{Bracket(wrt, DerivativeChars)}";

    private static string Bracket(string name, char[] specials) =>
        name.IndexOfAny(specials) >= 0 ? $"({name})" : name;
}

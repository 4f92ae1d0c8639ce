namespace Rosenblatt.Autodiff;

/// <summary>One line of a backpropagation walkthrough: what is computed, its formula, the numbers plugged in, and the result.</summary>
/// <remarks>
/// Printed as <c>Title = Formula = Numbers = Result</c>, skipping parts that would only repeat the one
/// before, e.g. <c>∂L/∂w1 = ∂L/∂(w1·x) · ∂(w1·x)/∂w1 = ∂L/∂(w1·x) · x = -0.0118 × 1 = -0.0118</c>.
/// </remarks>
/// <param name="Title">The value being computed: a name such as <c>h</c>, or a gradient such as <c>∂L/∂h</c>.</param>
/// <param name="Formula">The formula in names; empty for a given value.</param>
/// <param name="Numbers">The same formula with numbers plugged in; empty for a given value.</param>
/// <param name="Result">The value, exactly as the engine computed it.</param>
public sealed record BackpropStep(string Title, string Formula, string Numbers, double Result)
{
    /// <summary>The step as one line, e.g. <c>h = σ(z1) = σ(0.5) = 0.622459</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4) { Title };
        if (Formula.Length > 0 && Formula != Title)
            parts.Add(Formula);
        if (Numbers.Length > 0 && Numbers != parts[^1])
            parts.Add(Numbers);
        string result = ValueFormat.Number(Result);
        if (result != parts[^1])
            parts.Add(result);
        return string.Join(" = ", parts);
    }
}

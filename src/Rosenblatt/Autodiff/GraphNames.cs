namespace Rosenblatt.Autodiff;

/// <summary>The names printed graphs give their nodes: the label, else the number for a constant, else <c>v</c> and its position.</summary>
/// <remarks>Positions come from <see cref="Value.TopologicalOrder"/>, so the same graph always prints the same names.</remarks>
internal sealed class GraphNames
{
    private readonly Dictionary<Value, int> _index = new(ReferenceEqualityComparer.Instance);

    internal GraphNames(IReadOnlyList<Value> order)
    {
        for (int i = 0; i < order.Count; i++)
            _index[order[i]] = i;
    }

    /// <summary>The node's position in topological order, used as its identifier.</summary>
    internal int IndexOf(Value value) => _index[value];

    /// <summary>The node's name as a heading.</summary>
    internal string Name(Value value) =>
        value.Label is { Length: > 0 } label ? label
        : value.IsLeaf ? ValueFormat.Number(value.Data)
        : $"v{_index[value]}";

    /// <summary>The node's name inside another node's formula (bracketed or parenthesized where needed).</summary>
    internal string Symbol(Value value) =>
        value.Label is { Length: > 0 } label ? ValueFormat.Bracket(label)
        : value.IsLeaf ? ValueFormat.Operand(value.Data)
        : $"v{_index[value]}";

    /// <summary>The node's forward formula in these names, e.g. <c>σ(v3)</c>; empty for a leaf.</summary>
    internal string Formula(Value value) => value.IsLeaf ? "" : value.RenderFormula(Symbol);
}

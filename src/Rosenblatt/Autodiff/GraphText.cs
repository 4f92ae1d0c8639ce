using System.Text;

namespace Rosenblatt.Autodiff;

/// <summary>Prints a computation graph as plain text: one line per value, inputs before the values computed from them.</summary>
/// <remarks>
/// Each line shows the value's name and formula, its data and its gradient, e.g.
/// <c>h = σ(z1)   data 0.622459   grad -0.0296</c>. Unlabelled constants appear as their numbers and
/// unlabelled results as <c>v</c> plus their position, so every line can be traced to the ones above it.
/// The output is deterministic, for snapshot tests and for diffing two runs.
/// </remarks>
public static class GraphText
{
    /// <summary>Renders <paramref name="root"/> and every value it depends on, in topological order.</summary>
    /// <param name="root">The output of the computation, usually the loss.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    public static string Render(Value root)
    {
        if (root is null)
            throw new ArgumentNullException(nameof(root), "root is null. help: pass the Value whose graph to print, usually the loss.");
        IReadOnlyList<Value> order = root.TopologicalOrder();
        var names = new GraphNames(order);
        var heads = new string[order.Count];
        var data = new string[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            Value node = order[i];
            string name = names.Name(node);
            string formula = names.Formula(node);
            heads[i] = formula.Length == 0 || formula == name ? name : $"{name} = {formula}";
            data[i] = ValueFormat.Number(node.Data);
        }
        int headWidth = heads.Max(h => h.Length);
        int dataWidth = data.Max(d => d.Length);

        var text = new StringBuilder();
        for (int i = 0; i < order.Count; i++)
        {
            text.Append(heads[i].PadRight(headWidth))
                .Append("   data ").Append(data[i].PadRight(dataWidth))
                .Append("   grad ").Append(ValueFormat.Number(order[i].Grad))
                .Append('\n');
        }
        return text.ToString();
    }
}

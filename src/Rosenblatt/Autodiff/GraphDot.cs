using System.Text;

namespace Rosenblatt.Autodiff;

/// <summary>Prints a computation graph in Graphviz DOT, like micrograd's <c>draw_dot</c>: a record per value, a small node per operation.</summary>
/// <remarks>
/// Each value is a record <c>{ name | data … | grad … }</c>; each computed value has an operation node
/// (<c>+</c>, <c>*</c>, <c>sigmoid</c>, …) with edges from its inputs into the operation and from the
/// operation to the result, left to right. Render it with <c>dot -Tsvg graph.dot -o graph.svg</c>.
/// Identifiers come from topological order, so the same graph always gives the same text.
/// </remarks>
public static class GraphDot
{
    /// <summary>Renders <paramref name="root"/> and every value it depends on as a DOT digraph.</summary>
    /// <param name="root">The output of the computation, usually the loss.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    public static string Render(Value root)
    {
        if (root is null)
            throw new ArgumentNullException(nameof(root), "root is null. help: pass the Value whose graph to draw, usually the loss.");
        IReadOnlyList<Value> order = root.TopologicalOrder();
        var names = new GraphNames(order);

        var dot = new StringBuilder();
        dot.Append("digraph autodiff {\n");
        dot.Append("  rankdir=LR;\n");
        dot.Append("  node [fontname=\"Helvetica\"];\n");
        foreach (Value node in order)
        {
            int id = names.IndexOf(node);
            dot.Append($"  n{id} [shape=record, label=\"{{ {Escape(names.Name(node), record: true)} | data {ValueFormat.Number(node.Data)} | grad {ValueFormat.Number(node.Grad)} }}\"];\n");
            if (node.IsLeaf)
                continue;
            dot.Append($"  n{id}_op [shape=ellipse, label=\"{Escape(node.OpLabel, record: false)}\"];\n");
            dot.Append($"  n{id}_op -> n{id};\n");
            foreach (Value input in node.Inputs)
                dot.Append($"  n{names.IndexOf(input)} -> n{id}_op;\n");
        }
        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>Escapes what is special inside a quoted DOT label: quotes and backslashes, plus the field syntax of records.</summary>
    private static string Escape(string text, bool record)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '"' || (record && c is '{' or '}' or '|' or '<' or '>'))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}

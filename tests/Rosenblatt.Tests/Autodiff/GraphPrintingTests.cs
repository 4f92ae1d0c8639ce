using Rosenblatt.Autodiff;

namespace Rosenblatt.Tests.Autodiff;

public class GraphPrintingTests
{
    private static Value TinyGraph()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = (a * b).Named("c");
        var d = (c + a).Named("d");
        d.Backward();
        return d;
    }

    [Fact]
    public void GraphDot_TinyGraph_MatchesSnapshot()
    {
        const string expected = """
            digraph autodiff {
              rankdir=LR;
              node [fontname="Helvetica"];
              n0 [shape=record, label="{ b | data -3 | grad 2 }"];
              n1 [shape=record, label="{ a | data 2 | grad -2 }"];
              n2 [shape=record, label="{ c | data -6 | grad 1 }"];
              n2_op [shape=ellipse, label="*"];
              n2_op -> n2;
              n1 -> n2_op;
              n0 -> n2_op;
              n3 [shape=record, label="{ d | data -4 | grad 1 }"];
              n3_op [shape=ellipse, label="+"];
              n3_op -> n3;
              n2 -> n3_op;
              n1 -> n3_op;
            }

            """;
        Assert.Equal(expected, GraphDot.Render(TinyGraph()));
    }

    [Fact]
    public void GraphText_TinyGraph_MatchesSnapshot()
    {
        const string expected = """
            b           data -3   grad 2
            a           data 2    grad -2
            c = a·b     data -6   grad 1
            d = c + a   data -4   grad 1

            """;
        Assert.Equal(expected, GraphText.Render(TinyGraph()));
    }

    [Fact]
    public void GraphText_UnlabelledValues_ShowConstantsAsNumbersAndResultsByPosition()
    {
        var x = new Value(1.5, "x");
        var y = (x * -2.0).Exp();
        string text = GraphText.Render(y);
        Assert.Contains("v2 = x·(-2)", text);
        Assert.Contains("v3 = exp(v2)", text);
    }

    [Fact]
    public void GraphDot_LabelWithRecordSyntax_IsEscaped()
    {
        var odd = new Value(1.0, "a|\"b\"{c}");
        string dot = GraphDot.Render(odd.Pow(2));
        Assert.Contains("label=\"{ a\\|\\\"b\\\"\\{c\\} | data 1 | grad 0 }\"", dot);
        Assert.Contains("label=\"^2\"", dot);
    }

    [Fact]
    public void GraphDot_EveryComputedValue_HasOneOpNodeAndAnEdgePerInput()
    {
        var a = new Value(0.3, "a");
        var loss = ((a * a).Tanh() + a.Sigmoid() - a.LeakyRelu()).Pow(2);
        loss.Backward();
        string dot = GraphDot.Render(loss);
        IReadOnlyList<Value> order = loss.TopologicalOrder();
        int computed = order.Count(v => !v.IsLeaf);
        int edges = order.Sum(v => v.Inputs.Count) + computed;
        Assert.Equal(computed, CountOf(dot, "shape=ellipse"));
        Assert.Equal(order.Count, CountOf(dot, "shape=record"));
        Assert.Equal(edges, CountOf(dot, " -> "));
        Assert.Equal(GraphDot.Render(loss), dot);
    }

    [Fact]
    public void Render_NullRoot_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GraphText.Render(null!));
        Assert.Throws<ArgumentNullException>(() => GraphDot.Render(null!));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

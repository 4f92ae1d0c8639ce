using Rosenblatt.Autodiff;

namespace Rosenblatt.Tests.Autodiff;

public class ValueBackwardTests
{
    [Fact]
    public void Backward_ValueUsedTwice_AccumulatesBothPaths()
    {
        var a = new Value(3.0, "a");
        var sum = a + a;
        sum.Backward();
        Assert.Equal(2.0, a.Grad);

        var b = new Value(3.0, "b");
        var square = b * b;
        square.Backward();
        Assert.Equal(6.0, b.Grad);
    }

    [Fact]
    public void Backward_SharedSubexpression_SumsOverConsumers()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var c = a * b;
        var d = c + a; // ∂d/∂a = b + 1 through both paths
        d.Backward();
        Assert.Equal(-2.0, a.Grad);
        Assert.Equal(2.0, b.Grad);
        Assert.Equal(1.0, c.Grad);
    }

    [Fact]
    public void Backward_TanhNeuron_MatchesGradientsWorkedByHand()
    {
        // o = tanh(x1·w1 + x2·w2 + b), the neuron from Karpathy's micrograd lecture.
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var o = (x1 * w1 + x2 * w2 + b).Tanh();
        o.Backward();

        double n = 2.0 * -3.0 + 0.0 * 1.0 + 6.8813735870195432;
        double dn = 1 - Math.Tanh(n) * Math.Tanh(n); // ∂o/∂n = 1 − o², here 0.5
        Assert.Equal(0.5, dn, 12);
        Assert.Equal(-3.0 * dn, x1.Grad, 12);   // ∂o/∂x1 = w1 · ∂o/∂n = -1.5
        Assert.Equal(2.0 * dn, w1.Grad, 12);    // ∂o/∂w1 = x1 · ∂o/∂n = 1
        Assert.Equal(1.0 * dn, x2.Grad, 12);    // 0.5
        Assert.Equal(0.0, w2.Grad, 12);         // x2 = 0
        Assert.Equal(dn, b.Grad, 12);
    }

    [Fact]
    public void Backward_MicrogradReadmeExample_PrintsTheSameNumbers()
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Relu();
        d += 3 * d + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();

        Assert.Equal(24.7041, g.Data, 4);
        Assert.Equal(138.8338, a.Grad, 4);
        Assert.Equal(645.5773, b.Grad, 4);
    }

    [Fact]
    public void Backward_ChainOfHundredThousandNodes_DoesNotOverflowTheStack()
    {
        var x = new Value(0.5, "x");
        Value v = x;
        for (int i = 0; i < 100_000; i++)
            v = v * 1.0;
        v.Backward();
        Assert.Equal(1.0, x.Grad);
        Assert.Equal(200_001, v.TopologicalOrder().Count);

        v.ZeroGrad();
        Assert.Equal(0.0, x.Grad);
    }

    [Fact]
    public void Backward_CalledTwice_AccumulatesUntilZeroGrad()
    {
        var w = new Value(3.0);
        var y = w * 2.0;
        y.Backward();
        y.Backward();
        Assert.Equal(4.0, w.Grad);
        y.ZeroGrad();
        y.Backward();
        Assert.Equal(2.0, w.Grad);
    }

    [Fact]
    public void TopologicalOrder_ListsEachValueOnceAfterItsInputs()
    {
        var a = new Value(1.0);
        var b = a * a;
        var c = (b + a).Tanh() * b;
        IReadOnlyList<Value> order = c.TopologicalOrder();
        Assert.Equal(order.Count, order.Distinct().Count());
        Assert.Same(c, order[^1]);
        for (int i = 0; i < order.Count; i++)
            foreach (Value input in order[i].Inputs)
                Assert.True(order.ToList().IndexOf(input) < i);
    }

    [Fact]
    public void Operations_RecordOpNamesInputsAndLocalGradients()
    {
        var z = new Value(0.0, "z");
        var s = z.Sigmoid().Named("s");
        Assert.Equal("sigmoid", s.Op);
        Assert.Same(z, Assert.Single(s.Inputs));
        Assert.Equal(0.25, Assert.Single(s.LocalGradients));
        Assert.Equal("σ(z)", s.Formula);
        Assert.Equal("s·(1 - s)", s.LocalGradientFormula(0));
        Assert.True(z.IsLeaf);
        Assert.Equal("", z.Op);
        Assert.Equal("Value(s: data=0.5, grad=0)", s.ToString());
    }

    [Fact]
    public void Data_OnLeaf_CanBeUpdatedLikeAGradientStep()
    {
        var w = new Value(1.0);
        (w * 3.0).Backward();
        w.Data -= 0.1 * w.Grad;
        Assert.Equal(0.7, w.Data, 12);
    }

    [Fact]
    public void Data_OnComputedValue_ThrowsWithHelp()
    {
        var z = (new Value(1.0) + 2.0).Named("z");
        var ex = Assert.Throws<InvalidOperationException>(() => z.Data = 5);
        Assert.Contains("'z'", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Log_OfZero_QuotesTheValueAndHelps()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(0.0, "p").Log());
        Assert.Contains("'p' is 0", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Divide_ByZero_Throws()
    {
        var ex = Assert.Throws<DivideByZeroException>(() => new Value(1.0) / new Value(0.0, "b"));
        Assert.Contains("'b'", ex.Message);
    }

    [Fact]
    public void Pow_NegativeBaseFractionalExponent_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(-2.0).Pow(0.5));
        Assert.Equal("exponent", ex.ParamName);
        Assert.Contains("received exponent 0.5", ex.Message);
    }

    [Fact]
    public void Constructor_NaN_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(double.NaN));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("received NaN", ex.Message);
    }

    [Fact]
    public void LeakyRelu_NegativeSlope_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Value(1.0).LeakyRelu(-0.1));
    }
}

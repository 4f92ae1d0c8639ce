using CsCheck;
using Rosenblatt.Autodiff;

namespace Rosenblatt.Tests.Autodiff;

public class BackpropWalkthroughTests
{
    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    [Fact]
    public void TwoNeurons_Gradients_EqualTheChainRuleWorkedByHand()
    {
        var n = TwoNeuronNetwork.Default;
        var walk = BackpropWalkthrough.TwoNeurons();

        double h = Sigmoid(n.W1 * n.X + n.B1);
        double y = Sigmoid(n.W2 * h + n.B2);
        double dy = y - n.Target;                  // L = ½(y − t)²
        double dz2 = dy * y * (1 - y);
        double dh = dz2 * n.W2;
        double dz1 = dh * h * (1 - h);

        Assert.Equal(0.5 * dy * dy, walk.Loss, 12);
        Assert.Equal(dz2 * h, walk.Gradients["w2"], 12);
        Assert.Equal(dz2, walk.Gradients["b2"], 12);
        Assert.Equal(dh, walk.Gradients["h"], 12);
        Assert.Equal(dz1 * n.X, walk.Gradients["w1"], 12);
        Assert.Equal(dz1, walk.Gradients["b1"], 12);
        Assert.Equal(dz1 * n.W1, walk.Gradients["x"], 12);
    }

    [Fact]
    public void TwoNeurons_Gradients_EqualFiniteDifferences()
    {
        AssertMatchesFiniteDifferences(TwoNeuronNetwork.Default);
    }

    [Fact]
    public void TwoNeurons_RandomNumbers_GradientsEqualFiniteDifferences()
    {
        Gen<double> g = Gen.Double[-3, 3];
        Gen.Select(g, g, g, g, g, Gen.Double[0, 1]).Sample((x, w1, b1, w2, b2, t) =>
            AssertMatchesFiniteDifferences(new TwoNeuronNetwork(x, t, w1, b1, w2, b2)));
    }

    [Fact]
    public void TwoNeurons_Steps_AreForwardValuesThenGradientsFromTheLoss()
    {
        var walk = BackpropWalkthrough.TwoNeurons();
        Assert.Equal(["x", "w1", "b1", "w1·x", "z1", "h", "w2", "b2", "w2·h", "z2", "t", "y", "d", "d²", "L"],
            walk.ForwardSteps.Select(s => s.Title));
        Assert.Equal("∂L/∂L = 1", walk.BackwardSteps[0].ToString());
        Assert.Equal(walk.ForwardSteps.Count + walk.BackwardSteps.Count, walk.Steps.Count);
        Assert.Equal("h = σ(z1) = σ(0.5) = 0.622459", walk.ForwardSteps[5].ToString());
        Assert.Equal(
            "∂L/∂w1 = ∂L/∂(w1·x) · ∂(w1·x)/∂w1 = ∂L/∂(w1·x) · x = (-0.0121244) × 1 = -0.0121244",
            walk.BackwardSteps.Single(s => s.Title == "∂L/∂w1").ToString());
    }

    [Fact]
    public void TwoNeurons_ToString_MatchesSnapshot()
    {
        const string expected = """
            Forward pass
              x = 1
              w1 = 0.5
              b1 = 0
              w1·x = 0.5·1 = 0.5
              z1 = (w1·x) + b1 = 0.5 + 0 = 0.5
              h = σ(z1) = σ(0.5) = 0.622459
              w2 = -0.5
              b2 = 0
              w2·h = (-0.5)·0.622459 = -0.31123
              z2 = (w2·h) + b2 = (-0.31123) + 0 = -0.31123
              t = 0
              y = σ(z2) = σ(-0.31123) = 0.422815
              d = y - t = 0.422815 - 0 = 0.422815
              d² = 0.422815² = 0.178772
              L = 0.5·d² = 0.5·0.178772 = 0.0893861
            Backward pass: the chain rule from L back to every value
              ∂L/∂L = 1
              ∂L/∂(d²) = ∂L/∂L · ∂L/∂(d²) = ∂L/∂L · 0.5 = 1 × 0.5 = 0.5
              ∂L/∂d = ∂L/∂(d²) · ∂(d²)/∂d = ∂L/∂(d²) · 2·d = 0.5 × 0.845629 = 0.422815
              ∂L/∂y = ∂L/∂d · ∂d/∂y = ∂L/∂d · 1 = 0.422815 × 1 = 0.422815
              ∂L/∂t = ∂L/∂d · ∂d/∂t = ∂L/∂d · (-1) = 0.422815 × (-1) = -0.422815
              ∂L/∂z2 = ∂L/∂y · ∂y/∂z2 = ∂L/∂y · y·(1 - y) = 0.422815 × 0.244042 = 0.103185
              ∂L/∂(w2·h) = ∂L/∂z2 · ∂z2/∂(w2·h) = ∂L/∂z2 · 1 = 0.103185 × 1 = 0.103185
              ∂L/∂b2 = ∂L/∂z2 · ∂z2/∂b2 = ∂L/∂z2 · 1 = 0.103185 × 1 = 0.103185
              ∂L/∂w2 = ∂L/∂(w2·h) · ∂(w2·h)/∂w2 = ∂L/∂(w2·h) · h = 0.103185 × 0.622459 = 0.0642283
              ∂L/∂h = ∂L/∂(w2·h) · ∂(w2·h)/∂h = ∂L/∂(w2·h) · w2 = 0.103185 × (-0.5) = -0.0515924
              ∂L/∂z1 = ∂L/∂h · ∂h/∂z1 = ∂L/∂h · h·(1 - h) = (-0.0515924) × 0.235004 = -0.0121244
              ∂L/∂(w1·x) = ∂L/∂z1 · ∂z1/∂(w1·x) = ∂L/∂z1 · 1 = (-0.0121244) × 1 = -0.0121244
              ∂L/∂b1 = ∂L/∂z1 · ∂z1/∂b1 = ∂L/∂z1 · 1 = (-0.0121244) × 1 = -0.0121244
              ∂L/∂w1 = ∂L/∂(w1·x) · ∂(w1·x)/∂w1 = ∂L/∂(w1·x) · x = (-0.0121244) × 1 = -0.0121244
              ∂L/∂x = ∂L/∂(w1·x) · ∂(w1·x)/∂x = ∂L/∂(w1·x) · w1 = (-0.0121244) × 0.5 = -0.0060622

            """;
        Assert.Equal(expected, BackpropWalkthrough.TwoNeurons().ToString());
    }

    [Fact]
    public void Trace_ValueUsedTwice_ShowsBothChainRuleTerms()
    {
        var a = new Value(3.0, "a");
        var q = (a * a).Named("q");
        var walk = BackpropWalkthrough.Trace(q);
        Assert.Equal("∂q/∂a = ∂q/∂q · ∂q/∂a + ∂q/∂q · ∂q/∂a = ∂q/∂q · a + ∂q/∂q · a = 1 × 3 + 1 × 3 = 6",
            walk.BackwardSteps[^1].ToString());
    }

    [Fact]
    public void Trace_CalledAgain_RecomputesRatherThanAccumulates()
    {
        var w = new Value(2.0, "w");
        var y = (w * w).Named("y");
        BackpropWalkthrough.Trace(y);
        Assert.Equal(4.0, BackpropWalkthrough.Trace(y).Gradients["w"]);
    }

    [Fact]
    public void Trace_DuplicateLabels_Throws()
    {
        var a = new Value(1.0, "h");
        var b = (a + 1.0).Named("h");
        var ex = Assert.Throws<ArgumentException>(() => BackpropWalkthrough.Trace(b));
        Assert.Contains("'h'", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void TwoNeurons_NaNWeight_NamesTheProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => BackpropWalkthrough.TwoNeurons(TwoNeuronNetwork.Default with { W1 = double.NaN }));
        Assert.Contains("network.W1", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    private static void AssertMatchesFiniteDifferences(TwoNeuronNetwork n)
    {
        const double step = 1e-6;
        var walk = BackpropWalkthrough.TwoNeurons(n);
        (string Name, Func<double, TwoNeuronNetwork> With, double At)[] parameters =
        [
            ("w1", v => n with { W1 = v }, n.W1),
            ("b1", v => n with { B1 = v }, n.B1),
            ("w2", v => n with { W2 = v }, n.W2),
            ("b2", v => n with { B2 = v }, n.B2),
            ("x", v => n with { X = v }, n.X),
            ("t", v => n with { Target = v }, n.Target),
        ];
        foreach (var (name, with, at) in parameters)
        {
            double numeric = (BackpropWalkthrough.TwoNeurons(with(at + step)).Loss
                - BackpropWalkthrough.TwoNeurons(with(at - step)).Loss) / (2 * step);
            Assert.True(Math.Abs(numeric - walk.Gradients[name]) <= 1e-6,
                $"∂L/∂{name}: backward {walk.Gradients[name]:R}, finite difference {numeric:R} for {n}");
        }
    }
}

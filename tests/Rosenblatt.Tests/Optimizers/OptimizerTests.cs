using Rosenblatt.Optimizers;

namespace Rosenblatt.Tests.Optimizers;

/// <summary>Each optimizer's update worked by hand in double precision, two steps deep, against the float32 code.</summary>
public class OptimizerTests
{
    private static Parameter Param(float[] value, bool decays = true) => new("p", value, decays);

    private static void Step(Optimizer optimizer, Parameter p, float[] gradient)
    {
        gradient.CopyTo(p.Gradient, 0);
        optimizer.Step([p]);
    }

    [Fact]
    public void Sgd_Plain_StepsAgainstTheGradient()
    {
        var p = Param([1f, -2f]);
        Step(new Sgd(0.1), p, [0.5f, -1f]);
        Assert.Equal([0.95f, -1.9f], p.Value);
    }

    [Fact]
    public void Sgd_Momentum_KeepsAVelocity()
    {
        var p = Param([1f]);
        var sgd = new Sgd(0.1, momentum: 0.9);
        Step(sgd, p, [1f]);   // v = 1, w = 1 − 0.1 = 0.9
        Step(sgd, p, [0.5f]); // v = 0.9·1 + 0.5 = 1.4, w = 0.9 − 0.14 = 0.76
        Assert.Equal(0.76, p.Value[0], 6);
    }

    [Fact]
    public void Sgd_Nesterov_StepsWithTheLookAheadGradient()
    {
        var p = Param([1f]);
        var sgd = new Sgd(0.1, momentum: 0.9, nesterov: true);
        Step(sgd, p, [1f]);   // v = 1, w = 1 − 0.1·(1 + 0.9·1) = 0.81
        Assert.Equal(0.81, p.Value[0], 6);
        Step(sgd, p, [0.5f]); // v = 1.4, w = 0.81 − 0.1·(0.5 + 0.9·1.4) = 0.634
        Assert.Equal(0.634, p.Value[0], 6);
    }

    [Fact]
    public void Sgd_NesterovWithoutMomentum_SaysToSetMomentum()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Sgd(0.1, nesterov: true));
        Assert.Contains("help: set momentum", ex.Message);
    }

    [Fact]
    public void Adam_TwoSteps_MatchTheBiasCorrectedFormula()
    {
        var p = Param([1f, -1f]);
        var adam = new Adam(0.01);
        float[][] grads = [[0.3f, -2f], [0.1f, 1f]];
        double[] w = [1, -1], m = new double[2], v = new double[2];
        for (int t = 1; t <= 2; t++)
        {
            Step(adam, p, grads[t - 1]);
            if (t == 1) // Adam's first step is lr·sign(g), whatever the gradient's scale.
                Assert.Equal([1 - 0.01, -1 + 0.01], p.Value.Select(v => Math.Round(v, 6)));
            for (int i = 0; i < 2; i++)
            {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.Pow(0.9, t)), vHat = v[i] / (1 - Math.Pow(0.999, t));
                w[i] -= 0.01 * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
            Assert.Equal(w[0], p.Value[0], 6);
            Assert.Equal(w[1], p.Value[1], 6);
        }
        Assert.Equal(2, adam.Steps);
    }

    [Fact]
    public void Sgd_WeightDecay_AddsLambdaTimesWeightToWeightsButNotBiases()
    {
        var weights = Param([2f]);
        var bias = Param([2f], decays: false);
        var sgd = new Sgd(0.1, weightDecay: 0.5);
        weights.Gradient[0] = 1f;
        bias.Gradient[0] = 1f;
        sgd.Step([weights, bias]);
        Assert.Equal(2 - 0.1 * (1 + 0.5 * 2), weights.Value[0], 6); // 1.8
        Assert.Equal(2 - 0.1 * 1, bias.Value[0], 6);                // 1.9
    }

    [Fact]
    public void Adam_WeightDecay_IsClassicL2AddedToTheGradient()
    {
        // With g = 0 and λ = 0.5, w = 2: the effective gradient is λw = 1, so the first step is −lr.
        var decayed = Param([2f]);
        var plain = Param([2f]);
        Step(new Adam(0.01, weightDecay: 0.5), decayed, [0f]);
        Step(new Adam(0.01), plain, [0f]);
        Assert.Equal(2 - 0.01, decayed.Value[0], 6);
        Assert.Equal(2f, plain.Value[0]);
    }

    [Theory]
    [InlineData("sgd", typeof(Sgd), 0.0, false)]
    [InlineData("momentum", typeof(Sgd), 0.9, false)]
    [InlineData("nesterov", typeof(Sgd), 0.9, true)]
    [InlineData("adam", typeof(Adam), 0.0, false)]
    public void Registry_CreatesEachOptimizerByName(string name, Type type, double momentum, bool nesterov)
    {
        var optimizer = OptimizerRegistry.Create(name, 0.05, weightDecay: 0.01);
        Assert.IsType(type, optimizer);
        Assert.Equal(0.05, optimizer.LearningRate);
        Assert.Equal(0.01, optimizer.WeightDecay);
        if (optimizer is Sgd sgd)
        {
            Assert.Equal(momentum, sgd.Momentum);
            Assert.Equal(nesterov, sgd.Nesterov);
        }
    }

    [Theory]
    [InlineData(0.0, "LearningRate must be a finite number > 0 (received 0). help:")]
    [InlineData(-0.1, "LearningRate must be a finite number > 0 (received -0.1). help:")]
    [InlineData(1e6, "LearningRate must be between 0 and 10 (received 1000000). help: a learning rate above 10 diverges")]
    [InlineData(double.NaN, "LearningRate must be a finite number > 0 (received NaN). help:")]
    public void LearningRate_NotPositiveOrAbsurd_NamesTheParameterTheValueAndTheFix(double lr, string expected)
    {
        Assert.Contains(expected, Assert.ThrowsAny<ArgumentException>(() => new Sgd(lr)).Message);
        Assert.Contains(expected, Assert.ThrowsAny<ArgumentException>(() => new Adam(lr)).Message);
    }

    [Fact]
    public void WeightDecay_OutOfRange_NamesTheParameter()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Adam(0.01, weightDecay: -1));
        Assert.Contains("weightDecay must be between 0 and", ex.Message);
        Assert.Contains("help:", ex.Message);
    }
}

using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Printing;

/// <summary>Printing a model, a report or a matrix shows what it holds: summaries and values, not type names.</summary>
public class ModelPrintingTests
{
    private static string Lf(object o) => o.ToString()!.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Matrix_PrintsItsValuesAligned_AsNumPyDoes()
    {
        var m = Matrix.FromRows([[0.0, 1.5], [-2.25, 10.0]]);
        Assert.Equal("Matrix 2×2\n[[    0 1.5]\n [-2.25  10]]", Lf(m));
    }

    [Fact]
    public void Matrix_Large_IsCutToItsFirstAndLastThreeRowsAndColumns()
    {
        var m = new Matrix(100, 50);
        for (int r = 0; r < 100; r++)
            for (int c = 0; c < 50; c++)
                m[r, c] = r * 1000 + c;
        string[] lines = Lf(m).Split('\n');
        Assert.Equal("Matrix 100×50", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.Matches(@"^\[\[ +0 +1 +2 \.\.\. +47 +48 +49\]$", lines[1]);
        Assert.Matches(@"^ \[ +1000 +1001 +1002 \.\.\. +1047 +1048 +1049\]$", lines[2]);
        Assert.Equal(" [ ...]", lines[4]);
        Assert.Matches(@"^ \[ *9\.9e\+04 .* \.\.\. .*9\.905e\+04\]\]$", lines[7]);
        Assert.True(lines[1].Length == lines[7].Length - 1, "columns aligned");
    }

    [Fact]
    public void Network_PrintsLayersActivationsAndParameters()
    {
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        Assert.Equal("Network 2-4-1: Dense(4, sigmoid), Dense(1, sigmoid); 17 parameters", network.ToString());
    }

    [Fact]
    public void MlpClassifier_Fitted_PrintsASummary_AndUnfittedSaysWhatToCall()
    {
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [3], Epochs = 2, Activation = "tanh" });
        Assert.Equal("MlpClassifier (not fitted: call Fit(x, y))", model.ToString());
        model.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        Assert.StartsWith("MlpClassifier 2-3-1: Dense(3, tanh), Dense(1, sigmoid); 13 parameters; classes [0, 1]; 2 epochs, final loss ", model.ToString());
    }

    [Fact]
    public void LogisticRegression_Fitted_PrintsASummary()
    {
        var model = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 3 });
        model.Fit(LogicGate.And.X, LogicGate.And.Y);
        Assert.StartsWith("LogisticRegression 2-1: Dense(1, sigmoid); 3 parameters; classes [0, 1]; ", model.ToString());
    }

    [Fact]
    public void Perceptron_Fitted_PrintsItsWeightsAndVerdict()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        Assert.Equal("Perceptron 2 inputs, w = [0.2, 0.1], b = -0.2; classes [0, 1]; converged after 4 epochs", p.ToString());
    }

    [Fact]
    public void PerceptronReport_PrintsItsLists()
    {
        var report = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 }).Fit(LogicGate.And.X, LogicGate.And.Y);
        string text = report.ToString();
        Assert.Contains("MistakesPerEpoch = [2, 3, 3, 0]", text);
        Assert.Contains("UpdateBound = 51", text);
        Assert.Contains("Separability = [Separable]", text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public void TrainingHistory_PrintsItsLosses()
    {
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [3], Epochs = 20 });
        var history = model.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        string text = history.ToString();
        Assert.StartsWith("TrainingHistory: 20 epochs, final loss ", text);
        Assert.Contains("loss [", text);
        Assert.Contains("(20 in all)", text);
        Assert.DoesNotContain("System.", text);
    }
}

using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Tests.Linear;

/// <summary>Logistic regression trained on byte images scaled batch by batch: the scaled rows' weights, bit for bit, without their copy.</summary>
public class LogisticRegressionImageTests
{
    private static (IdxImages Images, string[] Labels) RandomImages(int classes)
    {
        var random = new Random(12);
        var pixels = new byte[150 * 6 * 6];
        random.NextBytes(pixels);
        return (new IdxImages(150, 6, 6, pixels), [.. Enumerable.Range(0, 150).Select(i => "c" + (i % classes))]);
    }

    private static double[][] ScaledRows(IdxImages images, Scaler? scaler)
    {
        var matrix = scaler?.Transform(images.ToMatrix()) ?? images.ToMatrix();
        return [.. Enumerable.Range(0, matrix.Rows).Select(r => matrix.Row(r).ToArray().Select(v => (double)v).ToArray())];
    }

    [Theory]
    [InlineData(3, "minmax", "adam", 32)]
    [InlineData(2, "standard", "sgd", 16)]
    [InlineData(4, "none", "momentum", 50)]
    public void Fit_OnImagesWithScaler_GivesTheWeightsOfFitOnTheScaledRows(int classes, string scaling, string optimizer, int batch)
    {
        var (images, labels) = RandomImages(classes);
        Scaler? scaler = scaling switch { "minmax" => new MinMaxScaler().Fit(images), "standard" => new StandardScaler().Fit(images), _ => null };
        var options = new LogisticRegressionOptions
        {
            Solver = LogisticRegressionSolver.GradientDescent, LearningRate = 0.05, MaxEpochs = 4, BatchSize = batch, Optimizer = optimizer, Seed = 7,
        };
        var fromBytes = new LogisticRegression<string>(options);
        var bytesHistory = fromBytes.Fit(images, scaler, labels);
        var fromRows = new LogisticRegression<string>(options);
        var rowsHistory = fromRows.Fit(ScaledRows(images, scaler), labels);

        Assert.Equal(fromRows.Coefficients, fromBytes.Coefficients);
        Assert.Equal(fromRows.Intercepts, fromBytes.Intercepts);
        Assert.Equal(rowsHistory.Epochs.Select(e => e.Loss), bytesHistory.Epochs.Select(e => e.Loss));
        Assert.Equal(fromRows.PredictProbabilities(ScaledRows(images, scaler)), fromBytes.PredictProbabilities(images, scaler));
        Assert.True(double.IsNaN(fromBytes.GradientNorm));
    }

    [Fact]
    public void Fit_OnImagesWithTheLbfgsDefaults_NamesTheOptionsAndTheFix()
    {
        var (images, labels) = RandomImages(3);
        var model = new LogisticRegression<string>();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(images, null, labels));
        Assert.Equal("Options", error.ParamName);
        Assert.Contains("help: set Solver = LogisticRegressionSolver.GradientDescent", error.Message, StringComparison.Ordinal);
        Assert.Throws<Rosenblatt.Diagnostics.NotFittedException>(() => model.Coefficients);
    }
}

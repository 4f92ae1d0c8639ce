using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Linear;

/// <summary>The float32 Fit overloads (Matrix, byte images) learn what the double path learns on exactly representable data, cheaply.</summary>
public class PerceptronSinglePrecisionTests
{
    public static TheoryData<string, double> Gates() => new()
    {
        { "and", 1.0 }, { "or", 0.5 }, { "nand", 1.0 }, { "xor", 1.0 }, { "xor", 0.25 },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void Fit_OnGateMatrix_GivesTheDoublePathsWeightsReportAndPredictions(string gateName, double learningRate)
    {
        var gate = LogicGate.FromName(gateName);
        var options = new PerceptronOptions { LearningRate = learningRate, MaxEpochs = 12 };
        var viaDouble = new Perceptron<int>(options);
        viaDouble.Fit(gate.X, gate.Y);
        var viaSingle = new Perceptron<int>(options);
        viaSingle.Fit(Matrix.FromRows(gate.X), gate.Y);

        Assert.Equal(viaDouble.Weights, viaSingle.Weights);
        Assert.Equal(viaDouble.Bias, viaSingle.Bias);
        Assert.Equal(viaDouble.MistakesPerEpoch, viaSingle.MistakesPerEpoch);
        Assert.Equal(viaDouble.Updates, viaSingle.Updates);
        Assert.Equal(viaDouble.Converged, viaSingle.Converged);
        Assert.Equal(viaDouble.Report.TrainingAccuracy, viaSingle.Report.TrainingAccuracy);
        Assert.Equal(viaDouble.Report.WeightsAfterEachEpoch.Select(s => s.Weights.ToArray()), viaSingle.Report.WeightsAfterEachEpoch.Select(s => s.Weights.ToArray()));
        Assert.Equal(viaDouble.Report.Summary, viaSingle.Report.Summary);
        Assert.Equal(viaDouble.Predict(gate.X), viaSingle.Predict(Matrix.FromRows(gate.X)));
    }

    [Fact]
    public void Fit_OnXorMatrix_StillProvesNoLineExists()
    {
        var p = new Perceptron<int>(new PerceptronOptions { LearningRate = 1, MaxEpochs = 20 });
        p.Fit(Matrix.FromRows(LogicGate.Xor.X), LogicGate.Xor.Y);

        Assert.False(p.Converged);
        Assert.Equal(SeparabilityVerdict.NotSeparable, p.Report.Separability[0].Verdict);
        Assert.Contains("not linearly separable", p.Report.Summary, StringComparison.Ordinal);
    }

    private static (double[][] X, int[] Y) SmallIntegerClasses()
    {
        var random = new Random(5);
        var x = new double[90][];
        var y = new int[90];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = i % 3;
            x[i] = [.. Enumerable.Range(0, 11).Select(j => (double)(random.Next(-4, 5) + (j == y[i] ? 3 : 0)))];
        }
        return (x, y);
    }

    [Fact]
    public void Fit_OneVsRestOnSmallIntegers_GivesTheDoublePathsCoefficients()
    {
        // 11 features: the kernel's vector loop (8) and its scalar tail (3) both run; every sum is a small integer, so exact.
        var (x, y) = SmallIntegerClasses();
        var options = new PerceptronOptions { LearningRate = 1, MaxEpochs = 6, Shuffle = true, Seed = 4 };
        var viaDouble = new Perceptron<int>(options);
        viaDouble.Fit(x, y);
        var viaSingle = new Perceptron<int>(options);
        viaSingle.Fit(Matrix.FromRows(x), y);

        Assert.Equal(viaDouble.Coefficients, viaSingle.Coefficients);
        Assert.Equal(viaDouble.Intercepts, viaSingle.Intercepts);
        Assert.Equal(viaDouble.MistakesPerEpoch, viaSingle.MistakesPerEpoch);
        Assert.Equal(viaDouble.Report.TrainingAccuracy, viaSingle.Report.TrainingAccuracy);
        Assert.Equal(viaDouble.Predict(x), viaSingle.Predict(Matrix.FromRows(x)));
        Assert.True(viaSingle.Updates > 0);
    }

    private static (IdxImages Images, int[] Labels) RandomImages()
    {
        var random = new Random(8);
        var pixels = new byte[60 * 5 * 4];
        random.NextBytes(pixels);
        return (new IdxImages(60, 5, 4, pixels), [.. Enumerable.Range(0, 60).Select(i => i % 4)]);
    }

    [Fact]
    public void Fit_OnByteImages_GivesExactlyTheNumbersOfFitOnTheirMatrix()
    {
        var (images, labels) = RandomImages();
        var options = new PerceptronOptions { LearningRate = 1, MaxEpochs = 5, Shuffle = true, Seed = 2, AnalyzeSeparability = false };
        var fromBytes = new Perceptron<int>(options);
        fromBytes.Fit(images, labels);
        var fromMatrix = new Perceptron<int>(options);
        fromMatrix.Fit(images.ToMatrix(), labels);

        Assert.Equal(fromMatrix.Coefficients, fromBytes.Coefficients);
        Assert.Equal(fromMatrix.Intercepts, fromBytes.Intercepts);
        Assert.Equal(fromMatrix.MistakesPerEpoch, fromBytes.MistakesPerEpoch);
        Assert.True(fromBytes.Updates > 0);
    }

    [Fact]
    public void Fit_OnByteImages_AllocatesAlmostNothingPerEpoch()
    {
        var (images, labels) = RandomImages();
        long Allocated(int epochs)
        {
            var p = new Perceptron<int>(new PerceptronOptions { LearningRate = 1, MaxEpochs = epochs, Shuffle = true, AnalyzeSeparability = false });
            long before = GC.GetAllocatedBytesForCurrentThread();
            p.Fit(images, labels);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(epochs, p.EpochsRun);
            return after - before;
        }
        Allocated(3);
        // The least of three tries: a copy per epoch shows in every try, the runtime's occasional allocation on a loaded
        // machine (tiering, a lazily created lock) does not.
        long extra = long.MaxValue;
        for (int attempt = 0; attempt < 3 && extra >= 1024; attempt++)
            extra = Math.Min(extra, Allocated(41) - Allocated(1));

        // 40 more epochs may only grow the mistakes-per-epoch list (a few hundred bytes), never a row or weight copy (80+ bytes each).
        Assert.True(extra < 1024, $"40 more epochs allocated {extra} bytes");
    }

    [Fact]
    public void Fit_WithAnalysisOff_SaysTheDataWasNotAnalysed()
    {
        var options = new PerceptronOptions { LearningRate = 1, MaxEpochs = 5, AnalyzeSeparability = false };
        var viaDouble = new Perceptron<int>(options);
        viaDouble.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        var viaSingle = new Perceptron<int>(options);
        viaSingle.Fit(Matrix.FromRows(LogicGate.Xor.X), LogicGate.Xor.Y);

        foreach (var report in new[] { viaDouble.Report, viaSingle.Report })
        {
            Assert.Empty(report.Separability);
            Assert.Null(report.UpdateBound);
            Assert.Contains("not analysed", report.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fit_WithAnalysisOff_StillLearnsTheSameWeights()
    {
        var on = new Perceptron<int>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        on.Fit(LogicGate.And.X, LogicGate.And.Y);
        var off = new Perceptron<int>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10, AnalyzeSeparability = false });
        off.Fit(LogicGate.And.X, LogicGate.And.Y);

        Assert.Equal(on.Weights, off.Weights);
        Assert.Equal(on.Bias, off.Bias);
        Assert.NotNull(on.Report.UpdateBound);
        Assert.Null(off.Report.UpdateBound);
        Assert.StartsWith("Converged after", off.Report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_OnDataTooLargeForTheFitsBudget_ReportsUndecidedWithoutSearching()
    {
        // 1600 rows × 1601 × 2 = 5.12 million multiply-adds for one search pass, over the fit's 5 million per unit.
        var random = new Random(6);
        var x = new double[1600][];
        for (int i = 0; i < x.Length; i++)
            x[i] = [.. Enumerable.Range(0, 1600).Select(_ => (double)random.Next(0, 3))];
        int[] y = [.. Enumerable.Range(0, x.Length).Select(i => i % 2)];
        var p = new Perceptron<int>(new PerceptronOptions { LearningRate = 1, MaxEpochs = 1 });
        p.Fit(x, y);

        var result = Assert.Single(p.Report.Separability);
        Assert.Equal(SeparabilityVerdict.Undecided, result.Verdict);
        Assert.StartsWith("Not analysed: 1600 rows × 1600 features need 5,123,200 multiply-adds", result.Explanation, StringComparison.Ordinal);
        Assert.Null(p.Report.UpdateBound);
        Assert.Contains("Not analysed", p.Report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PerceptronVariant.Averaged, false)]
    [InlineData(PerceptronVariant.Classic, true)]
    public void Fit_OnMatrixWithUnsupportedOptions_NamesTheOptionAndTheFix(PerceptronVariant variant, bool recordSteps)
    {
        var p = new Perceptron<int>(new PerceptronOptions { Variant = variant, RecordSteps = recordSteps });

        var error = Assert.Throws<ArgumentException>(() => p.Fit(Matrix.FromRows(LogicGate.And.X), LogicGate.And.Y));
        Assert.Contains("Options", error.Message, StringComparison.Ordinal);
        Assert.Contains("help: pass the rows as double[]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_OnMatrixWithNaN_NamesTheCell()
    {
        var x = Matrix.FromRows(LogicGate.And.X);
        x[2, 1] = float.NaN;
        var p = new Perceptron<int>();

        var error = Assert.Throws<ArgumentException>(() => p.Fit(x, LogicGate.And.Y));
        Assert.Contains("x[2, 1] is NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("help:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_OnMatrixWithWrongWidth_NamesBothWidths()
    {
        var p = new Perceptron<int>();
        p.Fit(Matrix.FromRows(LogicGate.And.X), LogicGate.And.Y);

        var error = Assert.Throws<ArgumentException>(() => p.Predict(new Matrix(1, 3)));
        Assert.Contains("3 columns", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 features", error.Message, StringComparison.Ordinal);
    }
}

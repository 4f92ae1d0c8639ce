using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Numerics;
using Rosenblatt.Tests.Numerics;

namespace Rosenblatt.Tests.Linear;

/// <summary>The float32 one-vs-rest fit splits its units over threads on large data and learns the same numbers on any thread count.</summary>
[Collection(EngineSettingsCollection.Name)]
public class PerceptronThreadCountTests
{
    [Fact]
    public void Fit_OnByteImagesLargeEnoughToSplit_GivesTheSameWeightsOnOneAndTwoThreads()
    {
        // 600 images × 784 pixels × 10 units = 4.7 million multiply-adds per epoch, over the split threshold.
        var random = new Random(12);
        var pixels = new byte[600 * 28 * 28];
        random.NextBytes(pixels);
        var images = new IdxImages(600, 28, 28, pixels);
        int[] labels = [.. Enumerable.Range(0, 600).Select(i => i % 10)];
        Assert.True(600L * 784 * 10 >= PerceptronUnitsSingle.ParallelWork);
        var options = new PerceptronOptions { LearningRate = 1, MaxEpochs = 3, Shuffle = true, Seed = 1, AnalyzeSeparability = false };

        int previous = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = 1;
            var one = new Perceptron<int>(options);
            one.Fit(images, labels);
            Parallelism.MaxThreads = 2;
            var two = new Perceptron<int>(options);
            two.Fit(images, labels);

            Assert.Equal(one.Coefficients, two.Coefficients);
            Assert.Equal(one.Intercepts, two.Intercepts);
            Assert.Equal(one.MistakesPerEpoch, two.MistakesPerEpoch);
            Assert.Equal(one.Report.TrainingAccuracy, two.Report.TrainingAccuracy);
            Assert.True(two.Updates > 0);
        }
        finally
        {
            Parallelism.MaxThreads = previous;
        }
    }
}

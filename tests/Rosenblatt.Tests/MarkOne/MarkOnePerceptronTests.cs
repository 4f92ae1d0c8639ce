using Rosenblatt.Data.Retina;
using Rosenblatt.Diagnostics;
using Rosenblatt.Linear;
using Rosenblatt.MarkOne;

namespace Rosenblatt.Tests.MarkOne;

public class MarkOnePerceptronTests
{
    private static (RetinaDataset Train, RetinaDataset Test) Shapes(int count = 800, long seed = 1) =>
        RetinaShapes.Generate(new RetinaTaskOptions { Count = count, Seed = seed }).Split(0.25, seed);

    [Fact]
    public void Fit_WithTheSameSeed_GivesTheSamePlugboardAndTheSameWeights()
    {
        var (train, _) = Shapes();
        var a = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 3, Epochs = 3 });
        var b = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 3, Epochs = 3 });
        a.Fit(train.Images, train.LabelNames());
        b.Fit(train.Images, train.LabelNames());
        Assert.True(a.Plugboard.SameWiring(b.Plugboard));
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Biases, b.Biases);
        Assert.Equal(a.Report.MistakesPerEpoch, b.Report.MistakesPerEpoch);
    }

    [Fact]
    public void Fit_WithAnotherSeed_GivesAnotherPlugboardAndOtherWeights()
    {
        var (train, _) = Shapes();
        var a = new MarkOnePerceptron(new MarkOneOptions { Seed = 3, Epochs = 2 });
        var b = new MarkOnePerceptron(new MarkOneOptions { Seed = 4, Epochs = 2 });
        a.Fit(train.Images, train.Labels);
        b.Fit(train.Images, train.Labels);
        Assert.False(a.Plugboard.SameWiring(b.Plugboard));
        Assert.NotEqual(a.Weights, b.Weights);
    }

    [Fact]
    public void Fit_OnATaskSeparableInAUnitSpace_ConvergesWithinTheErrorCorrectionBound()
    {
        // 40 shapes on 2048 A-units: far more features than images, so A-unit space separates them; the
        // exact check proves it and gives each R-unit's bound (R/γ)² from the A-unit features.
        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 40, Seed = 9 });
        var machine = new MarkOnePerceptron(new MarkOneOptions { AssociationUnits = 2048, Seed = 9, Epochs = 10_000 });
        var features = machine.AUnitFeatures(shapes.Images);
        var separability = LinearSeparability.CheckOneVsRest(features, shapes.Labels);
        Assert.All(separability, s => Assert.Equal(SeparabilityVerdict.Separable, s.Verdict));

        var report = machine.Fit(shapes.Images, shapes.Labels);

        Assert.True(report.Converged);
        Assert.Equal(1.0, report.TrainingAccuracy);
        Assert.Equal(0, report.CorrectionsPerEpoch[^1]);
        for (int unit = 0; unit < 4; unit++)
        {
            long bound = separability[unit].Bound!.MaxUpdates;
            Assert.InRange(report.CorrectionsPerUnit[unit], 1, bound);
        }
    }

    [Fact]
    public void Fit_OnShapes_LearnsFarAboveChance_WithOneRUnitPerClass()
    {
        var (train, test) = Shapes(2000);
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 1 });
        machine.Fit(train.Images, train.LabelNames());
        Assert.Equal(ResponseCoding.OnePerClass, machine.Code.Coding);
        Assert.Equal(4, machine.Code.Units);
        Assert.True(machine.Score(test.Images, test.LabelNames()) > 0.5, "four classes: chance is 25%");
    }

    [Fact]
    public void Fit_WithMoreClassesThanRUnits_UsesTheOutputCodeOnAllUnits()
    {
        var letters = RetinaLetters.Generate(new RetinaTaskOptions { Count = 300, Seed = 2 }, "EFXOTLHC");
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { ResponseUnits = 4, Epochs = 2 });
        machine.Fit(letters.Images, letters.LabelNames());
        Assert.Equal(ResponseCoding.OutputCode, machine.Code.Coding);
        Assert.Equal(4, machine.Code.Units);
        Assert.Equal(4 * 512, machine.Weights.Length);
    }

    [Fact]
    public void Fit_WithTheGammaRule_KeepsEachRUnitsTotalWeightAtZero()
    {
        var (train, _) = Shapes(400);
        var machine = new MarkOnePerceptron(new MarkOneOptions { LearningRule = MarkOneLearningRule.Gamma, Epochs = 3 });
        machine.Fit(train.Images, train.Labels);
        for (int r = 0; r < machine.Code.Units; r++)
        {
            var w = machine.UnitWeights(r);
            double total = w.Sum(v => (double)v), size = w.Sum(v => Math.Abs((double)v));
            Assert.True(size > 1, "the unit was corrected");
            Assert.True(Math.Abs(total) < 1e-4 * size, $"total {total} of weights summing to {size} in size");
        }
    }

    [Fact]
    public void Predict_AgreesWithTheLargestClassScore_AndResponsesAreTheSumOfActiveWeights()
    {
        var (train, test) = Shapes(400);
        var machine = new MarkOnePerceptron(new MarkOneOptions { Epochs = 3 });
        machine.Fit(train.Images, train.Labels);
        var predicted = machine.Predict(test.Images);
        var scores = machine.ClassScores(test.Images);
        var responses = machine.Responses(test.Images);
        var w = machine.Weights;
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(Array.LastIndexOf(scores[i], scores[i].Max()), predicted[i]);
            var fires = machine.AUnitActivity(test.Images.Image(i));
            for (int r = 0; r < machine.Code.Units; r++)
            {
                double expected = machine.Biases[r];
                for (int a = 0; a < fires.Length; a++) if (fires[a]) expected += w[a * machine.Code.Units + r];
                Assert.Equal(expected, responses[i][r], 3);
            }
        }
    }

    [Fact]
    public void Fit_ReportsProgressOncePerPass()
    {
        var (train, _) = Shapes(200);
        var passes = new List<MarkOneEpoch>();
        var machine = new MarkOnePerceptron(new MarkOneOptions { Epochs = 3 });
        var report = machine.Fit(train.Images, train.Labels, new SyncProgress(passes.Add));
        Assert.Equal(report.EpochsRun, passes.Count);
        Assert.Equal(report.MistakesPerEpoch, passes.Select(p => p.Mistakes));
        Assert.All(passes, p => Assert.Equal(150, p.Images));
    }

    [Fact]
    public void Weights_BeforeFit_SayWhatToCall()
    {
        var ex = Assert.Throws<NotFittedException>(() => new MarkOnePerceptron().Weights);
        Assert.Contains("call MarkOnePerceptron.Fit(images, labels) first.", ex.Message);
    }

    [Fact]
    public void Fit_WithImagesOfAnotherSize_SaysTheRetinaSize()
    {
        var images = new RetinaImages(2, 28, 28, new byte[2 * 784]);
        var ex = Assert.Throws<ArgumentException>(() => new MarkOnePerceptron().Fit(images, [0, 1]));
        Assert.Contains("the images are 28×28 but the machine's retina is 20×20", ex.Message);
    }

    [Fact]
    public void Fit_OnRows_BinarisesAtOneHalf_LikeTheImages()
    {
        var (train, _) = Shapes(200);
        var rows = train.Images.ToRows().Select(r => r.Select(v => v * 0.9 + 0.05).ToArray()).ToArray();
        var fromRows = new MarkOnePerceptron(new MarkOneOptions { Epochs = 2 });
        var fromImages = new MarkOnePerceptron(new MarkOneOptions { Epochs = 2 });
        fromRows.Fit(rows, train.Labels);
        fromImages.Fit(train.Images, train.Labels);
        Assert.Equal(fromImages.Weights, fromRows.Weights);
    }

    [Fact]
    public void DocsExample_ShapesSeed1_TwentyPasses_ScoresTheFiguresDocsMarkOneQuotes()
    {
        // docs/mark-one.md's "Running it" and its table's 76.5%: 4,000 shapes, a quarter held out, 512 A-units, seed 1.
        // The weights are whole numbers, so responses often tie, and a tie goes to the later class in label order: with
        // names (circle, cross, square, triangle) the classes are ordered differently from indices (square, circle, ...).
        var (train, test) = RetinaShapes.Generate(new RetinaTaskOptions { Count = 4000, Seed = 1 }).Split(0.25, seed: 1);
        var byName = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 1, Epochs = 20 });
        byName.Fit(train.Images, train.LabelNames());
        var byIndex = new MarkOnePerceptron(new MarkOneOptions { Seed = 1, Epochs = 20 });
        byIndex.Fit(train.Images, train.Labels);
        Assert.Equal(0.765, byIndex.Score(test.Images, test.Labels), 3);
        Assert.Equal(0.761, byName.Score(test.Images, test.LabelNames()), 3);
        Assert.Equal(byIndex.Weights.Length, byName.Weights.Length);
    }

    private sealed class SyncProgress(Action<MarkOneEpoch> report) : IProgress<MarkOneEpoch>
    {
        public void Report(MarkOneEpoch value) => report(value);
    }
}

using Rosenblatt.Playground.Data;
using Rosenblatt.Playground.Training;
using Rosenblatt.Serialization;
using Rosenblatt.Training;

namespace Rosenblatt.Playground.Tests;

public sealed class SessionTests
{
    private static readonly PlaygroundLimits Limits = new();

    internal static NetworkSession Session(PlaygroundConfig config)
    {
        PlaygroundSetup.Validate(config, Limits);
        return new NetworkSession(config, PlaygroundData.Create(config, new UploadStore(Limits), Limits));
    }

    private static double TrainUntil(NetworkSession session, double target, int maxEpochs)
    {
        double loss = double.MaxValue;
        while (session.Epoch < maxEpochs && loss >= target)
        {
            session.TrainEpoch();
            if (session.Epoch % 10 == 0)
                loss = session.Frame(false).TestLoss ?? double.MaxValue;
        }
        return loss;
    }

    [Fact]
    public void Xor_WithATwoFourOneTanhNetwork_ReachesTestLossBelow005()
    {
        var session = Session(new PlaygroundConfig { Dataset = "xor", Layers = [new(4, "tanh")], LearningRate = 0.1 });
        double loss = TrainUntil(session, 0.05, 2000);
        Assert.True(loss < 0.05, $"test loss {loss} after {session.Epoch} epochs");
    }

    [Fact]
    public void SameConfig_GivesBitIdenticalWeights_AfterTheSameEpochs()
    {
        var config = new PlaygroundConfig { Dataset = "spiral", Noise = 0.2, Layers = [new(8, "relu"), new(8, "tanh")], Optimizer = "adam", LearningRate = 0.01 };
        var a = Session(config);
        var b = Session(config);
        for (int i = 0; i < 30; i++)
            a.TrainEpoch();
        for (int i = 0; i < 30; i++)
        {
            b.TrainEpoch();
            _ = b.Frame(true); // painting between epochs must not change the run
        }
        var wa = a.Frame(false).Weights.SelectMany(w => w).Select(BitConverter.SingleToInt32Bits);
        var wb = b.Frame(false).Weights.SelectMany(w => w).Select(BitConverter.SingleToInt32Bits);
        Assert.Equal(wa, wb);
    }

    [Fact]
    public void AnotherSeed_GivesOtherData_AndOtherStartingWeights()
    {
        var a = Session(new PlaygroundConfig { Seed = 1 });
        var b = Session(new PlaygroundConfig { Seed = 2 });
        Assert.NotEqual(a.Data.Train[0], b.Data.Train[0]);
        Assert.NotEqual(a.Frame(false).Weights[0], b.Frame(false).Weights[0]);
    }

    [Fact]
    public void L1Regularization_LeavesSmallerWeightsThanNone()
    {
        static double MeanAbs(NetworkSession s) => s.Frame(false).Weights.SelectMany(w => w).Average(w => Math.Abs(w));
        var plain = Session(new PlaygroundConfig { Dataset = "gaussian", Layers = [new(8, "tanh")], LearningRate = 0.1 });
        var l1 = Session(new PlaygroundConfig { Dataset = "gaussian", Layers = [new(8, "tanh")], LearningRate = 0.1, Regularization = "l1", RegularizationRate = 0.03 });
        for (int i = 0; i < 100; i++)
        {
            plain.TrainEpoch();
            l1.TrainEpoch();
        }
        Assert.True(MeanAbs(l1) < 0.6 * MeanAbs(plain), $"L1 {MeanAbs(l1)} vs none {MeanAbs(plain)}");
    }

    [Fact]
    public void ThreeArmSpiral_TrainsASoftmaxOfThreeClasses_WithAThreeByThreeConfusionMatrix()
    {
        var session = Session(new PlaygroundConfig { Dataset = "spiral3", Layers = [new(8, "relu"), new(8, "relu")], Optimizer = "adam", LearningRate = 0.03 });
        for (int i = 0; i < 200; i++)
            session.TrainEpoch();
        var frame = session.Frame(false);
        Assert.Equal(3, session.Network.Outputs);
        Assert.Equal(3, frame.Confusion!.Length);
        Assert.Equal(session.Data.Test.Count, frame.Confusion.Sum(r => r.Sum()));
        Assert.NotNull(frame.Confidence);
        Assert.True(frame.TestAccuracy > 0.5, $"test accuracy {frame.TestAccuracy} (chance is 1/3)"); // 200 epochs: well past chance, not yet the whole spiral
    }

    [Fact]
    public void Regression_OnThePlane_ReportsNoAccuracy_AndLearnsTheLinearTarget()
    {
        var session = Session(new PlaygroundConfig { Dataset = "plane", Problem = "regression", Layers = [], LearningRate = 0.01 });
        for (int i = 0; i < 50; i++)
            session.TrainEpoch();
        var frame = session.Frame(false);
        Assert.Null(frame.TrainAccuracy);
        Assert.Null(frame.Confusion);
        Assert.True(frame.TestLoss < 1e-3, $"test loss {frame.TestLoss}");
    }

    [Fact]
    public void SquaredErrorLoss_OnAClassificationSet_StillLearns()
    {
        var session = Session(new PlaygroundConfig { Dataset = "gaussian", Loss = "mse", Layers = [new(2, "tanh")], LearningRate = 0.3 });
        for (int i = 0; i < 50; i++)
            session.TrainEpoch();
        Assert.True(session.Frame(false).TestAccuracy > 0.95);
    }

    [Fact]
    public void StepActivation_CannotBeTrained_AndSaysSo()
    {
        var session = Session(new PlaygroundConfig { Layers = [new(2, "step")] });
        var e = Assert.Throws<InvalidOperationException>(session.TrainEpoch);
        Assert.Contains("step", e.Message);
        Assert.Equal(0, session.Epoch);
    }

    [Fact]
    public void HugeLearningRate_Diverges_AndStopsWithTheLibrarysError()
    {
        var session = Session(new PlaygroundConfig { Dataset = "plane", Problem = "regression", Layers = [new(8, "identity"), new(8, "identity")], LearningRate = 10, Points = 200 });
        Assert.Throws<TrainingDivergedException>(() =>
        {
            for (int i = 0; i < 100; i++)
                session.TrainEpoch();
        });
    }

    [Fact]
    public void SetWeight_ChangesThatWeightOnly_AndRefusesAWeightThatIsNotThere()
    {
        var session = Session(new PlaygroundConfig());
        var before = session.Frame(false);
        session.SetWeight(1, 2, 1, 1.5);
        session.SetWeight(0, -1, 3, -0.25);
        var after = session.Frame(false);
        Assert.Equal(1.5f, after.Weights[1][2 * 2 + 1]);
        Assert.Equal(-0.25f, after.Biases[0][3]);
        Assert.Equal(before.Weights[1].Length - 1, before.Weights[1].Zip(after.Weights[1]).Count(p => p.First == p.Second));
        Assert.Throws<ArgumentException>(() => session.SetWeight(1, 4, 0, 1));
        Assert.Throws<ArgumentException>(() => session.SetWeight(0, 0, 0, double.NaN));
    }

    [Fact]
    public void HugeHandSetWeights_StillGiveAFrameThePageCanRead()
    {
        var session = Session(new PlaygroundConfig { Dataset = "plane", Problem = "regression", Layers = [new(8, "identity"), new(8, "identity"), new(8, "identity"), new(8, "identity"), new(8, "identity"), new(8, "identity")] });
        for (int layer = 0; layer < 7; layer++)
            for (int from = 0; from < session.Network.Layers[layer].Inputs; from++)
                for (int to = 0; to < session.Network.Layers[layer].Units; to++)
                    session.SetWeight(layer, from, to, 100);
        var frame = session.Frame(false);
        Assert.True(frame.TrainLoss is null || double.IsFinite(frame.TrainLoss.Value));
        // JSON has no NaN or infinity: the frame must serialize whatever the weights.
        string json = System.Text.Json.JsonSerializer.Serialize(frame, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Contains("\"output\"", json);
    }

    [Fact]
    public void AddPoint_JoinsTheTrainingSet_AndAPointOffThePlotIsRefused()
    {
        var session = Session(new PlaygroundConfig());
        int count = session.Data.Train.Count;
        session.AddPoint(1, 1, 0, Limits.MaxPoints);
        Assert.Equal(count + 1, session.Data.Train.Count);
        Assert.Throws<ArgumentException>(() => session.AddPoint(7, 0, 0, Limits.MaxPoints));
        Assert.Throws<ArgumentException>(() => session.AddPoint(0, 0, 5, Limits.MaxPoints));
    }

    [Fact]
    public void ExportedModel_LoadsInTheLibrary_AndPredictsTheFramesTestLabels()
    {
        var session = Session(new PlaygroundConfig { Dataset = "circle", Features = ["x1", "x2", "x1sq", "x2sq"], Layers = [new(3, "tanh")], LearningRate = 0.1 });
        for (int i = 0; i < 30; i++)
            session.TrainEpoch();
        var frame = session.Frame(false);
        string path = Path.Combine(Path.GetTempPath(), $"pg-export-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, session.ExportModel());
        try
        {
            var model = ModelFile.Load(path);
            Assert.Equal(["x1", "x2", "x1sq", "x2sq"], model.FeatureNames);
            var rows = session.ExportData(test: true).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(line => line.Split(',')[..4].Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
            var labels = model.PredictLabels(rows);
            Assert.Equal(frame.TestPredictions.Select(p => session.Data.ClassNames[(int)p]), labels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Import_OfAnExport_RebuildsTheSameNetwork_WithTheSameWeights()
    {
        var config = new PlaygroundConfig { Dataset = "spiral3", Features = ["x1", "x2", "sinx1"], Layers = [new(5, "relu"), new(3, "leaky_relu")], Optimizer = "adam", LearningRate = 0.01 };
        var session = Session(config);
        for (int i = 0; i < 20; i++)
            session.TrainEpoch();
        var (imported, network) = ModelImport.Read(session.ExportModel(), new PlaygroundConfig { Dataset = "spiral3" }, Limits);
        Assert.Equal(config.Features, imported.Features);
        Assert.Equal(config.Layers, imported.Layers);
        var copy = Session(imported);
        copy.LoadWeights(network);
        Assert.Equal(session.Frame(false).Output, copy.Frame(false).Output);
    }

    [Fact]
    public void Import_OfAModelWithAScaler_IsRefusedWithTheReason()
    {
        var digits = Rosenblatt.Data.BuiltInDatasets.Iris();
        var model = new Rosenblatt.Networks.MlpClassifier<string>(new Rosenblatt.Networks.MlpOptions { HiddenLayers = [3], Epochs = 2 });
        model.Fit(digits.ToRows(), digits.Labels.Select(l => digits.ClassNames[l]).ToArray());
        string path = Path.Combine(Path.GetTempPath(), $"pg-iris-{Guid.NewGuid():N}.json");
        var scaler = new Rosenblatt.Preprocessing.StandardScaler();
        scaler.Fit(digits.ToRows());
        ModelFile.Save(path, model, new ModelSaveOptions { Scaler = scaler, FeatureNames = ["x1", "x2", "x1sq", "x2sq"] });
        try
        {
            var e = Assert.Throws<ArgumentException>(() => ModelImport.Read(File.ReadAllText(path), new PlaygroundConfig(), Limits));
            Assert.Contains("rescales its inputs", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("layers7", "Hidden layers: at most 6")]
    [InlineData("neurons9", "Hidden layer 1: 1 to 8 neurons")]
    [InlineData("points", "Points must be 10 to 5,000")]
    [InlineData("lr", "Learning rate must be 0.00001 to 10")]
    [InlineData("feature", "there is no feature 'x3'")]
    [InlineData("activation", "activation must be one of")]
    [InlineData("batch", "Batch size must be 1 to 1,000")]
    public void Validate_RefusesWhatIsOutOfBounds_NamingTheControl(string what, string expected)
    {
        var config = what switch
        {
            "layers7" => new PlaygroundConfig { Layers = Enumerable.Repeat(new LayerConfig(2, "tanh"), 7).ToArray() },
            "neurons9" => new PlaygroundConfig { Layers = [new(9, "tanh")] },
            "points" => new PlaygroundConfig { Points = 1_000_000 },
            "lr" => new PlaygroundConfig { LearningRate = 1e-9 },
            "feature" => new PlaygroundConfig { Features = ["x1", "x3"] },
            "activation" => new PlaygroundConfig { Layers = [new(2, "softmax")] },
            _ => new PlaygroundConfig { BatchSize = 0 },
        };
        var e = Assert.Throws<ArgumentException>(() => PlaygroundSetup.Validate(config, Limits));
        Assert.Contains(expected, e.Message);
    }
}

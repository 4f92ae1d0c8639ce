using System.Text.Json.Nodes;
using Rosenblatt.Data.Retina;
using Rosenblatt.MarkOne;
using Rosenblatt.Serialization;

namespace Rosenblatt.Tests.Serialization;

public class MarkOneModelFileTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(3)]
    public void SaveThenLoad_GivesThePlugboardCodeAndIdenticalPredictions(int responseUnits)
    {
        var letters = RetinaLetters.Generate(new RetinaTaskOptions { Count = 400, Seed = 5 }, "EFXOT");
        var (train, test) = letters.Split(0.25, 5);
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 5, Epochs = 4, ResponseUnits = responseUnits, AssociationUnits = 300 });
        machine.Fit(train.Images, train.LabelNames());
        using var folder = new TempFolder();
        string file = folder.File("mark1.json");

        ModelFile.Save(file, machine);
        var loaded = ModelFile.Load(file);
        var back = loaded.As<MarkOnePerceptron<string>>();

        Assert.Equal(ModelKind.MarkOne, loaded.Kind);
        Assert.Equal(400, loaded.FeatureCount);
        Assert.True(machine.Plugboard.SameWiring(back.Plugboard));
        Assert.Equal(machine.Code.Coding, back.Code.Coding);
        Assert.Equal(machine.Weights, back.Weights);
        Assert.Equal(machine.Biases, back.Biases);
        Assert.Equal(machine.Predict(test.Images), back.Predict(test.Images));
        Assert.Equal(machine.ClassScores(test.Images), back.ClassScores(test.Images));
        Assert.Equal(machine.Predict(test.Images), loaded.PredictLabels(test.Images.ToRows()));
        Assert.Equal(machine.Report.MistakesPerEpoch, back.Report.MistakesPerEpoch);
        Assert.Equal(machine.Options, back.Options);
    }

    [Fact]
    public void Load_OfIntLabels_GivesTheNonGenericMachine()
    {
        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 100, Seed = 1 });
        var machine = new MarkOnePerceptron(new MarkOneOptions { Epochs = 2 });
        machine.Fit(shapes.Images, shapes.Labels);
        using var folder = new TempFolder();
        ModelFile.Save(folder.File("m.json"), machine);
        var back = ModelFile.Load(folder.File("m.json")).As<MarkOnePerceptron>();
        Assert.Equal(machine.Predict(shapes.Images), back.Predict(shapes.Images));
    }

    [Fact]
    public void Load_WithAWireMovedOffTheRetina_NamesTheUnitAndTheFile()
    {
        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 100, Seed = 1 });
        var machine = new MarkOnePerceptron(new MarkOneOptions { Epochs = 1, AssociationUnits = 10 });
        machine.Fit(shapes.Images, shapes.Labels);
        using var folder = new TempFolder();
        string file = folder.File("m.json");
        ModelFile.Save(file, machine);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("mark-one", (string?)json["kind"]);
        json["markOne"]!["wiring"]![12] = 400;
        File.WriteAllText(file, json.ToJsonString());

        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(file));
        Assert.Contains("m.json", ex.Message);
        Assert.Contains("unit 2's wire 3 goes to point 400, off the 20×20 retina", ex.Message);
    }
}

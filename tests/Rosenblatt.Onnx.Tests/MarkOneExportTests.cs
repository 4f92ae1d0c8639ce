using Rosenblatt.Data.Retina;
using Rosenblatt.MarkOne;

namespace Rosenblatt.Onnx.Tests;

/// <summary>The Mark I Perceptron exported and run in ONNX Runtime on 1,200 retina images: the same labels, class scores and R-unit responses.</summary>
public sealed class MarkOneExportTests
{
    [Fact]
    public void MarkOne_OneRUnitPerClass_RunsInOnnxRuntimeWithTheSameLabelsScoresAndResponses()
    {
        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 1200, Noise = 0.02, Seed = 3 });
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 3, Epochs = 4 });
        machine.Fit(shapes.Images, shapes.LabelNames());

        AssertRuntimeAgrees(machine, shapes.Images);
        Assert.Equal(ResponseCoding.OnePerClass, machine.Code.Coding);
    }

    [Fact]
    public void MarkOne_OutputCode_RunsInOnnxRuntimeWithTheSameLabelsScoresAndResponses()
    {
        var letters = RetinaLetters.Generate(new RetinaTaskOptions { Count = 1200, Noise = 0.03, Seed = 5 }, "EFXOTLHC");
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 5, Epochs = 3, ResponseUnits = 4 });
        machine.Fit(letters.Images, letters.LabelNames());

        Assert.NotEqual(ResponseCoding.OnePerClass, machine.Code.Coding);
        AssertRuntimeAgrees(machine, letters.Images);
    }

    [Fact]
    public void MarkOne_Import_IsRefusedWithAdvice()
    {
        var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 40, Seed = 1 });
        var machine = new MarkOnePerceptron<string>(new MarkOneOptions { Seed = 1, Epochs = 1 });
        machine.Fit(shapes.Images, shapes.LabelNames());

        var error = Assert.Throws<OnnxImportException>(() => OnnxImporter.Read(OnnxExporter.Export(machine)));

        Assert.Contains("mark-one", error.Message);
        Assert.Contains("help:", error.Message);
    }

    private static void AssertRuntimeAgrees(MarkOnePerceptron<string> machine, RetinaImages images)
    {
        var rows = images.ToRows();
        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(machine), rows);

        Agreement.Labels(ExportRuntimeTests.Indices(machine.Classes, machine.Predict(images)), (long[])outputs[OnnxFormat.LabelName]);
        Agreement.Values(machine.ClassScores(images), (double[])outputs[OnnxFormat.ScoresName], tolerance: 0);
        Agreement.Values(machine.Responses(images).Select(r => r.Select(v => (double)v).ToArray()).ToArray(), (double[])outputs["responses"], tolerance: 0);
    }
}

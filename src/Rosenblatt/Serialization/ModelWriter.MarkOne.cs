using System.Text.Json;
using Rosenblatt.MarkOne;

namespace Rosenblatt.Serialization;

internal static partial class ModelWriter
{
    /// <summary>A Mark I's document: architecture retina → A-units ("threshold") → R-units ("step"); <c>weights</c> holds the R-layer
    /// only (A-units × R-units, row-major, float32, and the biases), the A-layer's fixed wiring is <c>markOne.wiring</c>.</summary>
    internal static ModelDocument MarkOne<TLabel>(string path, MarkOnePerceptron<TLabel> model, ModelSaveOptions options) where TLabel : notnull
    {
        var labels = Labels(path, model.Classes);
        if (options.Scaler is not null)
            throw new ModelFileException(path, "a Mark I reads binary retina points, so it is saved without a scaler.",
                "save it with ModelSaveOptions { Scaler = null }.");
        var code = model.Code;
        var board = model.Plugboard;
        var w = model.Weights;
        var b = model.Biases;
        CheckFinite(path, w, b);
        var report = model.Report;
        var metrics = new Dictionary<string, double> { ["training_accuracy"] = report.TrainingAccuracy };
        var document = Document(path, ModelKind.MarkOne, board.RetinaPoints, "float32",
            [new Rosenblatt.Serialization.LayerDto { Units = board.Units, Activation = "threshold" }, new LayerDto { Units = code.Units, Activation = "step" }],
            [new LayerWeightsDto { Weights = WeightArray.From(w), Bias = WeightArray.From(b) }],
            JsonSerializer.SerializeToElement(model.Options, ModelJsonContext.Default.MarkOneOptions),
            labels, options, new TrainingDto { Seed = model.Options.Seed, Epochs = report.EpochsRun, Metrics = metrics });
        return document with
        {
            MarkOne = new MarkOneDto
            {
                RetinaWidth = board.RetinaWidth,
                RetinaHeight = board.RetinaHeight,
                Excitatory = board.Excitatory,
                Inhibitory = board.Inhibitory,
                Threshold = board.Threshold,
                Wiring = board.ToArray(),
                Coding = code.Coding == ResponseCoding.OnePerClass ? "one-per-class" : "output-code",
                Codewords = Enumerable.Range(0, code.Classes).Select(k => string.Concat(code.Codeword(k).Select(s => s > 0 ? '+' : '-'))).ToArray(),
                ResponseUnits = code.UnitsAvailable,
                Report = new MarkOneReportDto
                {
                    Converged = report.Converged,
                    MistakesPerEpoch = report.MistakesPerEpoch.ToArray(),
                    CorrectionsPerEpoch = report.CorrectionsPerEpoch.ToArray(),
                    CorrectionsPerUnit = report.CorrectionsPerUnit.ToArray(),
                    TrainingAccuracy = report.TrainingAccuracy,
                    MeanActiveUnits = report.MeanActiveUnits,
                    Cancelled = report.Cancelled,
                    Summary = report.Summary,
                },
            },
        };
    }
}

using Rosenblatt.Data;
using Rosenblatt.MarkOne;

namespace Rosenblatt.Serialization;

internal sealed partial class ModelReader
{
    /// <summary>Reads a <c>mark-one</c> file: plugboard first (every wire checked), then the code, then the R-layer's weights.</summary>
    private LoadedModel MarkOne(ModelDocument doc)
    {
        var arch = Required(doc.Architecture, "architecture");
        int inputs = Required(arch.Inputs, "architecture.inputs");
        if (arch.Dtype != "float32")
            throw Error($"architecture.dtype is '{arch.Dtype}' but a mark-one stores float32 weights.", Resave);
        var dto = Required(doc.MarkOne, "markOne");
        int width = Required(dto.RetinaWidth, "markOne.retinaWidth"), height = Required(dto.RetinaHeight, "markOne.retinaHeight");
        if ((long)width * height != inputs)
            throw Error($"markOne's retina is {width}×{height} = {(long)width * height} points but architecture.inputs is {inputs}.", Resave);
        var board = Build(() => Plugboard.Restore(width, height, Required(dto.Excitatory, "markOne.excitatory"), Required(dto.Inhibitory, "markOne.inhibitory"),
            Required(dto.Threshold, "markOne.threshold"), Required(dto.Wiring, "markOne.wiring")));
        var labels = Labels(doc.Labels);
        var coding = Required(dto.Coding, "markOne.coding") switch
        {
            "one-per-class" => ResponseCoding.OnePerClass,
            "output-code" => ResponseCoding.OutputCode,
            var other => throw Error($"markOne.coding is '{other}'.", "use one-per-class or output-code."),
        };
        var words = Required(dto.Codewords, "markOne.codewords");
        if (words.Count != labels.Names.Length)
            throw Error($"markOne.codewords holds {words.Count} codewords but there are {labels.Names.Length} labels.", Resave);
        if (words.Any(w => w is null || w.Any(c => c is not ('+' or '-'))))
            throw Error("markOne.codewords must be strings of + and -.", Resave);
        var code = Build(() => ResponseCode.Restore(coding, words.Select(w => (IReadOnlyList<int>)w.Select(c => c == '+' ? 1 : -1).ToArray()).ToArray(),
            Required(dto.ResponseUnits, "markOne.responseUnits")));
        var weights = Required(doc.Weights, "weights");
        if (weights.Count != 1)
            throw Error($"'weights' holds {weights.Count} layers but a mark-one stores the R-layer only (the A-layer is markOne.wiring).", Resave);
        var values = CheckLayer(2, Required(weights[0], "weights[0]").Weights?.ToSingles(), weights[0].Bias?.ToSingles(), board.Units, code.Units);
        // The plugboard is the truth about the wiring; the stored options are kept for the rest (seed, epochs, rule) and made to agree with it.
        var stored = Options(doc.Options, ModelJsonContext.Default.MarkOneOptions) ?? new MarkOneOptions();
        var options = stored with
        {
            RetinaWidth = width, RetinaHeight = height, AssociationUnits = board.Units, ExcitatoryConnections = board.Excitatory,
            InhibitoryConnections = board.Inhibitory, Threshold = board.Threshold, ResponseUnits = code.UnitsAvailable,
        };
        Build(() => { options.Validate(); return options; });
        var r = dto.Report ?? new MarkOneReportDto();
        var training = doc.Training ?? new TrainingDto();
        var report = new MarkOneReport
        {
            Converged = r.Converged ?? false,
            EpochsRun = training.Epochs ?? r.MistakesPerEpoch?.Length ?? 0,
            MistakesPerEpoch = r.MistakesPerEpoch ?? [],
            CorrectionsPerEpoch = r.CorrectionsPerEpoch ?? [],
            CorrectionsPerUnit = r.CorrectionsPerUnit ?? [],
            TrainingAccuracy = r.TrainingAccuracy ?? double.NaN,
            MeanActiveUnits = r.MeanActiveUnits ?? double.NaN,
            Cancelled = r.Cancelled ?? false,
            Summary = r.Summary ?? "Loaded from a model file without a training report.",
        };
        object model;
        if (labels.IsInt)
        {
            var m = new MarkOnePerceptron(options, board);
            m.Restore(ClassEncoder<int>.FromClasses(labels.Ints), code, values.Weights, values.Bias, report);
            model = m;
        }
        else
        {
            var m = new MarkOnePerceptron<string>(options, board);
            m.Restore(ClassEncoder<string>.FromClasses(labels.Names), code, values.Weights, values.Bias, report);
            model = m;
        }
        var summary = new TrainingSummary
        {
            Seed = training.Seed,
            Epochs = training.Epochs,
            Metrics = training.Metrics ?? [],
            Date = training.Date,
            LibraryVersion = training.Library,
        };
        if (doc.FeatureNames is { } names && (names.Count != inputs || names.Any(n => n is null)))
            throw Error($"featureNames holds {names.Count} names but the model has {inputs} inputs.", Resave);
        return new LoadedModel(_path, ModelKind.MarkOne, doc.Version!.Value, model, inputs, doc.FeatureNames?.ToArray(),
            labels.Names, labels.IsInt ? typeof(int) : typeof(string), null, summary);
    }
}

using System.CommandLine;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Onnx;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt import</c>: a feed-forward network from an ONNX file (PyTorch, scikit-learn, Rosenblatt) as a Rosenblatt model file.</summary>
/// <remarks>
/// Import reads Gemm or MatMul + Add layers with Relu, LeakyRelu, Sigmoid, Tanh, Softmax or Identity after them; anything
/// else is refused with the node and operator named. The model file is a classifier when the ONNX file carries Rosenblatt's
/// class names, else a network (or an MLP regressor, when the file says it was one); <c>export</c> reads any of them, and
/// <c>predict</c>, <c>evaluate</c> and <c>info</c> the classifiers.
/// </remarks>
internal static class ImportCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "import";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Import a feed-forward network (Gemm or MatMul+Add, Relu, LeakyRelu, Sigmoid, Tanh, Softmax, Identity) from ONNX into a model file.";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var onnx = new Option<string>("--onnx") { Description = "The ONNX file to read, e.g. written by torch.onnx.export or 'rosenblatt export'.", HelpName = "model.onnx", Required = true };
        var output = new Option<string>("--out") { Description = "The Rosenblatt model file to write (JSON, replaced atomically if it exists).", HelpName = "model.json", Required = true };
        var tensor = new Option<string?>("--output") { Description = "The graph output to import when the file has several (e.g. skl2onnx's probabilities); the nodes feeding only the others are left out.", HelpName = "name" };
        var command = new Command(Name, Description)
        {
            onnx, output, tensor,
        };
        command.SetAction(parse => Execute(cli, parse, parse.GetValue(onnx)!, parse.GetValue(output)!, parse.GetValue(tensor)));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, string onnxPath, string outPath, string? tensor)
    {
        OutputFile.Check(outPath, "--out", ("--onnx", onnxPath));
        var imported = OnnxImporter.Load(onnxPath, tensor);
        imported.Save(outPath);
        var network = imported.Network;
        string kind = imported.IsClassifier ? (imported.Kind == "logistic-regression" && network.Layers.Count == 1 ? "logistic-regression" : "mlp-classifier")
            : imported.Kind == "mlp-regressor" ? "mlp-regressor" : "network";
        var document = new Document(Path.GetFullPath(outPath), onnxPath, imported.Producer, kind, network.Shape,
            network.Layers.Select(l => l.Activation.Name).ToArray(), network.ParameterCount, imported.Scaler?.Kind ?? "none", imported.ClassNames);
        return cli.Write(parse, document, console =>
        {
            console.WriteLine($"Read {onnxPath} (written by {imported.Producer}): a {network.Shape} network, activations {string.Join(", ", document.Activations)}, {network.ParameterCount:N0} parameters");
            console.WriteLine($"Wrote {outPath} as {(kind.StartsWith('m') ? "an" : "a")} {kind} model file" + (imported.Scaler is null ? "" : $" with its {imported.Scaler.Kind} scaler")
                + (imported.ClassNames.Count > 0 ? $"; classes {string.Join(", ", imported.ClassNames)}" : ""));
        });
    }

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(string File, string Onnx, string Producer, string Kind, string Shape, IReadOnlyList<string> Activations,
        int Parameters, string Scaling, IReadOnlyList<string> Classes);
}

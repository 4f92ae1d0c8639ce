using System.CommandLine;
using System.Globalization;
using Onnx;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Onnx;
using Rosenblatt.Serialization;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt export</c>: a saved model as an ONNX file for ONNX Runtime, ML.NET, Windows ML or the browser.</summary>
/// <remarks>
/// Every model kind exports, with its scaler inside the graph (the file takes raw feature rows, float32) and its class
/// names in the metadata. The file is written atomically. <c>docs/onnx.md</c> describes the graphs, opset and IR version.
/// </remarks>
internal static class ExportCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "export";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Export a saved model as ONNX (opset 13): the scaler in the graph, outputs label and probabilities (or scores, or output).";

    /// <summary>Builds the command.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var model = new Option<string>("--model") { Description = "The model file to export (written by 'rosenblatt train --out' or 'rosenblatt import').", HelpName = "model.json", Required = true };
        var output = new Option<string>("--out") { Description = "The ONNX file to write (replaced atomically if it exists).", HelpName = "model.onnx", Required = true };
        var command = new Command(Name, Description)
        {
            model, output,
        };
        command.SetAction(parse => Execute(cli, parse, parse.GetValue(model)!, parse.GetValue(output)!));
        return command;
    }

    private static int Execute(CliContext cli, ParseResult parse, string modelPath, string outPath)
    {
        OutputFile.Check(outPath, "--out", ("--model", modelPath));
        var loaded = ModelFile.Load(modelPath);
        byte[] onnx = OnnxExporter.Export(loaded);
        string written = OutputFile.Write(outPath, "--out", temp => File.WriteAllBytes(temp, onnx));
        var file = ModelProto.Parser.ParseFrom(onnx);
        var graph = file.Graph;
        string kind = file.MetadataProps.First(p => p.Key == OnnxFormat.KindKey).Value;
        var document = new Document(written, modelPath, kind, OnnxFormat.Opset, OnnxFormat.IrVersion, onnx.Length,
            Tensor(graph.Input[0]), graph.Output.Select(Tensor).ToArray(), loaded.LabelNames);
        return cli.Write(parse, document, console =>
        {
            console.WriteLine($"Wrote {outPath} ({document.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes): {document.Kind} from {modelPath}, ONNX opset {document.Opset}, IR version {document.IrVersion}");
            console.WriteLine($"Input:   {document.Input.Name} {document.Input.Type} {document.Input.Shape}" + (loaded.Scaler is null ? "" : $" (raw features; the {loaded.Scaler.Kind} scaler is in the graph)"));
            foreach (var o in document.Outputs)
                console.WriteLine($"Output:  {o.Name} {o.Type} {o.Shape}");
            if (document.Classes.Count > 0)
                console.WriteLine($"Classes: {string.Join(", ", document.Classes)} (label is the index; the names are in the metadata key {OnnxFormat.ClassesKey})");
        });
    }

    private static TensorInfo Tensor(ValueInfoProto value)
    {
        var tensor = value.Type.TensorType;
        string type = (TensorProto.Types.DataType)tensor.ElemType switch
        {
            TensorProto.Types.DataType.Float => "float32",
            TensorProto.Types.DataType.Double => "float64",
            TensorProto.Types.DataType.Int64 => "int64",
            var other => other.ToString(),
        };
        string shape = "[" + string.Join(", ", tensor.Shape.Dim.Select(d => d.HasDimValue ? d.DimValue.ToString(CultureInfo.InvariantCulture) : d.DimParam)) + "]";
        return new TensorInfo(value.Name, type, shape);
    }

    /// <summary>One tensor of the graph's interface.</summary>
    internal sealed record TensorInfo(string Name, string Type, string Shape);

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record Document(string File, string Model, string Kind, int Opset, int IrVersion, int Bytes, TensorInfo Input,
        IReadOnlyList<TensorInfo> Outputs, IReadOnlyList<string> Classes);
}

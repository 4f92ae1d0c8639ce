using Rosenblatt.Activations;
using Rosenblatt.Networks;
using Rosenblatt.Playground.Data;
using Rosenblatt.Serialization;

namespace Rosenblatt.Playground.Training;

/// <summary>Reads a Rosenblatt model file into the page: the configuration that draws it and the network whose weights it holds.</summary>
/// <remarks>The playground can show a model whose inputs are its features (x1, x2, x1sq, …, as its own exports name them),
/// with at most 6 hidden layers of at most 8 neurons and no input scaler. Anything else is refused with the reason, since
/// a model the page cannot draw faithfully is better not drawn.</remarks>
public static class ModelImport
{
    /// <summary>Reads <paramref name="text"/> (a model file's content).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="current">The page's configuration; the data settings are kept, the network's are replaced.</param>
    /// <param name="limits">The network size limits.</param>
    /// <returns>The new configuration and the model's network.</returns>
    /// <exception cref="ModelFileException">The file is not a valid model file (the loader's message).</exception>
    /// <exception cref="ArgumentException">A valid model the playground cannot draw, with the reason.</exception>
    public static (PlaygroundConfig Config, Network Network) Read(string text, PlaygroundConfig current, PlaygroundLimits limits)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rosenblatt-playground-import-{Guid.NewGuid():N}.json");
        LoadedModel model;
        try
        {
            File.WriteAllText(path, text);
            model = ModelFile.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
        var network = model.Model switch
        {
            MlpClassifier<string> m => m.Network,
            MlpClassifier<int> m => m.Network,
            MlpRegressor m => m.Network,
            Network n => n,
            _ => throw new ArgumentException($"Import: this file holds a {model.Kind} model; the playground draws networks (mlp-classifier, mlp-regressor, network)."),
        };
        if (model.Scaler is not null)
            throw new ArgumentException("Import: this model rescales its inputs first (it was trained with a scaler, e.g. by 'rosenblatt train'); the playground's networks read x1, x2 directly. Import a model exported from the playground.");
        var names = model.FeatureNames ?? [];
        if (names.Count != network.Inputs || names.Any(n => !FeatureSet.AllIds.Contains(n)))
            throw new ArgumentException($"Import: the model's {network.Inputs} inputs are named {(names.Count == 0 ? "nothing" : string.Join(", ", names))}; the playground draws models whose inputs are among {string.Join(", ", FeatureSet.AllIds)} (as its exports name them).");
        var hidden = network.Layers.Take(network.Layers.Count - 1).Select(l => new LayerConfig(l.Units, l.Activation.Name)).ToArray();
        bool regression = network.Layers[^1].Activation is Identity;
        int classes = regression ? 0 : model.LabelNames.Count;
        var config = current with
        {
            Mode = "network",
            Features = names.ToArray(),
            Layers = hidden,
            Problem = regression ? "regression" : "classification",
        };
        if (!regression && current.Problem == "classification")
        {
            // Keep the page's data when it has as many classes as the model; the classes must line up for the colours to mean anything.
            config = config with { Dataset = current.Dataset };
        }
        else if (regression != (current.Problem == "regression"))
        {
            config = config with { Dataset = regression ? "plane" : classes > 2 ? "spiral3" : "circle", Upload = null };
        }
        PlaygroundSetup.Validate(config, limits);
        return (config, network);
    }
}

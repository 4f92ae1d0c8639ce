using System.Text.Json;
using Rosenblatt.Linear;
using Rosenblatt.Networks;

namespace Rosenblatt.Serialization;

/// <summary>Saves fitted models to one versioned JSON file and loads them back with bit-identical predictions.</summary>
/// <remarks>
/// <para>A model file holds the model kind, the architecture (input width; each layer's units and
/// activation), the weights, the preprocessing (the fitted scaler, if any), the label names and type,
/// the hyperparameters and a training summary (seed, epochs, final metrics, date, library version).
/// The format is described, with an example, in <c>docs/model-files.md</c>.</para>
/// <para>Weights are JSON numbers in their shortest round-trip form at their own precision (float32 for
/// networks, float64 for the perceptron), so loading restores every bit and the loaded model predicts
/// exactly what the saved one did.</para>
/// <para>Saving is atomic: the document is built and checked first, written to a temporary file in the
/// target's folder, flushed to disk, and only then renamed over the target (<see cref="IO.AtomicFile"/>). A failure at any point
/// leaves an existing file untouched and removes the temporary file; nothing the user saved is lost. A temporary
/// file left by a save that was killed is removed by the next save of the same file.</para>
/// </remarks>
/// <example>
/// <code>
/// var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
/// p.Fit(LogicGate.And.X, LogicGate.And.Y);
/// ModelFile.Save("and.json", p);
/// var loaded = ModelFile.Load("and.json");
/// loaded.As&lt;Perceptron&gt;().Predict(LogicGate.And.X); // [0, 0, 0, 1]
/// </code>
/// </example>
public static class ModelFile
{
    /// <summary>The value of every model file's <c>format</c> field.</summary>
    public const string FormatName = "rosenblatt-model";

    /// <summary>The largest model file <see cref="Load"/> reads: 1 GiB.</summary>
    /// <remarks>Checked before reading a regular file and while reading anything else (a pipe, a device such as
    /// <c>/dev/zero</c>), so a wrong path never fills memory. A network at <see cref="Network.MaxParameters"/> would
    /// need more; such networks are not what this library trains.</remarks>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>The format version this library writes, and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Saves a fitted perceptron (any variant, binary or one-vs-rest).</summary>
    /// <typeparam name="TLabel">int or string.</typeparam>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="model">A fitted perceptron.</param>
    /// <param name="options">The scaler, feature names and extra metrics to store; none when null.</param>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ModelFileException">The labels are neither int nor string, the scaler or names do not fit the model, or the file cannot be written (an existing file is then unchanged).</exception>
    public static void Save<TLabel>(string path, Perceptron<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, p => ModelWriter.Perceptron(p, model, options ?? new ModelSaveOptions()));
    }

    /// <summary>Saves a fitted logistic regression (binary or multinomial).</summary>
    /// <typeparam name="TLabel">int or string.</typeparam>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="model">A fitted model.</param>
    /// <param name="options">The scaler, feature names and extra metrics to store; none when null.</param>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ModelFileException">See <see cref="Save{TLabel}(string, Perceptron{TLabel}, ModelSaveOptions?)"/>.</exception>
    public static void Save<TLabel>(string path, LogisticRegression<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, p => ModelWriter.LogisticRegression(p, model, options ?? new ModelSaveOptions()));
    }

    /// <summary>Saves a fitted multilayer-perceptron classifier.</summary>
    /// <typeparam name="TLabel">int or string.</typeparam>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="model">A fitted classifier.</param>
    /// <param name="options">The scaler, feature names and extra metrics to store; none when null.</param>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ModelFileException">See <see cref="Save{TLabel}(string, Perceptron{TLabel}, ModelSaveOptions?)"/>.</exception>
    public static void Save<TLabel>(string path, MlpClassifier<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, p => ModelWriter.MlpClassifier(p, model, options ?? new ModelSaveOptions()));
    }

    /// <summary>Saves a fitted multilayer-perceptron regressor.</summary>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="model">A fitted regressor.</param>
    /// <param name="options">The scaler, feature names and extra metrics to store; none when null.</param>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ModelFileException">The scaler or names do not fit the model, or the file cannot be written.</exception>
    public static void Save(string path, MlpRegressor model, ModelSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, p => ModelWriter.MlpRegressor(p, model, options ?? new ModelSaveOptions()));
    }

    /// <summary>Saves a bare network (layers and weights; its seed; no labels).</summary>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="network">The network, e.g. after <c>Trainer.Fit</c>.</param>
    /// <param name="options">The scaler, feature names, epochs and metrics to store; none when null.</param>
    /// <exception cref="ModelFileException">The weights are not finite, the scaler or names do not fit, or the file cannot be written.</exception>
    public static void Save(string path, Network network, ModelSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Write(path, p => ModelWriter.Network(p, network, options ?? new ModelSaveOptions()));
    }

    /// <summary>Saves a trained Mark I: its options, its plugboard (every wire), its R-unit code and weights, and its training report.</summary>
    /// <typeparam name="TLabel">int or string.</typeparam>
    /// <param name="path">The file to write; an existing file is replaced atomically.</param>
    /// <param name="model">A trained machine.</param>
    /// <param name="options">Feature names and extra metrics to store; a scaler is refused (the machine reads binary retinas).</param>
    /// <exception cref="Diagnostics.NotFittedException">The machine has not been trained.</exception>
    /// <exception cref="ModelFileException">The labels are neither int nor string, a scaler was given, or the file cannot be written.</exception>
    public static void Save<TLabel>(string path, MarkOne.MarkOnePerceptron<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, p => ModelWriter.MarkOne(p, model, options ?? new ModelSaveOptions()));
    }

    /// <summary>Loads a model file: the model, ready to predict, with its scaler, labels and training summary.</summary>
    /// <param name="path">A file written by <c>Save</c>.</param>
    /// <returns>The loaded model; use <see cref="LoadedModel.As{T}"/> for the typed model or its prediction helpers.</returns>
    /// <exception cref="ModelFileException">The file is missing, empty, truncated or not JSON (the position is given), not a model file,
    /// from a newer Rosenblatt, or has a missing or invalid field (named), weights of the wrong length, NaN weights or an unknown activation.</exception>
    public static LoadedModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ModelReader.Read(path);
    }

    internal static string ToJson(ModelDocument document) => JsonSerializer.Serialize(document, ModelJsonContext.Default.ModelDocument);

    private static void Write(string path, Func<string, ModelDocument> build)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("path is empty. help: pass a file name such as model.json.", nameof(path));
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new ModelFileException(path, "is a folder, not a file.", "pass a file name inside that folder, e.g. model.json.");
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new ModelFileException(path, $"the folder '{folder}' does not exist.", "create the folder first, or save somewhere that exists.");
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(ToJson(build(path)) + "\n");
        try
        {
            IO.AtomicFile.Write(full, stream => stream.Write(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"could not be written ({ex.Message}); any earlier file of that name is unchanged.",
                "check that the folder is writable and the disk has space, then save again.", ex);
        }
    }
}

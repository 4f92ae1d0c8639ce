using System.Globalization;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.MarkOne;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;
using Rosenblatt.Training;

namespace Rosenblatt.Cli.Modeling;

/// <summary>A trained classifier as the commands use it: a model just trained by <c>train</c>, or one read by <see cref="ModelFile.Load"/>.</summary>
/// <remarks>
/// The commands need the same few things from either: raw rows in, class indices and probabilities (or a
/// perceptron's scores) out, with the saved scaler applied; the class and feature names; the network for
/// <c>info</c> and the weight pictures; the training history for the curves. The library's estimators and
/// <see cref="LoadedModel"/> hold all of it; this class only puts one face on them.
/// </remarks>
internal sealed class CliModel
{
    private readonly object _estimator;

    private CliModel(object estimator, Scaler? scaler, IReadOnlyList<string>? featureNames, string path, TrainingSummary? training)
    {
        _estimator = estimator;
        Scaler = scaler;
        Path = path;
        Training = training;
        (ClassNames, FeatureCount, Kind) = estimator switch
        {
            MlpClassifier<string> m => (m.Classes, m.FeatureCount, "network"),
            MlpClassifier<int> m => (Names(m.Classes), m.FeatureCount, "network"),
            LogisticRegression<string> m => (m.Classes, m.FeatureCount, "logistic"),
            LogisticRegression<int> m => (Names(m.Classes), m.FeatureCount, "logistic"),
            Perceptron<string> m => (m.Classes, m.FeatureCount, "perceptron"),
            Perceptron<int> m => (Names(m.Classes), m.FeatureCount, "perceptron"),
            MarkOnePerceptron<string> m => (m.Classes, m.FeatureCount, "mark-one"),
            MarkOnePerceptron<int> m => (Names(m.Classes), m.FeatureCount, "mark-one"),
            _ => throw new ArgumentException(
                $"'{path}' holds a {estimator.GetType().Name}, which is not a classifier. help: evaluate, predict and plot take models saved by 'rosenblatt train' (network, logistic or perceptron)."),
        };
        FeatureNames = featureNames is { } names && names.Count == FeatureCount
            ? names : [.. Enumerable.Range(1, FeatureCount).Select(i => $"x{i}")];
    }

    /// <summary>The model file, or "(not saved)" for a model that was just trained without <c>--out</c>.</summary>
    public string Path { get; }

    /// <summary>network, logistic, perceptron or mark-one.</summary>
    public string Kind { get; }

    /// <summary>The class names in the model's class-index order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of features a row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>The feature names (x1..xd when none were saved).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The scaler fitted on the training rows, or null.</summary>
    public Scaler? Scaler { get; }

    /// <summary>What the model file records about training (seed, epochs, metrics), or null for a fresh model.</summary>
    public TrainingSummary? Training { get; }

    /// <summary>Whether <see cref="Outputs(Matrix)"/> are probabilities (network, logistic) rather than scores (perceptron, mark-one).</summary>
    public bool IsProbabilistic => Kind is not ("perceptron" or "mark-one");

    /// <summary>A Mark I's plugboard and R-unit code, or null for the other kinds.</summary>
    public (Plugboard Board, ResponseCode Code)? MarkOneParts => _estimator switch
    {
        MarkOnePerceptron<string> m => (m.Plugboard, m.Code),
        MarkOnePerceptron<int> m => (m.Plugboard, m.Code),
        _ => null,
    };

    /// <summary>The network inside (network, logistic), or null for a perceptron.</summary>
    public Network? Network => _estimator switch
    {
        MlpClassifier<string> m => m.Network,
        MlpClassifier<int> m => m.Network,
        LogisticRegression<string> m => m.Network,
        LogisticRegression<int> m => m.Network,
        _ => null,
    };

    /// <summary>The perceptron's units (weights and bias per unit), or null for the other kinds.</summary>
    public (IReadOnlyList<IReadOnlyList<double>> Weights, IReadOnlyList<double> Bias)? PerceptronUnits => _estimator switch
    {
        Perceptron<string> m => (m.Coefficients, m.Intercepts),
        Perceptron<int> m => (m.Coefficients, m.Intercepts),
        _ => null,
    };

    /// <summary>The training history (network, logistic), or null.</summary>
    public TrainingHistory? History => _estimator switch
    {
        MlpClassifier<string> m => m.History,
        MlpClassifier<int> m => m.History,
        LogisticRegression<string> m => m.History,
        LogisticRegression<int> m => m.History,
        _ => null,
    };

    /// <summary>A short description, e.g. <c>network 64-128-10</c> or <c>perceptron 4 inputs, 3 units (one-vs-rest)</c>.</summary>
    public string Description => Network is { } n
        ? $"{(Kind == "logistic" ? "logistic regression" : "network")} {n.Shape}"
        : MarkOneParts is { } mk
        ? $"Mark I perceptron {mk.Board.RetinaWidth}×{mk.Board.RetinaHeight} retina, {mk.Board.Units} A-units, {mk.Code.Units} of {mk.Code.UnitsAvailable} R-units ({(mk.Code.Coding == ResponseCoding.OnePerClass ? "one per class" : "output code")})"
        : $"perceptron {FeatureCount}-{PerceptronUnits!.Value.Bias.Count}" + (ClassNames.Count > 2 ? " (one-vs-rest)" : "");

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file written by <c>rosenblatt train --out</c>.</param>
    /// <exception cref="ModelFileException">The file is missing, damaged, or from an unknown version (the message says which).</exception>
    /// <exception cref="ArgumentException">The file holds a regressor or a bare network.</exception>
    public static CliModel Load(string path)
    {
        var loaded = ModelFile.Load(path);
        return new CliModel(loaded.Model, loaded.Scaler, loaded.FeatureNames, loaded.FilePath, loaded.Training);
    }

    /// <summary>Wraps a model just trained.</summary>
    /// <param name="estimator">The fitted estimator.</param>
    /// <param name="scaler">The scaler fitted on its training rows, or null.</param>
    /// <param name="featureNames">The feature names.</param>
    public static CliModel Fresh(object estimator, Scaler? scaler, IReadOnlyList<string> featureNames) =>
        new(estimator, scaler, featureNames, "(not saved)", null);

    /// <summary>Saves the model with its scaler, feature names and the given extra metrics, atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="metrics">Figures to record beside the library's own (test accuracy, the split used).</param>
    /// <returns>The full path written.</returns>
    public string Save(string path, IReadOnlyDictionary<string, double> metrics)
    {
        var options = new ModelSaveOptions { Scaler = Scaler, FeatureNames = FeatureNames, Metrics = metrics };
        switch (_estimator)
        {
            case MlpClassifier<string> m: ModelFile.Save(path, m, options); break;
            case LogisticRegression<string> m: ModelFile.Save(path, m, options); break;
            case Perceptron<string> m: ModelFile.Save(path, m, options); break;
            default: throw new InvalidOperationException($"a loaded {_estimator.GetType().Name} is saved by the library, not re-saved here.");
        }
        return System.IO.Path.GetFullPath(path);
    }

    /// <summary>Class probabilities (or perceptron scores), one row per input row, columns in <see cref="ClassNames"/> order; raw rows are scaled first.</summary>
    /// <param name="x">Raw feature rows.</param>
    /// <remarks>A two-class perceptron has one unit, so its one score column z is returned as [−z, z] (with −0 printed as 0): the larger
    /// still names the predicted class, and each column belongs to one class name.</remarks>
    public double[][] Outputs(Matrix x)
    {
        // A chunk of rows at a time: the double rows (and their scaled copy) of a large set never exist all at once.
        const int chunk = 1024;
        if (Network is { } network && network.Inputs == x.Columns)
            return NetworkOutputs(network, x, chunk);
        if (x.Rows <= chunk)
            return OutputsOf(Rows(x, 0, x.Rows));
        var result = new double[x.Rows][];
        for (int start = 0; start < x.Rows; start += chunk)
        {
            var part = OutputsOf(Rows(x, start, Math.Min(chunk, x.Rows - start)));
            part.CopyTo(result, start);
        }
        return result;
    }

    /// <summary>As <see cref="Outputs(Matrix)"/> for a data set; a set of byte images (MNIST) is read from its bytes a chunk at a
    /// time and scaled by a per-pixel table, with no float copy of the set (network, logistic and perceptron models; the same values).</summary>
    /// <param name="data">The rows.</param>
    public double[][] Outputs(Dataset data)
    {
        if (data.Images is { } images)
        {
            double[][]? fromBytes = _estimator switch
            {
                MlpClassifier<string> m => m.PredictProbabilities(images, Scaler),
                MlpClassifier<int> m => m.PredictProbabilities(images, Scaler),
                LogisticRegression<string> m => m.PredictProbabilities(images, Scaler),
                LogisticRegression<int> m => m.PredictProbabilities(images, Scaler),
                Perceptron<string> m => m.DecisionScores(images, Scaler),
                Perceptron<int> m => m.DecisionScores(images, Scaler),
                _ => null,
            };
            if (fromBytes is not null)
                return PerClass(fromBytes);
        }
        return Outputs(data.Features);
    }

    /// <summary>A network's (or logistic regression's) probabilities, a chunk of float rows at a time through one reused buffer,
    /// scaled in place: the values of the estimator's <c>PredictProbabilities</c> (the same float → double → scaler → float
    /// rounding, the same 1,024-row forward passes as <see cref="Network.Predict"/>), without its per-chunk double rows, whose
    /// garbage the GC let pile up to about 100 MB on MNIST's 10,000 test rows.</summary>
    private double[][] NetworkOutputs(Network network, Matrix x, int chunk)
    {
        int width = x.Columns, outputs = network.Outputs;
        bool binary = ClassNames.Count == 2 && outputs == 1;
        var result = new double[x.Rows][];
        float[]? full = null;
        for (int start = 0; start < x.Rows; start += chunk)
        {
            int rows = Math.Min(chunk, x.Rows - start);
            var data = rows == chunk ? full ??= new float[chunk * width] : new float[rows * width];
            x.AsSpan().Slice(start * width, rows * width).CopyTo(data);
            Scaler?.TransformInPlace(new Matrix(rows, width, data));
            var output = network.Forward(data, rows);
            for (int r = 0; r < rows; r++)
            {
                var row = output.AsSpan(r * outputs, outputs);
                result[start + r] = binary ? [1.0 - row[0], row[0]] : Array.ConvertAll(row.ToArray(), v => (double)v);
            }
        }
        return result;
    }

    private double[][] OutputsOf(double[][] rows)
    {
        if (Scaler is not null)
            rows = Scaler.Transform(rows);
        double[][] outputs = _estimator switch
        {
            MlpClassifier<string> m => m.PredictProbabilities(rows),
            MlpClassifier<int> m => m.PredictProbabilities(rows),
            LogisticRegression<string> m => m.PredictProbabilities(rows),
            LogisticRegression<int> m => m.PredictProbabilities(rows),
            Perceptron<string> m => m.DecisionScores(rows),
            Perceptron<int> m => m.DecisionScores(rows),
            MarkOnePerceptron<string> m => m.ClassScores(rows),
            MarkOnePerceptron<int> m => m.ClassScores(rows),
            _ => throw new InvalidOperationException("unreachable: the constructor accepts classifiers only."),
        };
        return PerClass(outputs);
    }

    /// <summary>One column per class: a two-class perceptron's one score column z becomes [−z, z] (see <see cref="Outputs(Matrix)"/>).</summary>
    private double[][] PerClass(double[][] outputs) =>
        outputs.Length > 0 && outputs[0].Length == 1 && ClassNames.Count == 2
            ? [.. outputs.Select(o => new[] { 0.0 - o[0], o[0] + 0.0 })]
            : outputs;

    /// <summary>The predicted class index of each row: the column with the largest output; ties go to the later class,
    /// as a perceptron's step(0) = 1 does.</summary>
    /// <param name="outputs">Rows from <see cref="Outputs(Matrix)"/>.</param>
    public static int[] ArgMax(double[][] outputs) =>
        [.. outputs.Select(row =>
        {
            int best = 0;
            for (int i = 1; i < row.Length; i++)
                if (row[i] >= row[best]) best = i;
            return best;
        })];

    /// <summary>A metric recorded in the model file, or null.</summary>
    /// <param name="name">The metric's name, e.g. <c>test_accuracy</c>.</param>
    public double? Metric(string name) => Training?.Metrics.TryGetValue(name, out double v) == true ? v : null;

    private static double[][] Rows(Matrix x, int start, int count)
    {
        var rows = new double[count][];
        for (int r = 0; r < count; r++)
            rows[r] = Array.ConvertAll(x.Row(start + r).ToArray(), v => (double)v);
        return rows;
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<int> classes) =>
        [.. classes.Select(c => c.ToString(CultureInfo.InvariantCulture))];
}

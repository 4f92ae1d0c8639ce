using Rosenblatt.Losses;
using Rosenblatt.Metrics;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Playground.Data;
using Rosenblatt.Serialization;

namespace Rosenblatt.Playground.Training;

/// <summary>One run of the network mode: the data, the network and its optimizer, trained an epoch at a time on request.</summary>
/// <remarks>
/// <para>Training is the library's own: each epoch is one <see cref="Rosenblatt.Training.Trainer"/> pass with the configured
/// batch size and a seeded shuffle whose seed is derived from the run's seed and the epoch number, so the same
/// configuration gives the same weights after the same number of epochs, bit for bit, however the page paces the run
/// (play, pause, single steps). The optimizer lives as long as the run, so momentum and Adam's moments carry across epochs.</para>
/// <para>Not thread-safe: one live connection owns one session.</para>
/// </remarks>
public sealed class NetworkSession
{
    /// <summary>The output heat map's side (the issue asks for at least 100×100).</summary>
    public const int OutputGrid = 100;

    /// <summary>The neuron heat maps' side.</summary>
    public const int NeuronGrid = 32;

    private readonly FeatureSet _features;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly Matrix _outputGridInputs;
    private readonly Matrix _neuronGridInputs;
    private Matrix _trainX = null!, _trainY = null!, _testX, _testY;

    /// <summary>Starts a run: the data is drawn and the network built from <paramref name="config"/>'s seed.</summary>
    /// <param name="config">A validated configuration (<see cref="PlaygroundSetup.Validate"/>) in network mode.</param>
    /// <param name="data">The run's points.</param>
    public NetworkSession(PlaygroundConfig config, PlaygroundData data)
    {
        Config = config;
        Data = data;
        _features = new FeatureSet(config.Features);
        int outputs = data.IsRegression || data.ClassNames.Count == 2 ? 1 : data.ClassNames.Count;
        Network = PlaygroundSetup.BuildNetwork(config, outputs);
        _loss = PlaygroundSetup.Loss(config, outputs);
        _optimizer = PlaygroundSetup.Optimizer(config);
        _outputGridInputs = _features.Transform(GridPoints(OutputGrid));
        _neuronGridInputs = _features.Transform(GridPoints(NeuronGrid));
        (_testX, _testY) = Encode(data.Test);
        RefreshTrainingSet();
    }

    /// <summary>The configuration this run was built from.</summary>
    public PlaygroundConfig Config { get; }

    /// <summary>The run's points.</summary>
    public PlaygroundData Data { get; }

    /// <summary>The network being trained.</summary>
    public Network Network { get; }

    /// <summary>Epochs trained so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>Trains one epoch: every training point once, in a seeded order, a step per batch.</summary>
    /// <exception cref="Rosenblatt.Training.TrainingDivergedException">The loss became NaN or infinite (the weights are restored to the epoch's start).</exception>
    /// <exception cref="InvalidOperationException">A hidden layer uses step, which has no gradient.</exception>
    public void TrainEpoch()
    {
        var trainer = new Rosenblatt.Training.Trainer(new Rosenblatt.Training.TrainerOptions
        {
            Epochs = 1,
            BatchSize = Math.Min(Config.BatchSize, _trainX.Rows),
            Shuffle = true,
            Seed = unchecked(Config.Seed * 1_000_003 + Epoch),
        });
        trainer.Fit(Network, _loss, _optimizer, _trainX, _trainY);
        Epoch++;
    }

    /// <summary>Adds a training point and includes it from the next epoch on.</summary>
    /// <exception cref="ArgumentException">See <see cref="PlaygroundData.AddTrainingPoint"/>.</exception>
    public void AddPoint(double x, double y, double value, int maxPoints)
    {
        Data.AddTrainingPoint(x, y, value, maxPoints);
        RefreshTrainingSet();
    }

    /// <summary>Sets one weight (or, with <paramref name="from"/> = −1, one bias) by hand.</summary>
    /// <param name="layer">The layer, 0 for the first hidden layer (or the output layer when there are none).</param>
    /// <param name="from">The input index within the layer, or −1 for the bias.</param>
    /// <param name="to">The unit index within the layer.</param>
    /// <param name="value">The new value, finite, at most 100 in size.</param>
    /// <exception cref="ArgumentException">An index out of range or a value that is not finite or too large.</exception>
    public void SetWeight(int layer, int from, int to, double value)
    {
        if (layer < 0 || layer >= Network.Layers.Count)
            throw new ArgumentException($"Edit weight: there is no layer {layer}.");
        var dense = Network.Layers[layer];
        if (to < 0 || to >= dense.Units || from < -1 || from >= dense.Inputs)
            throw new ArgumentException($"Edit weight: layer {layer} has {dense.Inputs} inputs and {dense.Units} neurons; ({from} → {to}) is not one of its weights.");
        if (!double.IsFinite(value) || Math.Abs(value) > 100)
            throw new ArgumentException("Edit weight: type a number between −100 and 100.");
        var weights = dense.Weights.AsSpan().ToArray();
        var bias = (float[])dense.Bias.Clone();
        if (from < 0)
            bias[to] = (float)value;
        else
            weights[from * dense.Units + to] = (float)value;
        dense.SetWeights(weights, bias);
    }

    /// <summary>Copies another network's weights in (an imported model), layer by layer.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void LoadWeights(Network source)
    {
        if (source.Shape != Network.Shape)
            throw new ArgumentException($"Import: the model is {source.Shape} but the page built {Network.Shape}.");
        for (int i = 0; i < source.Layers.Count; i++)
            Network.Layers[i].SetWeights(source.Layers[i].Weights.AsSpan(), source.Layers[i].Bias);
    }

    /// <summary>Everything the page paints now.</summary>
    /// <param name="running">Whether the run is playing, for the page's play button.</param>
    public NetworkFrame Frame(bool running)
    {
        var outputs = Network.Predict(_outputGridInputs);
        var layers = Network.PredictLayers(_neuronGridInputs);
        var testOut = Network.Predict(_testX);
        bool multi = !Data.IsRegression && Network.Outputs > 1;
        var frame = new NetworkFrame
        {
            Epoch = Epoch,
            Running = running,
            TrainLoss = Finite(Network.Evaluate(_loss, _trainX, _trainY)),
            TestLoss = Finite(Network.Evaluate(_loss, _testX, _testY)),
            Weights = Network.Layers.Select(l => l.Weights.AsSpan().ToArray()).ToArray(),
            Biases = Network.Layers.Select(l => (float[])l.Bias.Clone()).ToArray(),
            Grid = OutputGrid,
            Output = Convert.ToBase64String(multi ? ArgMaxBytes(outputs) : ValueBytes(outputs.AsSpan(), Data.IsRegression ? -1 : 0, 1)),
            Confidence = multi ? Convert.ToBase64String(MaxBytes(outputs)) : null,
            NeuronGrid = NeuronGrid,
            Neurons = layers.Select(m => Convert.ToBase64String(NeuronBytes(m))).ToArray(),
            TestPredictions = Predictions(testOut),
        };
        if (Data.IsRegression)
            return frame;
        var trainPredicted = Predictions(Network.Predict(_trainX)).Select(p => (int)p).ToArray();
        var testPredicted = frame.TestPredictions.Select(p => (int)p).ToArray();
        var testActual = Data.Test.Select(p => (int)p.Value).ToArray();
        var confusion = ConfusionMatrix.Compute(testActual, testPredicted, Data.ClassNames.Count);
        return frame with
        {
            TrainAccuracy = Accuracy.Score(Data.Train.Select(p => (int)p.Value).ToArray(), trainPredicted),
            TestAccuracy = confusion.Accuracy,
            Confusion = confusion.ToRows(),
        };
    }

    /// <summary>The trained network as a Rosenblatt model file's text: a classifier (with the class names) or a regressor,
    /// its inputs named by feature id, loadable by <c>rosenblatt predict</c> on a CSV of those columns.</summary>
    public string ExportModel()
    {
        var options = new MlpOptions
        {
            HiddenLayers = Config.Layers.Select(l => l.Units).ToArray(),
            Activation = Config.Layers.Select(l => l.Activation).FirstOrDefault(a => a is not "step") ?? "tanh",
            Optimizer = Config.Optimizer,
            LearningRate = Config.LearningRate,
            Momentum = Config.Optimizer == "momentum" ? 0.9 : 0,
            L2 = Config.Regularization == "l2" ? Config.RegularizationRate : 0,
            BatchSize = Config.BatchSize,
            Epochs = Math.Max(Epoch, 1),
            Seed = Config.Seed,
        };
        var save = new ModelSaveOptions { FeatureNames = _features.Ids, Epochs = Epoch };
        string path = Path.Combine(Path.GetTempPath(), $"rosenblatt-playground-{Guid.NewGuid():N}.json");
        try
        {
            if (Data.IsRegression)
                ModelFile.Save(path, MlpRegressor.FromNetwork(Network, options), save);
            else
                ModelFile.Save(path, MlpClassifier<string>.FromNetwork(Network, Data.ClassNames, options), save);
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The run's points as CSV, one column per input feature then the label: the file <c>rosenblatt predict</c>
    /// reads alongside <see cref="ExportModel"/>.</summary>
    /// <param name="test">The test points (true) or the training points (false).</param>
    public string ExportData(bool test)
    {
        var points = test ? Data.Test : Data.Train;
        var x = _features.Transform(PlaygroundData.Coordinates(points));
        var csv = new System.Text.StringBuilder();
        csv.AppendLine(string.Join(",", _features.Ids.Append("label")));
        for (int r = 0; r < x.Rows; r++)
        {
            for (int c = 0; c < x.Columns; c++)
                csv.Append(x[r, c].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            csv.AppendLine(Data.IsRegression
                ? points[r].Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                : Data.ClassNames[(int)points[r].Value]);
        }
        return csv.ToString();
    }

    /// <summary>The cell centres of a side × side grid over the plot, top row (x2 = +6) first.</summary>
    internal static Matrix GridPoints(int side)
    {
        var points = new Matrix(side * side, 2);
        double step = 2 * PlaygroundData.Extent / side;
        for (int row = 0; row < side; row++)
            for (int col = 0; col < side; col++)
            {
                points[row * side + col, 0] = (float)(-PlaygroundData.Extent + (col + 0.5) * step);
                points[row * side + col, 1] = (float)(PlaygroundData.Extent - (row + 0.5) * step);
            }
        return points;
    }

    private void RefreshTrainingSet() => (_trainX, _trainY) = Encode(Data.Train);

    private (Matrix X, Matrix Y) Encode(IReadOnlyList<(float X, float Y, float Value)> points)
    {
        var x = _features.Transform(PlaygroundData.Coordinates(points));
        int outputs = Network.Outputs;
        var y = new Matrix(points.Count, outputs);
        for (int i = 0; i < points.Count; i++)
        {
            if (Data.IsRegression)
                y[i, 0] = points[i].Value;
            else if (outputs == 1)
                y[i, 0] = points[i].Value;
            else
                y[i, (int)points[i].Value] = 1;
        }
        return (x, y);
    }

    private float[] Predictions(Matrix outputs)
    {
        var result = new float[outputs.Rows];
        for (int r = 0; r < outputs.Rows; r++)
        {
            if (Data.IsRegression)
                result[r] = outputs[r, 0];
            else if (outputs.Columns == 1)
                result[r] = outputs[r, 0] >= 0.5f ? 1 : 0;
            else
                result[r] = ArgMax(outputs.Row(r));
        }
        return result;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
            if (row[i] > row[best])
                best = i;
        return best;
    }

    private static byte[] ValueBytes(ReadOnlySpan<float> values, double low, double high)
    {
        var bytes = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
            bytes[i] = ToByte(values[i], low, high);
        return bytes;
    }

    private static byte[] ArgMaxBytes(Matrix outputs)
    {
        var bytes = new byte[outputs.Rows];
        for (int r = 0; r < outputs.Rows; r++)
            bytes[r] = (byte)ArgMax(outputs.Row(r));
        return bytes;
    }

    private static byte[] MaxBytes(Matrix outputs)
    {
        var bytes = new byte[outputs.Rows];
        for (int r = 0; r < outputs.Rows; r++)
            bytes[r] = ToByte(outputs.Row(r)[ArgMax(outputs.Row(r))], 0, 1);
        return bytes;
    }

    /// <summary>Neuron after neuron, each a side² map: the layer's column j over the grid's rows.</summary>
    private static byte[] NeuronBytes(Matrix activations)
    {
        int cells = activations.Rows, units = activations.Columns;
        var bytes = new byte[cells * units];
        for (int j = 0; j < units; j++)
            for (int c = 0; c < cells; c++)
                bytes[j * cells + c] = ToByte(activations[c, j], -1, 1);
        return bytes;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static byte ToByte(double value, double low, double high) =>
        double.IsNaN(value) ? (byte)0 : (byte)Math.Round(Math.Clamp((value - low) / (high - low), 0, 1) * 255);
}

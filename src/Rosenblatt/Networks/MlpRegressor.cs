using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;
using Rosenblatt.Losses;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Networks;

/// <summary>A multilayer perceptron that predicts numbers: hidden layers, then identity outputs with mean squared error.</summary>
/// <remarks>Regression is the same network with a linear output: the last layer's weighted sums are the predictions.</remarks>
public sealed class MlpRegressor
{
    private Network? _network;
    private TrainingHistory? _history;

    /// <summary>Creates an untrained regressor; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public MlpRegressor(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public MlpOptions Options { get; }

    /// <summary>The trained network.</summary>
    public Network Network => _network ?? throw new NotFittedException("MlpRegressor", nameof(Network));

    /// <summary>The training history.</summary>
    public TrainingHistory History => _history ?? throw new NotFittedException("MlpRegressor", nameof(History));

    /// <summary>Trains on rows <paramref name="x"/> with one or more target values per row.</summary>
    /// <param name="x">One row of finite features per sample.</param>
    /// <param name="y">One row of finite targets per sample (all rows the same length).</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch.</param>
    /// <returns>The training history.</returns>
    public TrainingHistory Fit(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        var features = EstimatorData.Features(x, nameof(x));
        var targets = EstimatorData.Features(y, nameof(y));
        if (targets.Rows != features.Rows)
            throw Guard.Error(nameof(y), $"y has {targets.Rows} rows but x has {features.Rows}.", "pass one target row per sample.");
        var network = Options.Build(features.Columns, targets.Columns, Identity.Instance);
        var optimizer = OptimizerRegistry.Create(Options.Optimizer, Options.LearningRate, Options.Momentum, Options.L2);
        var history = Options.Trainer().Fit(network, MeanSquaredError.Instance, optimizer, features, targets, progress: progress, cancellationToken: cancellationToken);
        _network = network;
        _history = history;
        return history;
    }

    /// <summary>Sets learned state without training (model files).</summary>
    /// <summary>Wraps a network trained outside the estimator (your own <c>Trainer</c> call, the playground) as a regressor, so it
    /// predicts and saves as an <c>mlp-regressor</c> model file.</summary>
    /// <remarks>The network must end in identity units, as this class's networks do: a squashing output could not reach every
    /// target. It is used as is, not copied.</remarks>
    /// <param name="network">The trained network.</param>
    /// <param name="options">The hyperparameters to record with it; defaults when null.</param>
    /// <param name="history">The training history to keep with it; an empty one when null.</param>
    /// <returns>A fitted regressor.</returns>
    /// <exception cref="ArgumentException">The output layer is not identity.</exception>
    public static MlpRegressor FromNetwork(Network network, MlpOptions? options = null, TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Layers[^1].Activation is not Activations.Identity)
            throw Diagnostics.Guard.Error(nameof(network),
                $"the network's output layer is Dense({network.Outputs}, {network.Layers[^1].Activation.Name}), but a regressor's outputs are identity units.",
                $"end the network with Dense({network.Outputs}, \"identity\").");
        var model = new MlpRegressor(options);
        model.Restore(network, history ?? new TrainingHistory());
        return model;
    }

    internal void Restore(Network network, TrainingHistory history)
    {
        _network = network;
        _history = history;
    }

    /// <summary>The predicted targets for each row.</summary>
    /// <param name="x">Rows with the training feature count.</param>
    public double[][] Predict(IReadOnlyList<double[]> x)
    {
        var network = Network;
        Matrix outputs = network.Predict(EstimatorData.Features(x, nameof(x), network.Inputs));
        return Enumerable.Range(0, outputs.Rows).Select(i => Array.ConvertAll(outputs.Row(i).ToArray(), v => (double)v)).ToArray();
    }

    /// <summary>The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², over all target columns.</summary>
    /// <param name="x">Rows.</param>
    /// <param name="y">True targets.</param>
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y)
    {
        var predicted = Predict(x);
        Guard.Features(y, nameof(y), Network.Outputs);
        double mean = y.SelectMany(r => r).Average();
        double residual = 0, total = 0;
        for (int i = 0; i < y.Count; i++)
        {
            for (int j = 0; j < y[i].Length; j++)
            {
                residual += Math.Pow(y[i][j] - predicted[i][j], 2);
                total += Math.Pow(y[i][j] - mean, 2);
            }
        }
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }
}

using Rosenblatt.Diagnostics;

namespace Rosenblatt.Optimizers;

/// <summary>Creates optimizers by name, for CLI flags, options records and model files.</summary>
public static class OptimizerRegistry
{
    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "momentum", "nesterov", "adam"];

    /// <summary>A new optimizer called <paramref name="name"/>: <c>sgd</c> (with optional <paramref name="momentum"/>), <c>momentum</c> (SGD, μ = 0.9 unless given), <c>nesterov</c>, or <c>adam</c>.</summary>
    /// <param name="name">The optimizer's name, case-insensitive.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="momentum">μ for SGD; 0 means plain (or 0.9 for <c>momentum</c>/<c>nesterov</c>).</param>
    /// <param name="weightDecay">The L2 penalty λ.</param>
    /// <exception cref="ArgumentException">Unknown name or a value out of range.</exception>
    public static Optimizer Create(string name, double learningRate, double momentum = 0, double weightDecay = 0) =>
        (name ?? "").Trim().ToLowerInvariant() switch
        {
            "sgd" => new Sgd(learningRate, momentum, nesterov: false, weightDecay),
            "momentum" => new Sgd(learningRate, momentum == 0 ? 0.9 : momentum, nesterov: false, weightDecay),
            "nesterov" => new Sgd(learningRate, momentum == 0 ? 0.9 : momentum, nesterov: true, weightDecay),
            "adam" => new Adam(learningRate, weightDecay: weightDecay),
            _ => throw Guard.Error(nameof(name), $"'{name}' is not a known optimizer.", $"use one of: {string.Join(", ", Names)}."),
        };
}

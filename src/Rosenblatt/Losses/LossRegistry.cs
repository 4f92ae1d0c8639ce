using Rosenblatt.Diagnostics;

namespace Rosenblatt.Losses;

/// <summary>Finds losses by name, for CLI flags and model files.</summary>
public static class LossRegistry
{
    /// <summary>Every name <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mse", "binary_crossentropy", "categorical_crossentropy"];

    /// <summary>The loss called <paramref name="name"/> (case-insensitive; also <c>bce</c>, <c>cce</c>, <c>crossentropy</c>).</summary>
    /// <param name="name">A loss name.</param>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static Loss FromName(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "mse" or "mean_squared_error" => MeanSquaredError.Instance,
        "bce" or "binary_crossentropy" or "binary-crossentropy" or "logloss" => BinaryCrossEntropy.Instance,
        "cce" or "crossentropy" or "categorical_crossentropy" or "categorical-crossentropy" => CategoricalCrossEntropy.Instance,
        _ => throw Guard.Error(nameof(name), $"'{name}' is not a known loss.", $"use one of: {string.Join(", ", Names)}."),
    };
}

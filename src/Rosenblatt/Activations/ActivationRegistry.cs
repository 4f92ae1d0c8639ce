using Rosenblatt.Diagnostics;

namespace Rosenblatt.Activations;

/// <summary>Finds activations by name: the one place names become types, for CLI flags and model files.</summary>
public static class ActivationRegistry
{
    /// <summary>Every name <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax", "identity"];

    /// <summary>The activation called <paramref name="name"/> (case-insensitive; <c>linear</c> means identity, <c>leakyrelu</c> leaky_relu).</summary>
    /// <param name="name">An activation name.</param>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static Activation FromName(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "step" or "heaviside" => Step.Instance,
        "sigmoid" or "logistic" => Sigmoid.Instance,
        "tanh" => Tanh.Instance,
        "relu" => Relu.Instance,
        "leaky_relu" or "leakyrelu" or "leaky-relu" => new LeakyRelu(),
        "softmax" => Softmax.Instance,
        "identity" or "linear" or "none" => Identity.Instance,
        _ => throw Guard.Error(nameof(name), $"'{name}' is not a known activation.", $"use one of: {string.Join(", ", Names)}."),
    };
}

using Rosenblatt.Diagnostics;

namespace Rosenblatt.Initializers;

/// <summary>Creates initializers by name, for CLI flags and model files.</summary>
public static class InitializerRegistry
{
    /// <summary>Every name <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["zeros", "uniform", "normal", "xavier", "he"];

    /// <summary>The initializer called <paramref name="name"/> with its default parameters (<c>glorot</c> means xavier).</summary>
    /// <param name="name">An initializer name, case-insensitive.</param>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static Initializer FromName(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "zeros" or "zero" => new ZerosInitializer(),
        "uniform" => new UniformInitializer(),
        "normal" or "gaussian" => new NormalInitializer(),
        "xavier" or "glorot" => new XavierInitializer(),
        "he" or "kaiming" => new HeInitializer(),
        _ => throw Guard.Error(nameof(name), $"'{name}' is not a known initializer.", $"use one of: {string.Join(", ", Names)}."),
    };
}

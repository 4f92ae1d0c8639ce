using System.Globalization;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Initializers;

/// <summary>Creates initializers by name, for CLI flags and model files.</summary>
/// <remarks>
/// A name may carry one number after a colon: <c>normal:0.1</c> is <see cref="NormalInitializer"/> with σ = 0.1,
/// <c>uniform:0.2</c> draws from [−0.2, 0.2), <c>constant:0.5</c> fills with 0.5. Without it the defaults apply
/// (σ 0.05, ±0.05, and constant needs its value).
/// </remarks>
public static class InitializerRegistry
{
    /// <summary>Every name <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["zeros", "constant", "uniform", "normal", "xavier", "he"];

    /// <summary>The initializer called <paramref name="name"/>, with an optional <c>:value</c> (<c>glorot</c> means xavier, <c>kaiming</c> he).</summary>
    /// <param name="name">An initializer name, case-insensitive, e.g. <c>he</c> or <c>normal:0.1</c>.</param>
    /// <exception cref="ArgumentException">Unknown name, a value that is not a number or out of range, or a value the initializer does not take.</exception>
    public static Initializer FromName(string name)
    {
        string text = (name ?? "").Trim().ToLowerInvariant();
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string key = colon < 0 ? text : text[..colon];
        double? value = null;
        if (colon >= 0)
        {
            if (!double.TryParse(text[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) || !double.IsFinite(parsed))
                throw Guard.Error(nameof(name), $"'{name}' has '{text[(colon + 1)..]}' after the colon, which is not a finite number.", "write e.g. normal:0.1 or constant:0.5.");
            value = parsed;
        }
        return key switch
        {
            "zeros" or "zero" when value is null => new ZerosInitializer(),
            "constant" when value is double v => new ConstantInitializer(v),
            "constant" => throw Guard.Error(nameof(name), "'constant' needs its value.", "write e.g. constant:0.5."),
            "uniform" => value is double limit
                ? limit > 0 ? new UniformInitializer(-limit, limit) : throw Guard.Error(nameof(name), $"'{name}' gives a uniform limit of {Guard.Format(limit)}.", "use a positive limit, e.g. uniform:0.05 for [-0.05, 0.05).")
                : new UniformInitializer(),
            "normal" or "gaussian" => value is double sigma ? new NormalInitializer(sigma) : new NormalInitializer(),
            "xavier" or "glorot" when value is null => new XavierInitializer(),
            "he" or "kaiming" when value is null => new HeInitializer(),
            "zeros" or "zero" or "xavier" or "glorot" or "he" or "kaiming" =>
                throw Guard.Error(nameof(name), $"'{name}' takes no value: {key} chooses its own scale.", $"write just {key}, or normal:σ to choose σ yourself."),
            _ => throw Guard.Error(nameof(name), $"'{name}' is not a known initializer.", $"use one of: {string.Join(", ", Names)} (normal:σ, uniform:limit and constant:value take a number)."),
        };
    }
}

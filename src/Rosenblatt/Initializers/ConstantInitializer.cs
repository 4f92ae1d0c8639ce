using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>Every weight the same value: for experiments that show why symmetry must be broken.</summary>
public sealed class ConstantInitializer : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="value">The value, finite.</param>
    public ConstantInitializer(double value)
    {
        if (!double.IsFinite(value))
            throw Guard.Error(nameof(value), $"value is {Guard.Format(value)}.", "use a finite number.");
        Value = value;
    }

    /// <summary>The constant.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override string Name => "constant";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random) => weights.Fill((float)Value);
}

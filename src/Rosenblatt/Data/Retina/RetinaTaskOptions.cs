using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data.Retina;

/// <summary>What a retina task generator draws: how many images, on what retina, at what sizes, with how much noise, from which seed.</summary>
/// <remarks>
/// In the spirit of the 1960 demonstrations: one figure per image, its size and position drawn at random so the
/// machine must recognise the form wherever it appears. Classes are balanced (image i is class i mod K before a
/// seeded shuffle). Noise flips each point independently with probability <see cref="Noise"/>, drawn from a stream of its own,
/// so the same seed puts the same figures in the same places at every noise level.
/// </remarks>
public sealed record RetinaTaskOptions
{
    /// <summary>How many images to draw.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>Retina columns (20 on the Mark I).</summary>
    public int Width { get; init; } = 20;

    /// <summary>Retina rows (20 on the Mark I).</summary>
    public int Height { get; init; } = 20;

    /// <summary>The smallest figure height, in points.</summary>
    public int MinSize { get; init; } = 7;

    /// <summary>The largest figure height, in points; at most the retina's smaller side.</summary>
    public int MaxSize { get; init; } = 14;

    /// <summary>The probability that each point is flipped after drawing (0 = clean pictures).</summary>
    public double Noise { get; init; }

    /// <summary>The seed: the same options draw the same images.</summary>
    public long Seed { get; init; }

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <param name="smallestFigure">The smallest size the generator can draw legibly (5 for shapes, 7 for letters).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate(int smallestFigure)
    {
        Guard.AtLeast(Count, 1, nameof(Count), "draw at least one image, e.g. 1000.");
        Guard.AtMost(Count, 10_000_000, nameof(Count), "draw at most 10 million images.");
        Guard.AtLeast(Width, smallestFigure, nameof(Width), $"the retina must hold a figure of {smallestFigure} points; the Mark I's is 20.");
        Guard.AtLeast(Height, smallestFigure, nameof(Height), $"the retina must hold a figure of {smallestFigure} points; the Mark I's is 20.");
        Guard.AtMost(Width, 1024, nameof(Width), "use at most 1024 points per side.");
        Guard.AtMost(Height, 1024, nameof(Height), "use at most 1024 points per side.");
        Guard.AtLeast(MinSize, smallestFigure, nameof(MinSize), $"smaller than {smallestFigure} points the figures are not legible.");
        Guard.AtMost(MaxSize, Math.Min(Width, Height), nameof(MaxSize), "a figure must fit on the retina.");
        Guard.AtLeast(MaxSize, MinSize, nameof(MaxSize), "MaxSize must be at least MinSize.");
        Guard.InRange(Noise, 0, 0.5, nameof(Noise), "0 draws clean figures; 0.05 flips one point in twenty.");
    }
}

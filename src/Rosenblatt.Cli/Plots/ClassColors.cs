using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>One colour per class, shared by every plot, so class 1 is the same orange in a boundary and in its legend.</summary>
/// <remarks>Tableau's Category10 palette: ten hues chosen to stay distinct for most colour-blind readers,
/// and the default of Matplotlib, so the pictures look like the tutorials' figures.</remarks>
internal static class ClassColors
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The colour of class <paramref name="index"/> (cycling after ten).</summary>
    /// <param name="index">The class index, 0-based.</param>
    public static Color Of(int index) => Palette.GetColor(index);

    /// <summary>The class colour washed towards white, for backgrounds the points are drawn on.</summary>
    /// <param name="index">The class index.</param>
    /// <param name="strength">0 (white) to 1 (the full class colour).</param>
    public static Color Wash(int index, double strength) =>
        Colors.White.MixedWith(Of(index), Math.Clamp(strength, 0, 1));
}

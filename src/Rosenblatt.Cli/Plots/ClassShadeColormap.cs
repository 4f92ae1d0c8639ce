using ScottPlot;

namespace Rosenblatt.Cli.Plots;

/// <summary>Decodes <c>(class + confidence) / k</c> into the class's colour, pale at confidence 0 and deeper at 1.</summary>
/// <remarks>Used by <see cref="DecisionBoundaryPlot"/>: the background stays light (at most 55% of the class colour)
/// so the fully coloured points drawn on it remain visible.</remarks>
/// <param name="classes">k, the number of classes.</param>
internal sealed class ClassShadeColormap(int classes) : IColormap
{
    /// <summary>The colormap's name, shown by ScottPlot in colour bars.</summary>
    public string Name => "class shade";

    /// <summary>The colour for a normalized intensity in [0, 1].</summary>
    /// <param name="normalizedIntensity">(class + confidence) / k.</param>
    public Color GetColor(double normalizedIntensity)
    {
        if (double.IsNaN(normalizedIntensity))
            return Colors.White;
        double scaled = Math.Clamp(normalizedIntensity, 0, 1) * classes;
        int cls = Math.Min(classes - 1, (int)Math.Floor(scaled));
        double confidence = scaled - cls;
        return ClassColors.Wash(cls, 0.12 + 0.43 * confidence);
    }
}

namespace Rosenblatt.Linear;

/// <summary>The answer of <see cref="LinearSeparability"/>: separable, not separable, or not decided.</summary>
public enum SeparabilityVerdict
{
    /// <summary>A hyperplane puts every sample of one class strictly on one side and the other class on the other; the result carries it.</summary>
    Separable,

    /// <summary>No hyperplane separates the classes; the result carries the proof (two convex combinations that meet).</summary>
    NotSeparable,

    /// <summary>The data was too large for the exact check and the bounded search found no separator; this proves nothing either way.</summary>
    Undecided,
}

using Rosenblatt.Linear;

namespace Rosenblatt.Cli.Conventions;

/// <summary>The <c>--json</c> form of a <see cref="SeparabilityResult"/>, with the verdict as a word rather than an enum number.</summary>
/// <param name="PositiveClass">The class on the side w·x + b &gt; 0.</param>
/// <param name="NegativeClass">The other class ("rest" for one-vs-rest).</param>
/// <param name="Verdict"><c>separable</c>, <c>notSeparable</c> or <c>undecided</c>.</param>
/// <param name="Exact">Whether the exact rational check decided it.</param>
/// <param name="Hyperplane">The separating hyperplane, when separable.</param>
/// <param name="Certificate">The two convex combinations that meet, when not separable.</param>
/// <param name="Bound">The convergence theorem's bound, when separable.</param>
/// <param name="Explanation">The verdict in plain English.</param>
internal sealed record SeparabilityDocument(
    string PositiveClass, string NegativeClass, string Verdict, bool Exact, SeparatingHyperplane? Hyperplane,
    OverlapCertificate? Certificate, ConvergenceBound? Bound, string Explanation)
{
    /// <summary>Converts a library result.</summary>
    /// <param name="result">The result to convert.</param>
    public static SeparabilityDocument From(SeparabilityResult result) => new(
        result.PositiveClass, result.NegativeClass, VerdictName(result.Verdict), result.Exact, result.Hyperplane,
        result.Certificate, result.Bound, result.Explanation);

    /// <summary>The verdict's JSON and table word.</summary>
    /// <param name="verdict">The verdict.</param>
    public static string VerdictName(SeparabilityVerdict verdict) => verdict switch
    {
        SeparabilityVerdict.Separable => "separable",
        SeparabilityVerdict.NotSeparable => "notSeparable",
        _ => "undecided",
    };
}

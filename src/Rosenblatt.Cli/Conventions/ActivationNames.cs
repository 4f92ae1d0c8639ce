using Rosenblatt.Activations;

namespace Rosenblatt.Cli.Conventions;

/// <summary>The activations a command-line flag can name, e.g. <c>--activation sigmoid</c>.</summary>
/// <remarks>A name registry belongs at the edges only; the library itself passes activation objects.</remarks>
internal static class ActivationNames
{
    private static readonly Activation[] Known = [Step.Instance, Sigmoid.Instance];

    /// <summary>The names accepted, for <c>AcceptOnlyFromAmong</c> and help text.</summary>
    public static string[] All { get; } = Known.Select(a => a.Name).ToArray();

    /// <summary>The activation with this name.</summary>
    /// <param name="name">One of <see cref="All"/>, case-insensitive.</param>
    /// <exception cref="ArgumentException">The name is not known.</exception>
    public static Activation Resolve(string name) =>
        Known.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"--activation '{name}' is not a known activation. help: use one of {string.Join(", ", All)}.");
}

using System.Text.RegularExpressions;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Rewrites a library error that names a property (<c>LearningRate</c>) into the flag the command-line user typed (<c>--lr</c>).</summary>
/// <remarks>The library's checks are the single source of truth for a value's range; a command that passes a flag straight
/// into an options record lets the library check it, and this puts the message in the CLI's words instead of repeating
/// the check with a second copy of the limits that could drift.</remarks>
internal static class FlagNames
{
    /// <summary>Runs <paramref name="action"/>; an <see cref="ArgumentException"/> from it is rethrown with each property name replaced by its flag.</summary>
    /// <param name="action">The code that builds or validates the library's options.</param>
    /// <param name="names">Pairs of the library's property name and the command's flag.</param>
    /// <returns>What <paramref name="action"/> returns.</returns>
    /// <exception cref="ArgumentException">The library refused a value; the message names the flag.</exception>
    public static T InFlags<T>(Func<T> action, params (string Property, string Flag)[] names)
    {
        try
        {
            return action();
        }
        catch (ArgumentException e)
        {
            string message = CliApp.UserMessage(e);
            foreach (var (property, flag) in names)
                message = Regex.Replace(message, $@"\b{property}\b", flag);
            throw new ArgumentException(message, e);
        }
    }
}

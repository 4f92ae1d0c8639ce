namespace Rosenblatt.Serialization;

/// <summary>A model file cannot be read or written: missing, damaged, from a newer Rosenblatt, or not matching the data.</summary>
/// <remarks>
/// The message names the file, says what is wrong (with the JSON position or field when there is one)
/// and ends with a <c>help:</c> fix. It derives from <see cref="IOException"/> because it is a problem
/// with a file, so callers that already handle I/O errors (the CLI) report it as a user error.
/// </remarks>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="help">The fix, as a sentence.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ModelFileException(string path, string problem, string help, Exception? inner = null)
        : base($"model file '{path}': {problem} help: {help}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The model file the error is about.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the file name and the fix.</summary>
    public string Problem { get; }
}

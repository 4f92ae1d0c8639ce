namespace Rosenblatt.Cli.Conventions;

/// <summary>Writes an output file so that a reader never sees half of it: render beside it, then rename into place.</summary>
/// <remarks>
/// The temporary file is hidden (leading dot) and in the same folder, so the final <see cref="File.Move(string, string, bool)"/>
/// is a rename on the same file system, which replaces the old file in one step. On failure the temporary
/// file is removed and any old file at the path is left as it was: nothing is lost.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, which receives the temporary path to write to.</summary>
    /// <param name="path">The file to produce; its folder must exist.</param>
    /// <param name="option">The option that named the path (e.g. <c>--out</c>), for error messages.</param>
    /// <param name="write">Writes the whole file at the path it is given.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="IOException">The path is a folder, or its folder does not exist.</exception>
    public static string Write(string path, string option, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
            throw new IOException($"{option} '{path}' is a folder, not a file. help: name a file, e.g. {option} {Path.Combine(path, "out" + Path.GetExtension(path))}.");
        if (directory is null || !Directory.Exists(directory))
            throw new IOException($"{option} '{path}': the folder '{directory}' does not exist. help: create it first (mkdir -p), or write to the current folder.");
        string temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        return full;
    }
}

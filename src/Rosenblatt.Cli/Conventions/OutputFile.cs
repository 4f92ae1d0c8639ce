namespace Rosenblatt.Cli.Conventions;

/// <summary>The files and folders a command writes: checked before any work starts, then written atomically.</summary>
/// <remarks>
/// <para><see cref="Check"/> runs before the data is read or a model trained, so a typo in <c>--out</c> costs a second,
/// not a training run: the name must not be a folder, its folder must exist and be writable, and it must not be one
/// of the command's own inputs (the data file, the model file), however it is spelled: another relative path, a
/// symbolic link, a hard link, or different letter case on a file system that ignores case.</para>
/// <para><see cref="Write"/> renders beside the target and renames it into place through the library's
/// <see cref="IO.AtomicFile"/>, so a reader never sees half a file, a failure leaves the old file as it was, and the
/// leftovers of a killed write are removed by the next one.</para>
/// </remarks>
internal static class OutputFile
{
    /// <summary>Checks that <paramref name="path"/> can be written and is none of <paramref name="inputs"/>.</summary>
    /// <param name="path">The output file.</param>
    /// <param name="option">The option that named it, e.g. <c>--out</c>.</param>
    /// <param name="inputs">The command's input files by option (null paths are skipped: a built-in data set is no file).</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The output is one of the inputs.</exception>
    /// <exception cref="IOException">The path is a folder, its folder is missing, or the folder is not writable.</exception>
    public static string Check(string path, string option, params (string Option, string? Path)[] inputs)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException($"{option} is empty. help: name a file, e.g. {option} out{Extension(option)}.");
        string full = Path.GetFullPath(path);
        foreach (var (input, inputPath) in inputs)
        {
            if (inputPath is not null && File.Exists(inputPath) && FileIdentity.Same(full, inputPath))
                throw new ArgumentException(
                    $"{option} '{path}' is the same file as {input} '{inputPath}': writing it would destroy the {(input == "--model" ? "model" : "data")} this command reads. " +
                    $"help: choose another file name, e.g. {option} {Path.GetFileNameWithoutExtension(path)}-out{Path.GetExtension(path)}.");
        }
        if (Directory.Exists(full))
            throw new IOException($"{option} '{path}' is a folder, not a file. help: name a file inside it, e.g. {option} {Path.Combine(path, "out" + Extension(option))}.");
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new IOException($"{option} '{path}': the folder '{directory}' does not exist. help: create it first (mkdir -p {directory}), or write to the current folder.");
        Writable(directory, option, path);
        return full;
    }

    /// <summary>Checks that <paramref name="folder"/> is writable, or can be created in a writable folder; creates nothing.</summary>
    /// <param name="folder">The output folder (created later by the command, when it writes).</param>
    /// <param name="option">The option that named it, e.g. <c>--out-dir</c>.</param>
    /// <returns>The full path of the folder.</returns>
    /// <exception cref="IOException">The path or one of its parents is a file, or the folder (or the nearest existing parent) is not writable.</exception>
    public static string CheckFolder(string folder, string option)
    {
        if (string.IsNullOrWhiteSpace(folder))
            throw new ArgumentException($"{option} is empty. help: name a folder, e.g. {option} plots.");
        string full = Path.GetFullPath(folder);
        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
                throw new IOException(existing == full
                    ? $"{option} '{folder}' is a file, not a folder. help: name a folder, e.g. {option} plots."
                    : $"{option} '{folder}' cannot be created: '{existing}' is a file. help: name a folder whose parents are folders, e.g. {option} plots.");
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is not null)
            Writable(existing, option, folder);
        return full;
    }

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, which receives the temporary path to write to.</summary>
    /// <param name="path">The file to produce; its folder must exist.</param>
    /// <param name="option">The option that named the path (e.g. <c>--out</c>), for error messages.</param>
    /// <param name="write">Writes the whole file at the path it is given.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="IOException">The path is a folder, its folder does not exist, or writing failed (an existing file is then unchanged).</exception>
    public static string Write(string path, string option, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
            throw new IOException($"{option} '{path}' is a folder, not a file. help: name a file, e.g. {option} {Path.Combine(path, "out" + Path.GetExtension(path))}.");
        if (directory is null || !Directory.Exists(directory))
            throw new IOException($"{option} '{path}': the folder '{directory}' does not exist. help: create it first (mkdir -p), or write to the current folder.");
        try
        {
            return IO.AtomicFile.WriteVia(full, write);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"{option} '{path}' cannot be written ({ex.Message}); any earlier file of that name is unchanged. help: check the folder's permissions, or write elsewhere.", ex);
        }
    }

    /// <summary>Creates and deletes a hidden probe file: the only sure test that a folder accepts new files.</summary>
    private static void Writable(string directory, string option, string path)
    {
        string probe = IO.AtomicFile.TempPathFor(Path.Combine(directory, "write-check"));
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{option} '{path}': the folder '{directory}' does not accept new files ({ex.Message}). help: choose a folder you can write to, or fix its permissions.", ex);
        }
    }

    private static string Extension(string option) => option == "--out-dir" ? "" : ".json";
}

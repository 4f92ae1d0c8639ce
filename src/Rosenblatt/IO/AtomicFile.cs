using System.Text.RegularExpressions;

namespace Rosenblatt.IO;

/// <summary>Writes a file so that no reader ever sees half of it and a failed or killed write loses nothing: write
/// a hidden temporary file beside the target, flush it, then rename it over the target in one step.</summary>
/// <remarks>
/// <para>Every file Rosenblatt writes for a user goes through here: model files (<c>ModelFile.Save</c>), downloaded
/// data sets (<c>DatasetFetcher</c>), and the CLI's predictions, plots and graphs. The temporary file is named
/// <c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp&lt;extension&gt;</c> in the target's own folder, so the final move is a
/// rename on one file system (it replaces the old file atomically), the name says which file it was for, and the
/// extension is kept for writers that choose a format by it (a PNG renderer).</para>
/// <para>A process killed between the two steps (a second Ctrl+C, <c>kill -9</c>, a power cut) cannot clean up
/// after itself. Its temporary file, which can be as large as the target, is removed by the next write to the same
/// target (<see cref="RemoveStale"/>): one write's leftovers never outlive the next successful one. A temporary file
/// still open with exclusive access by another writer is left alone.</para>
/// </remarks>
/// <example>
/// <code>
/// AtomicFile.Write("predictions.csv", stream => stream.Write("a,b\n"u8));
/// </code>
/// </example>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which receives the open temporary file; flushed to disk before the rename.</summary>
    /// <param name="path">The file to produce; its folder must exist. An existing file is replaced only when the whole new one is on disk.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="IOException">The file cannot be written (the folder is missing or read-only, the disk is full); any earlier file at <paramref name="path"/> is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable; any earlier file is unchanged.</exception>
    public static string Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteVia(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="writeTo"/>, which receives the temporary path and creates the file there itself
    /// (for writers that only take a file name, such as a plotting library's <c>SavePng</c>).</summary>
    /// <param name="path">The file to produce; its folder must exist.</param>
    /// <param name="writeTo">Writes the whole file at the path it is given (same folder and extension as <paramref name="path"/>).</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="IOException">The file cannot be written; any earlier file at <paramref name="path"/> is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable; any earlier file is unchanged.</exception>
    public static string WriteVia(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writeTo);
        string full = Path.GetFullPath(path);
        RemoveStale(full);
        string temp = TempPathFor(full);
        try
        {
            writeTo(temp);
            BeforeReplace.Value?.Invoke(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
        return full;
    }

    /// <summary>A fresh hidden temporary path beside <paramref name="path"/>: <c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp&lt;extension&gt;</c>.</summary>
    /// <param name="path">The target file.</param>
    /// <returns>The full temporary path; nothing is created.</returns>
    public static string TempPathFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
    }

    /// <summary>Deletes the temporary files that earlier, killed writes of <paramref name="path"/> left in its folder.</summary>
    /// <remarks>Recognises this class's names and the names earlier versions used (<c>.name.GUID.tmp</c>, <c>.stem.GUID.tmp.ext</c>,
    /// <c>.name.GUID.part</c>); the 32 hex digits keep a user's own hidden files safe. A file that cannot be opened exclusively
    /// is in use by another writer and is kept; a file that cannot be deleted is skipped silently (it is harmless and clearly named).</remarks>
    /// <param name="path">The target file.</param>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStale(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            return 0;
        string name = Path.GetFileName(full);
        string stem = Path.GetFileNameWithoutExtension(full);
        string ext = Path.GetExtension(full);
        int removed = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, ".*").ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (string candidate in candidates)
        {
            if (!IsTempOf(Path.GetFileName(candidate), name, stem, ext) || InUse(candidate))
                continue;
            if (TryDelete(candidate))
                removed++;
        }
        return removed;
    }

    /// <summary>Test hook: runs after the temporary file is complete and before it replaces the target.</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeReplace = new();

    private static bool IsTempOf(string file, string name, string stem, string ext)
    {
        var match = TempName().Match(file);
        if (!match.Success)
            return false;
        string owner = match.Groups["owner"].Value, suffix = match.Groups["suffix"].Value;
        return (owner == name && (suffix == ".tmp" + ext || suffix == ".tmp" || suffix == ".part"))
            || (owner == stem && suffix == ".tmp" + ext);
    }

    private static bool InUse(string file)
    {
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            if (!File.Exists(file))
                return false;
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.(?<owner>.+)\.[0-9a-f]{32}(?<suffix>\.tmp.*|\.part)$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}

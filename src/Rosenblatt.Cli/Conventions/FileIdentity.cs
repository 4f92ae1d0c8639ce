namespace Rosenblatt.Cli.Conventions;

/// <summary>Whether two paths name the same file, however they are spelled.</summary>
/// <remarks>
/// <para>First by name: both paths made absolute with every symbolic link along them resolved (a link to a folder
/// counts as much as a link to the file). Then, when the names differ but both files exist with the same length and
/// modification time, by the file itself: it is opened exclusively through one name and must then refuse to open
/// through the other. That catches hard links and letter case on file systems that ignore case (macOS, Windows),
/// which no string comparison can decide. Two different files that happen to agree in length and time open fine
/// through both names, so they are not confused.</para>
/// </remarks>
internal static class FileIdentity
{
    private const int MaxLinkDepth = 40;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same file.</summary>
    /// <param name="a">A path.</param>
    /// <param name="b">Another path.</param>
    public static bool Same(string a, string b)
    {
        string ra = Resolve(a, 0), rb = Resolve(b, 0);
        if (string.Equals(ra, rb, StringComparison.Ordinal))
            return true;
        var fa = new FileInfo(ra);
        var fb = new FileInfo(rb);
        if (!fa.Exists || !fb.Exists || fa.Length != fb.Length || fa.LastWriteTimeUtc != fb.LastWriteTimeUtc)
            return false;
        try
        {
            using var first = new FileStream(ra, FileMode.Open, FileAccess.Read, FileShare.None);
            try
            {
                using var second = new FileStream(rb, FileMode.Open, FileAccess.Read, FileShare.Read);
                return false;
            }
            catch (IOException)
            {
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The absolute path with every symbolic link along it replaced by its target.</summary>
    private static string Resolve(string path, int depth)
    {
        string full = Path.GetFullPath(path);
        if (depth > MaxLinkDepth)
            return full;
        string root = Path.GetPathRoot(full) ?? "";
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            try
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    next = Resolve(target.FullName, depth + 1);
            }
            catch (IOException)
            {
                // A link loop or an unreadable link: keep the name as written.
            }
            catch (UnauthorizedAccessException)
            {
            }
            current = next;
        }
        return current;
    }
}

namespace Rosenblatt.Cli.Plots;

/// <summary>Where every plot is saved: checks the path, renders beside it, then moves the PNG into place.</summary>
/// <remarks>
/// A reader (an image viewer, a test, a web page) never sees half a PNG: ScottPlot writes to a hidden
/// temporary file in the same folder and the finished file replaces the old one in one rename.
/// </remarks>
internal static class PlotFile
{
    /// <summary>The default image size, in pixels: large enough to read labels, small enough for a README.</summary>
    public const int Width = 800;

    /// <summary>The default image height, in pixels.</summary>
    public const int Height = 600;

    /// <summary>Saves a PNG at <paramref name="path"/> using <paramref name="save"/>, which writes to the path it is given.</summary>
    /// <param name="path">The PNG to write; its folder must exist.</param>
    /// <param name="save">Renders to the given file name, e.g. <c>p =&gt; plot.SavePng(p, 800, 600)</c>.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="IOException">The path is a folder, or its folder does not exist.</exception>
    public static string Save(string path, Action<string> save)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
            throw new IOException($"'{path}' is a folder, not a PNG file. help: name a file, e.g. {Path.Combine(path, "plot.png")}.");
        if (directory is null || !Directory.Exists(directory))
            throw new IOException($"cannot write '{path}': the folder '{directory}' does not exist. help: create it first (mkdir -p), or write to the current folder.");
        string temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp.png");
        try
        {
            save(temp);
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

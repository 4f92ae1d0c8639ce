using Rosenblatt.Cli.Conventions;

namespace Rosenblatt.Cli.Plots;

/// <summary>Where every plot is saved: checks the path, renders beside it, then moves the PNG into place.</summary>
/// <remarks>A reader (an image viewer, a test, a web page) never sees half a PNG: see <see cref="OutputFile"/>.</remarks>
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
    public static string Save(string path, Action<string> save) => OutputFile.Write(path, "plot", save);
}

namespace Rosenblatt.Cli.Tests;

/// <summary>A fresh folder for a test's files (input CSVs, output the CLI writes), deleted with everything in it on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("rosenblatt-cli-tests-").FullName;

    /// <summary>The full path of <paramref name="name"/> in the folder (the file need not exist).</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

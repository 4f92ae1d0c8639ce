namespace Rosenblatt.Cli.Tests;

/// <summary>A fresh folder for a test's files (input CSVs, output the CLI writes, plots), deleted with everything in it on dispose.</summary>
/// <remarks>Set <c>ROSENBLATT_KEEP_TEST_FILES</c> to keep the folders, e.g. to look at the plots a test drew.</remarks>
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

    /// <summary>Iris-shaped rows with a header (the four measurements and the species) written to <paramref name="name"/>.</summary>
    public string Iris(string name, params string[] rows) =>
        Write(name, "sepal_length,sepal_width,petal_length,petal_width,species\n" + string.Join("\n", rows) + "\n");

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ROSENBLATT_KEEP_TEST_FILES") is not null)
            return;
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>Small CSV files written for one test, deleted afterwards.</summary>
public sealed class CsvFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rosenblatt-cli-csv", Guid.NewGuid().ToString("N"));

    public CsvFiles() => Directory.CreateDirectory(_folder);

    public string Folder => _folder;

    public string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Iris-shaped rows with a header: the four measurements and the species.</summary>
    public string Iris(string name, params string[] rows) =>
        Write(name, "sepal_length,sepal_width,petal_length,petal_width,species\n" + string.Join("\n", rows) + "\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

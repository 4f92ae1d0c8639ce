namespace Rosenblatt.Cli.Tests.Plots;

/// <summary>A fresh temporary folder for one test's images, deleted afterwards.</summary>
public sealed class PlotFolder : IDisposable
{
    public PlotFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rosenblatt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ROSENBLATT_KEEP_TEST_FILES") is null)
            Directory.Delete(Path, recursive: true);
    }
}

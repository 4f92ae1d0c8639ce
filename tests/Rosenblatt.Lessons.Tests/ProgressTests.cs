using System.Diagnostics;
using Rosenblatt.Lessons.Progress;

namespace Rosenblatt.Lessons.Tests;

/// <summary>Progress is saved atomically on the learner's machine: a killed process loses nothing that was saved.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosenblatt-progress-tests-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Progress_SurvivesAProcessKilledWhileSaving()
    {
        string path = Path.Combine(_folder, "progress.json");
        string writer = Path.Combine(AppContext.BaseDirectory, "Rosenblatt.Lessons.ProgressWriter.dll");
        var start = new ProcessStartInfo(DotnetHost(), $"\"{writer}\" \"{path}\"") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        int lastSaved = 0;
        while (lastSaved < 15 && await process.StandardOutput.ReadLineAsync() is { } line)
            lastSaved = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var document = new ProgressStore(path).Load();
        var gates = document.Lesson(1).Exercises["gates"];
        Assert.True(gates.Attempts >= lastSaved, $"attempt {lastSaved} was saved, but the file holds {gates.Attempts}");
        Assert.StartsWith($"// attempt {gates.Attempts}\n", gates.Code, StringComparison.Ordinal);
        Assert.Equal(200_000 + $"// attempt {gates.Attempts}\n// ".Length, gates.Code!.Length);
    }

    [Fact]
    public void Update_ThenLoad_RestoresTheLearnersCodeAttemptsAndHints()
    {
        var store = new ProgressStore(Path.Combine(_folder, "nested", "p.json"));
        store.Update(doc =>
        {
            var e = doc.Lesson(2).Exercise("update");
            e.Attempts = 3;
            e.HintsShown = 1;
            e.Code = "double Update(double w, double lr, int e, double x) => w;";
            return 0;
        });
        var again = new ProgressStore(store.Path).Load().Lesson(2).Exercise("update");
        Assert.Equal(3, again.Attempts);
        Assert.Equal(1, again.HintsShown);
        Assert.Equal("double Update(double w, double lr, int e, double x) => w;", again.Code);
    }

    [Fact]
    public void Load_OfACorruptFile_SaysWhichFileAndHowToStartOver()
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{ not json");
        var error = Assert.Throws<InvalidDataException>(() => new ProgressStore(path).Load());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("help:", error.Message, StringComparison.Ordinal);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "dotnet";
}

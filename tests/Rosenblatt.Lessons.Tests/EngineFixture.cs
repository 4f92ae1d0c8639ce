using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons.Tests;

/// <summary>One warm engine (one worker process) shared by the tests of a collection, with its own progress file.</summary>
/// <remarks>Limits are generous (20 s per cell) so a loaded machine does not turn a slow cell into a failure; the
/// tests that prove the limits make their own engine with short ones.</remarks>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Folder = Directory.CreateTempSubdirectory("rosenblatt-lessons-tests-").FullName;
        Engine = new LessonEngine(new LessonEngineOptions
        {
            ProgressPath = Path.Combine(Folder, "progress.json"),
            Limits = new RunnerLimits { CellTime = TimeSpan.FromSeconds(30), CompileTime = TimeSpan.FromSeconds(120), StartTime = TimeSpan.FromSeconds(120) },
        });
    }

    public string Folder { get; }

    public LessonEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "warm engine";
}

using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons.Tests;

/// <summary>The worker is replaced after its quota of requests, so memory cannot grow without bound, and the notebook survives it.</summary>
public sealed class RecyclingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosenblatt-recycling-tests-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Worker_IsReplacedAfterItsRequestQuota_AndTheNextCellStillSeesTheCellsAbove()
    {
        await using var engine = new LessonEngine(new LessonEngineOptions
        {
            ProgressPath = Path.Combine(_folder, "progress.json"),
            Limits = new RunnerLimits { RequestsPerWorker = 2, CellTime = TimeSpan.FromSeconds(30), CompileTime = TimeSpan.FromSeconds(120), StartTime = TimeSpan.FromSeconds(120) },
        });
        Assert.Equal(1, engine.WorkersStarted);
        await engine.RunCellAsync(1, "fire");
        await engine.RunCellAsync(1, "and-traced");
        Assert.Equal(2, engine.WorkersStarted);
        var report = await engine.RunCellAsync(1, "and-picture");
        Assert.Equal("ok", report.Status);
        Assert.Equal(0, report.CellsReused);
        Assert.Contains("x2", report.Output, StringComparison.Ordinal);
    }
}

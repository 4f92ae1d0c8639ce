using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons.Tests;

/// <summary>Learner code that misbehaves is stopped and explained, and never harms the host: loops, memory bombs, recursion, errors, floods of output.</summary>
/// <remarks>One engine with short limits (3 s per cell, 256 MB heap) shared by these tests. The time assertions only
/// bound the stop from above, generously, so a loaded machine cannot fail them.</remarks>
public sealed class SandboxTests : IClassFixture<SandboxTests.ShortLimits>
{
    private readonly LessonEngine _engine;

    public SandboxTests(ShortLimits fixture) => _engine = fixture.Engine;

    public sealed class ShortLimits : IDisposable
    {
        public ShortLimits()
        {
            Folder = Directory.CreateTempSubdirectory("rosenblatt-sandbox-tests-").FullName;
            Engine = new LessonEngine(new LessonEngineOptions
            {
                ProgressPath = Path.Combine(Folder, "progress.json"),
                Limits = new RunnerLimits
                {
                    CellTime = TimeSpan.FromSeconds(3), HeapBytes = 256L << 20, OutputChars = 2000,
                    CompileTime = TimeSpan.FromSeconds(120), StartTime = TimeSpan.FromSeconds(120),
                },
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

    private Task<Grading.CellRunReport> Run(string code, CancellationToken cancellation = default) =>
        _engine.RunCellAsync(1, "fire", new Dictionary<string, string> { ["fire"] = code }, cancellation);

    [Fact]
    public async Task EndlessLoop_IsStoppedWithinTheLimit_AndExplainedAsALoopThatNeverEnds()
    {
        var report = await Run("int i = 0;\nwhile (i < 10) { }\n");
        Assert.Equal("error", report.Status);
        Assert.Equal("time-limit", report.Help!.Kind);
        Assert.Contains("never", report.Help.Title, StringComparison.Ordinal);
        Assert.Contains("loop", report.Help.Text, StringComparison.Ordinal);
        Assert.Contains("3", report.Help.Title, StringComparison.Ordinal);
        Assert.InRange(report.ElapsedMilliseconds, 3000, 60_000);
        var after = await Run("Console.Write(\"alive\");");
        Assert.Equal("alive", after.Output);
    }

    [Fact]
    public async Task MemoryBomb_IsStopped_AndExplainedAsTheMemoryLimit()
    {
        var report = await Run("var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[1 << 20]);\n");
        Assert.Equal("error", report.Status);
        Assert.Equal("memory-limit", report.Help!.Kind);
        Assert.Contains("256 MB", report.Help.Title, StringComparison.Ordinal);
        var after = await Run("Console.Write(1 + 1);");
        Assert.Equal("2", after.Output);
    }

    [Fact]
    public async Task EndlessRecursion_KillsOnlyTheWorker_AndIsExplainedAsProbablyEndlessRecursion()
    {
        var report = await Run("int Down(int n) => Down(n + 1) + 1;\nDown(0);\n");
        Assert.Equal("error", report.Status);
        Assert.Equal("crash", report.Help!.Kind);
        Assert.Contains("probably endless recursion", report.Help.Text, StringComparison.Ordinal);
        var after = await Run("Console.Write(\"still here\");");
        Assert.Equal("still here", after.Output);
    }

    [Fact]
    public async Task CompileError_IsExplainedInPlainWords_WithTheLearnersLineQuotedAndTheColumnMarked()
    {
        var report = await Run("double bias = -1.5;\nint x = 1\nConsole.WriteLine(x);\n");
        Assert.Equal("error", report.Status);
        var help = report.Help!;
        Assert.Equal("compile", help.Kind);
        Assert.Contains("CS1002", help.Title, StringComparison.Ordinal);
        Assert.Contains("semicolon", help.Title, StringComparison.Ordinal);
        Assert.Equal(2, help.Line);
        Assert.Equal("int x = 1", help.Quote);
        Assert.Equal(new string(' ', 9) + "^", help.Marker);
        Assert.Contains(Explaining.Explanation.Note, help.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownName_IsExplainedWithTheNameFilledIn()
    {
        var report = await Run("double bias = 1;\nConsole.WriteLine(Bias);\n");
        Assert.Contains("'Bias' is not defined here", report.Help!.Text, StringComparison.Ordinal);
        Assert.Equal("Console.WriteLine(Bias);", report.Help.Quote);
    }

    [Fact]
    public async Task IndexOutOfRange_IsExplainedWithTheLineItHappenedOn()
    {
        var report = await Run("double[] w = new double[2];\nfor (int i = 0; i <= w.Length; i++)\n    w[i] = 1;\n");
        Assert.Equal("runtime", report.Help!.Kind);
        Assert.Equal("An index outside the array", report.Help.Title);
        Assert.Contains("i <= xs.Length", report.Help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibraryError_ShowsTheLibrarysOwnHelpTextAsIs()
    {
        var report = await Run("new Perceptron(new PerceptronOptions { LearningRate = -1 });");
        Assert.Equal("library", report.Help!.Kind);
        Assert.Contains("help:", report.Help.Text, StringComparison.Ordinal);
        Assert.Contains("-1", report.Help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_IsCaptured_AndTruncatedPastTheLimit()
    {
        var small = await Run("Console.WriteLine(\"hello from the cell\");\nConsole.Error.WriteLine(\"and its error stream\");");
        Assert.Equal("ok", small.Status);
        Assert.Equal($"hello from the cell{Environment.NewLine}and its error stream{Environment.NewLine}", small.Output);
        Assert.False(small.OutputTruncated);

        var flood = await Run("for (int i = 0; i < 100000; i++) Console.Write(\"spam \");");
        Assert.Equal("ok", flood.Status);
        Assert.True(flood.OutputTruncated);
        Assert.Equal(2000, flood.Output.Length);
    }

    [Fact]
    public async Task LastExpressionWithoutSemicolon_IsTheCellsValue()
    {
        var report = await Run("double[] w = [1, 2];\nw.Sum() * 0.25");
        Assert.Equal("0.75", report.Value);
    }

    [Fact]
    public async Task HostStaysResponsive_WhileACellRuns_AndCancellingStopsTheCell()
    {
        using var cancel = new CancellationTokenSource();
        var running = Run("while (true) { }", cancel.Token);
        await Task.Delay(200);
        Assert.False(running.IsCompleted);
        var hints = _engine.Hints(1, "gates");
        Assert.Equal(3, hints.Total);
        Assert.NotEmpty(_engine.Catalog.Lessons);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var after = await Run("Console.Write(\"next\");");
        Assert.Equal("next", after.Output);
    }
}

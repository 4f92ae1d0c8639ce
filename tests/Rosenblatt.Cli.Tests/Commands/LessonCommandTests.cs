using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>rosenblatt lesson</c>: the terminal path through the lessons, with its exit codes and JSON documents.</summary>
/// <remarks>Every test passes its own <c>--progress</c> file, so the learner's real progress is never touched.</remarks>
public sealed class LessonCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Progress => _files.PathOf("progress.json");

    [Fact]
    public void List_Json_HasTheEightLessonsWithTheirExercises()
    {
        var run = CliRun.Of("lesson", "list", "--json", "--progress", Progress);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var lessons = json.RootElement.GetProperty("lessons");
        Assert.Equal(8, lessons.GetArrayLength());
        Assert.Equal("gates", lessons[0].GetProperty("exercises")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Show_PrintsTheProseAndTheCells()
    {
        var run = CliRun.Of("lesson", "show", "1", "--progress", Progress);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("# One neuron: multiply, add, compare", run.Out, StringComparison.Ordinal);
        Assert.Contains("```csharp  // EXERCISE 'gates': Weights and bias for OR, NAND and NOR", run.Out, StringComparison.Ordinal);
        Assert.Contains("rosenblatt lesson start 1 --exercise gates", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_OfALessonThatDoesNotExist_IsAUserErrorNamingTheRange()
    {
        var run = CliRun.Of("lesson", "show", "9", "--progress", Progress);
        Assert.Contains("there is no lesson 9. help: lessons are numbered 1 to 8", run.UserErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ThenCheckTheStarter_FailsWithExitCode1AndTheResultsDocument_ThenTheSolutionPasses()
    {
        var start = CliRun.Of("lesson", "start", "2", "--dir", _files.Folder, "--progress", Progress);
        Assert.Equal(ExitCodes.Success, start.ExitCode);
        string file = _files.PathOf("lesson-02-update.cs");
        Assert.True(File.Exists(file));

        var fail = CliRun.Of("lesson", "check", "2", "--file", file, "--json", "--progress", Progress);
        Assert.Equal(ExitCodes.UserError, fail.ExitCode);
        using (var json = JsonDocument.Parse(fail.Out))
        {
            Assert.Equal("fail", json.RootElement.GetProperty("status").GetString());
            var first = json.RootElement.GetProperty("tests")[0];
            Assert.Equal("fail", first.GetProperty("status").GetString());
            Assert.Contains("Your Update returns the weight unchanged", first.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
        }

        var hint = CliRun.Of("lesson", "hint", "2", "--progress", Progress);
        Assert.StartsWith("hint 1 of 2: ", hint.Out, StringComparison.Ordinal);

        var solution = CliRun.Of("lesson", "solution", "2", "--progress", Progress);
        Assert.Equal(ExitCodes.Success, solution.ExitCode);
        string solved = _files.Write("solved.cs", solution.Out);
        var pass = CliRun.Of("lesson", "check", "2", "--file", solved, "--progress", Progress);
        Assert.Equal(ExitCodes.Success, pass.ExitCode);
        Assert.Contains("PASS: all 7 checks passed", pass.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutTheExerciseFile_SaysHowToStart()
    {
        var run = CliRun.Of("lesson", "check", "1", "--file", _files.PathOf("missing.cs"), "--progress", Progress);
        Assert.Contains("rosenblatt lesson start 1", run.UserErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Watch_GradesAgainWhenTheFileIsSaved_UntilCancelled()
    {
        string file = _files.Write("watched.cs", "double Update(double weight, double lr, int error, double input) => weight;");
        using var cancel = new CancellationTokenSource();
        var watching = Task.Run(() => CliRun.WithCancellation(cancel.Token, "lesson", "check", "2", "--file", file, "--watch", "--progress", Progress));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var store = new Rosenblatt.Lessons.Progress.ProgressStore(Progress);
        int Attempts() => File.Exists(Progress) ? store.Load().Lesson(2).Exercises.GetValueOrDefault("update")?.Attempts ?? 0 : 0;
        while (Attempts() < 1 && DateTime.UtcNow < deadline) await Task.Delay(100);
        File.WriteAllText(file, "double Update(double weight, double lr, int error, double input) => weight + lr * error * input;");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        while (Attempts() < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        cancel.Cancel();
        var run = await watching;
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("FAIL: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: all 7 checks passed", run.Out, StringComparison.Ordinal);
    }
}

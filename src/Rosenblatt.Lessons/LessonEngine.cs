using Rosenblatt.Lessons.Catalog;
using Rosenblatt.Lessons.Explaining;
using Rosenblatt.Lessons.Grading;
using Rosenblatt.Lessons.Progress;
using Rosenblatt.Lessons.Protocol;
using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons;

/// <summary>The lessons' engine: lists and loads lessons, runs cells in a sandboxed worker, grades exercises, reveals hints and solutions, and saves progress.</summary>
/// <remarks>
/// One engine per application (the CLI makes one per command, the playground one per server), owning one warm
/// worker process. Every method is thread-safe; the asynchronous ones are cancellable and never run learner code
/// in this process. Cells of a lesson share state in page order: running a cell sends the chain of cells above it
/// (the learner's edited code where there is some), and the worker continues from what it has already run.
/// </remarks>
public sealed class LessonEngine : IAsyncDisposable, IDisposable
{
    private readonly CellRunner _runner;

    /// <summary>Creates an engine; by default the worker starts warming at once.</summary>
    /// <param name="options">Lessons, progress file, limits and worker; null for the defaults.</param>
    public LessonEngine(LessonEngineOptions? options = null)
    {
        options ??= new LessonEngineOptions();
        Catalog = options.Catalog ?? LessonCatalog.Embedded;
        Progress = new ProgressStore(options.ProgressPath ?? ProgressStore.DefaultPath);
        _runner = new CellRunner(options.Limits, options.WorkerPath, options.StartWorker);
    }

    /// <summary>The lessons.</summary>
    public LessonCatalog Catalog { get; }

    /// <summary>The learner's saved progress.</summary>
    public ProgressStore Progress { get; }

    /// <summary>The limits learner code runs under (stated on every lesson page).</summary>
    public RunnerLimits Limits => _runner.Limits;

    /// <summary>How many worker processes have been started (recycling and kills show here).</summary>
    public int WorkersStarted => _runner.WorkersStarted;

    /// <summary>Waits until the worker is warm.</summary>
    /// <param name="cancellation">Stops waiting.</param>
    public Task WarmAsync(CancellationToken cancellation = default) => _runner.WarmAsync(cancellation);

    /// <summary>The code a cell shows now: the learner's saved edit, else the lesson's own code (an exercise's starter).</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="cell">The cell name.</param>
    public string CodeFor(int lesson, string cell)
    {
        var l = Catalog.Get(lesson);
        var c = l.Cell(cell);
        var saved = Progress.Load().Lesson(lesson);
        string? edited = c.IsExercise ? saved.Exercises.GetValueOrDefault(cell)?.Code : saved.Cells.GetValueOrDefault(cell);
        return edited ?? c.Code;
    }

    /// <summary>Saves the learner's code for a cell (an exercise's code or an edited example), atomically.</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="cell">The cell name.</param>
    /// <param name="code">The code; saving a cell's original code forgets the edit.</param>
    public void SaveCode(int lesson, string cell, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = Catalog.Get(lesson).Cell(cell);
        Progress.Update(doc =>
        {
            var p = doc.Lesson(lesson);
            if (c.IsExercise)
            {
                var e = p.Exercise(cell);
                e.Code = code;
                e.Updated = DateTimeOffset.UtcNow;
            }
            else if (code == c.Code) p.Cells.Remove(cell);
            else p.Cells[cell] = code;
            return 0;
        });
    }

    /// <summary>Runs one cell (and, in the worker, the cells above it that it has not run yet).</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="cell">The cell to run.</param>
    /// <param name="edits">Code the learner has on screen, per cell name, overriding saved code; null to use what is saved.</param>
    /// <param name="cancellation">Cancels the run (the worker is killed and replaced).</param>
    public async Task<CellRunReport> RunCellAsync(int lesson, string cell, IReadOnlyDictionary<string, string>? edits = null, CancellationToken cancellation = default)
    {
        var l = Catalog.Get(lesson);
        var chain = Chain(l, l.Cell(cell).Name, edits, null);
        var outcome = await _runner.RunAsync(chain, null, CellLimits(l), cancellation).ConfigureAwait(false);
        var result = outcome.Result;
        var help = Explain(outcome, chain);
        return new CellRunReport(lesson, cell, help is null ? "ok" : "error", result?.Output ?? "", result?.OutputTruncated ?? false,
            help is null ? result?.ReturnValue : null, help, result?.CompileMilliseconds ?? 0, result?.RunMilliseconds ?? 0,
            outcome.Elapsed.TotalMilliseconds, result?.CellsReused ?? 0);
    }

    /// <summary>Grades the learner's code for an exercise against its hidden check, records the attempt and the code, and returns the results document.</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="exercise">The exercise name.</param>
    /// <param name="code">The learner's code for the exercise cell.</param>
    /// <param name="edits">Other cells' on-screen code, per name; null to use what is saved.</param>
    /// <param name="record">Whether to count the attempt and save the code (tests of reference solutions pass false).</param>
    /// <param name="cancellation">Cancels the grading run.</param>
    public async Task<GradeReport> CheckAsync(int lesson, string exercise, string code, IReadOnlyDictionary<string, string>? edits = null,
        bool record = true, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var l = Catalog.Get(lesson);
        var ex = l.Exercise(exercise);
        var chain = Chain(l, ex.Name, edits, code);
        var outcome = await _runner.RunAsync(chain, ex.Check, CellLimits(l), cancellation).ConfigureAwait(false);
        var result = outcome.Result;
        var help = Explain(outcome, chain);
        var checks = result?.Checks ?? [];
        var tests = checks.Where(c => !c.Passed).Concat(checks.Where(c => c.Passed))
            .Select(c => new CheckReport(c.Name, c.Passed ? "pass" : "fail", c.Message)).ToArray();
        string status = help is not null ? "error" : tests.Length > 0 && tests.All(t => t.Status == "pass") ? "pass" : "fail";
        string? message = status switch
        {
            "error" => help!.Title + ": " + help.Text,
            "fail" => tests.FirstOrDefault(t => t.Status == "fail")?.Message ?? "the check reported nothing. help: this is a bug in the lesson; please report it.",
            _ => null,
        };

        var progress = record
            ? Progress.Update(doc =>
            {
                var p = doc.Lesson(lesson);
                var e = p.Exercise(exercise);
                e.Attempts++;
                e.Passed |= status == "pass";
                e.Code = code;
                e.Updated = DateTimeOffset.UtcNow;
                p.Current = status == "pass" ? NextExercise(l, exercise) ?? exercise : exercise;
                return e;
            })
            : Progress.Load().Lesson(lesson).Exercises.GetValueOrDefault(exercise) ?? new ExerciseProgress();
        string? solution = status != "pass" && progress.Attempts >= ex.SolutionAfter ? ex.Solution : null;
        return new GradeReport(1, lesson, exercise, status, message, tests, result?.Output ?? "", result?.OutputTruncated ?? false, help,
            progress.Attempts, progress.HintsShown, ex.Hints.Count, solution, outcome.Elapsed.TotalMilliseconds);
    }

    /// <summary>Reveals the next hint (if any are left) and returns every hint revealed so far.</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="exercise">The exercise name.</param>
    public HintReport RevealHint(int lesson, string exercise)
    {
        var ex = Catalog.Get(lesson).Exercise(exercise);
        int shown = Progress.Update(doc =>
        {
            var e = doc.Lesson(lesson).Exercise(exercise);
            e.HintsShown = Math.Min(ex.Hints.Count, e.HintsShown + 1);
            return e.HintsShown;
        });
        return new HintReport(lesson, exercise, ex.Hints.Take(shown).ToArray(), ex.Hints.Count);
    }

    /// <summary>The hints revealed so far, without revealing another.</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="exercise">The exercise name.</param>
    public HintReport Hints(int lesson, string exercise)
    {
        var ex = Catalog.Get(lesson).Exercise(exercise);
        int shown = Progress.Load().Lesson(lesson).Exercises.GetValueOrDefault(exercise)?.HintsShown ?? 0;
        return new HintReport(lesson, exercise, ex.Hints.Take(shown).ToArray(), ex.Hints.Count);
    }

    /// <summary>Shows the reference solution on the learner's request, and records that it was shown.</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="exercise">The exercise name.</param>
    public SolutionReport ShowSolution(int lesson, string exercise)
    {
        var ex = Catalog.Get(lesson).Exercise(exercise);
        int attempts = Progress.Update(doc =>
        {
            var e = doc.Lesson(lesson).Exercise(exercise);
            e.SolutionShown = true;
            return e.Attempts;
        });
        return new SolutionReport(lesson, exercise, ex.Solution, attempts);
    }

    /// <summary>The exercise the learner should work on in a lesson: the saved current one, else the first not passed, else the last.</summary>
    /// <param name="lesson">The lesson number.</param>
    public Exercise CurrentExercise(int lesson)
    {
        var l = Catalog.Get(lesson);
        var p = Progress.Load().Lesson(lesson);
        if (p.Current is { } name && l.Exercises.FirstOrDefault(e => e.Name == name) is { } current) return current;
        return l.Exercises.FirstOrDefault(e => p.Exercises.GetValueOrDefault(e.Name)?.Passed != true) ?? l.Exercises[^1];
    }

    /// <summary>Records which exercise the learner is on (the terminal's <c>lesson start</c>).</summary>
    /// <param name="lesson">The lesson number.</param>
    /// <param name="exercise">The exercise name.</param>
    public void SetCurrentExercise(int lesson, string exercise)
    {
        Catalog.Get(lesson).Exercise(exercise);
        Progress.Update(doc => doc.Lesson(lesson).Current = exercise);
    }

    private static Dictionary<string, TimeSpan> CellLimits(Lesson lesson) =>
        lesson.Cells.Where(c => c.TimeLimit is not null).ToDictionary(c => c.Name, c => c.TimeLimit!.Value);

    private static string? NextExercise(Lesson lesson, string exercise)
    {
        int at = lesson.Exercises.ToList().FindIndex(e => e.Name == exercise);
        return at + 1 < lesson.Exercises.Count ? lesson.Exercises[at + 1].Name : null;
    }

    /// <summary>The chain of cells up to and including <paramref name="target"/>, each with the code the learner has for it.</summary>
    private WorkerCell[] Chain(Lesson lesson, string target, IReadOnlyDictionary<string, string>? edits, string? targetCode)
    {
        var saved = Progress.Load().Lesson(lesson.Number);
        var chain = new List<WorkerCell>();
        foreach (var cell in lesson.Cells)
        {
            string code = cell.Name == target && targetCode is not null ? targetCode
                : edits?.GetValueOrDefault(cell.Name)
                  ?? (cell.IsExercise ? saved.Exercises.GetValueOrDefault(cell.Name)?.Code : saved.Cells.GetValueOrDefault(cell.Name))
                  ?? cell.Code;
            chain.Add(new WorkerCell(cell.Name, code));
            if (cell.Name == target) break;
        }
        return chain.ToArray();
    }

    private Explanation? Explain(RunOutcome outcome, IReadOnlyList<WorkerCell> chain)
    {
        if (outcome.Status != RunStatus.Answered)
            return RuntimeErrorHelp.ExplainStop(outcome, Limits);
        var result = outcome.Result!;
        if (result.FailedCell is null) return null;
        string code = chain.FirstOrDefault(c => c.Name == result.FailedCell)?.Code ?? "";
        var explanation = result.Diagnostics.Count > 0
            ? CompilerErrorHelp.Explain(result.Diagnostics[0], result.FailedCell, code)
            : RuntimeErrorHelp.Explain(result.Exception!, result.FailedCell, code);
        bool earlier = result.FailedCell != chain[^1].Name && result.FailedCell != "check";
        return earlier
            ? explanation with { Text = $"The error is in the cell '{result.FailedCell}' above, which runs first: fix it (or reset it) and run again. " + explanation.Text }
            : explanation;
    }

    /// <inheritdoc/>
    public void Dispose() => _runner.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _runner.DisposeAsync();
}

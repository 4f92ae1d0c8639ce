using Markdig;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rosenblatt.Lessons;
using Rosenblatt.Lessons.Catalog;

namespace Rosenblatt.Playground.Lessons;

/// <summary>The Lessons tab's API: thin HTTP over <see cref="LessonEngine"/>, mapped under the guarded <c>/api</c> group.</summary>
/// <remarks>
/// <para>One engine per server, created on the first lessons request (its worker then warms while the learner reads).
/// Learner code runs in the engine's worker process, never in the server; a cell that runs away is killed there and
/// the request still answers. Requests are cancelled when the browser goes away.</para>
/// <para>Routes: <c>GET /api/lessons</c>, <c>GET /api/lessons/{n}</c>, <c>PUT /api/lessons/{n}/cells/{name}</c> (save code),
/// <c>POST .../cells/{name}/run</c>, <c>POST .../exercises/{name}/check</c>, <c>POST .../exercises/{name}/hint</c>,
/// <c>POST .../exercises/{name}/solution</c>. Bodies are <see cref="CodeRequest"/>; answers are the engine's documents.</para>
/// </remarks>
internal sealed class LessonEndpoints : IAsyncDisposable
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();
    private readonly Lazy<LessonEngine> _engine;

    /// <summary>Prepares the endpoints; the engine is made with <paramref name="options"/> on first use.</summary>
    public LessonEndpoints(LessonEngineOptions? options) =>
        _engine = new Lazy<LessonEngine>(() => new LessonEngine(options), LazyThreadSafetyMode.ExecutionAndPublication);

    private LessonEngine Engine => _engine.Value;

    /// <summary>Maps the routes on <paramref name="api"/> (the guarded <c>/api</c> group).</summary>
    public void Map(RouteGroupBuilder api)
    {
        var lessons = api.MapGroup("/lessons");
        lessons.MapGet("", () => Guard(() => Results.Json(List())));
        lessons.MapGet("/{number:int}", (int number) => Guard(() => Results.Json(Page(number))));
        lessons.MapPut("/{number:int}/cells/{name}", (int number, string name, CodeRequest body) => Guard(() =>
        {
            Engine.SaveCode(number, name, body.Code ?? "");
            return Results.Json(new { saved = true });
        }));
        lessons.MapPost("/{number:int}/cells/{name}/run", (int number, string name, CodeRequest body, HttpContext context) => GuardAsync(async () =>
        {
            if (body.Code is { } code) Engine.SaveCode(number, name, code);
            return Results.Json(await Engine.RunCellAsync(number, name, Edits(body, name), context.RequestAborted));
        }));
        lessons.MapPost("/{number:int}/exercises/{name}/check", (int number, string name, CodeRequest body, HttpContext context) => GuardAsync(async () =>
        {
            string code = body.Code ?? Engine.CodeFor(number, name);
            return Results.Json(await Engine.CheckAsync(number, name, code, Edits(body, name), cancellation: context.RequestAborted));
        }));
        lessons.MapPost("/{number:int}/exercises/{name}/hint", (int number, string name) => Guard(() => Results.Json(Engine.RevealHint(number, name))));
        lessons.MapPost("/{number:int}/exercises/{name}/solution", (int number, string name) => Guard(() => Results.Json(Engine.ShowSolution(number, name))));
    }

    private object List()
    {
        var progress = Engine.Progress.Load();
        return new
        {
            lessons = Engine.Catalog.Lessons.Select(l => new
            {
                l.Number, l.Slug, l.Title, l.Summary,
                exercises = l.Exercises.Count,
                passed = l.Exercises.Count(e => progress.Lesson(l.Number).Exercises.GetValueOrDefault(e.Name)?.Passed == true),
            }),
            cellSeconds = Engine.Limits.CellTime.TotalSeconds,
            memoryMegabytes = Engine.Limits.HeapBytes >> 20,
        };
    }

    private object Page(int number)
    {
        var lesson = Engine.Catalog.Get(number);
        var progress = Engine.Progress.Load().Lesson(number);
        return new
        {
            lesson.Number, lesson.Slug, lesson.Title, lesson.Summary,
            cellSeconds = Engine.Limits.CellTime.TotalSeconds,
            blocks = lesson.Blocks.Select(b => b.Cell is { } cell ? CellBlock(lesson, cell, progress) : new { kind = "prose", html = Markdig.Markdown.ToHtml(b.Markdown!, Markdown) } as object),
        };
    }

    private object CellBlock(Lesson lesson, LessonCell cell, Rosenblatt.Lessons.Progress.LessonProgress progress)
    {
        if (!cell.IsExercise)
            return new { kind = "cell", name = cell.Name, code = Engine.CodeFor(lesson.Number, cell.Name), original = cell.Code, seconds = cell.TimeLimit?.TotalSeconds };
        var exercise = lesson.Exercise(cell.Name);
        var state = progress.Exercises.GetValueOrDefault(cell.Name);
        return new
        {
            kind = "exercise", name = cell.Name, title = exercise.Title, code = Engine.CodeFor(lesson.Number, cell.Name), original = cell.Code,
            attempts = state?.Attempts ?? 0, passed = state?.Passed ?? false,
            hints = exercise.Hints.Take(state?.HintsShown ?? 0), hintsTotal = exercise.Hints.Count, solutionAfter = exercise.SolutionAfter,
        };
    }

    private static Dictionary<string, string>? Edits(CodeRequest body, string name)
    {
        var edits = body.Edits is null ? null : new Dictionary<string, string>(body.Edits, StringComparer.Ordinal);
        if (body.Code is { } code)
        {
            edits ??= new Dictionary<string, string>(StringComparer.Ordinal);
            edits[name] = code;
        }
        return edits;
    }

    /// <summary>Maps a bad request (no such lesson, cell or exercise) to 400 with the engine's message.</summary>
    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ArgumentException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (OperationCanceledException)
        {
            return Results.StatusCode(499);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_engine.IsValueCreated)
            await _engine.Value.DisposeAsync();
    }
}

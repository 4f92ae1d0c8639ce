using PuppeteerSharp;
using Rosenblatt.Lessons;
using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Playground.Tests;

/// <summary>The Lessons tab in Chromium: a lesson opens, a cell runs, an exercise fails then passes, hints and the solution appear, a compile error is explained, another lesson opens.</summary>
/// <remarks>Its own server (with a throw-away progress file, so the learner's real progress is never touched) on the shared browser.</remarks>
[Collection("browser")]
public sealed class LessonsTabTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosenblatt-lessons-tab-").FullName;
    private PlaygroundServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await PlaygroundServer.StartAsync(new PlaygroundOptions
        {
            Lessons = new LessonEngineOptions
            {
                ProgressPath = Path.Combine(_folder, "progress.json"),
                Limits = new RunnerLimits { CellTime = TimeSpan.FromSeconds(30), CompileTime = TimeSpan.FromSeconds(120), StartTime = TimeSpan.FromSeconds(120) },
            },
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private const string Cell = "(name) => document.querySelector(`section.cell[data-cell='${name}']`)";

    [Fact]
    public async Task LessonsTab_OpensALesson_RunsACell_FailsThenPassesAnExercise_WithHintsAndSolution()
    {
        var errors = new List<string>();
        var context = await browser.Browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = 120_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        page.PageError += (_, e) => errors.Add(e.Message);
        await page.GoToAsync($"{_server.Origin}?token={_server.Token}", WaitUntilNavigation.Load);

        await page.ClickAsync("#tab-lessons");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.lesson-link').length === 8 && document.querySelector(\"section.cell[data-cell='fire']\")");
        Assert.Contains("One neuron", await page.EvaluateExpressionAsync<string>("document.querySelector('.prose h1').textContent"), StringComparison.Ordinal);

        // Run a cell: the AND neuron's trace appears in its output.
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.run').click()", "and-traced");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('pre.output')?.textContent.includes('step(0.5) = 1')", "and-traced");

        // Check the starter code: it fails, with the feedback written for it, first failure first.
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.check').click()", "gates");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('.verdict.fail')", "gates");
        string firstFailure = await page.EvaluateFunctionAsync<string>($"name => ({Cell})(name).querySelector('ul.results li.fail .message').textContent", "gates");
        Assert.StartsWith("for input [0, 0] your OR neuron outputs 1: 0·0 + 0·0 + 0 = 0, which is ≥ 0.", firstFailure, StringComparison.Ordinal);

        // Hints come one at a time.
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.hint').click()", "gates");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelectorAll('ol.hints li').length === 1", "gates");
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.hint').click()", "gates");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelectorAll('ol.hints li').length === 2", "gates");
        Assert.StartsWith("Hint 2 of 3:", await page.EvaluateFunctionAsync<string>($"name => ({Cell})(name).querySelectorAll('ol.hints li')[1].textContent", "gates"), StringComparison.Ordinal);

        string? shot = Environment.GetEnvironmentVariable("ROSENBLATT_LESSONS_SCREENSHOT");
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).scrollIntoView()", "gates");
        await page.ScreenshotAsync(shot is { Length: > 0 } ? shot : Path.Combine(_folder, "lessons-tab.png"));

        // The solution on request, put in the editor, then checked: it passes.
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.solution').click()", "gates");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('pre.solution-code')?.textContent.includes('orBias = -0.5')", "gates");
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.use-solution').click()", "gates");
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.check').click()", "gates");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('.verdict.pass')", "gates");

        // A compile error is explained with the learner's line quoted.
        await page.EvaluateFunctionAsync($"name => {{ const t = ({Cell})(name).querySelector('textarea'); t.value = 'var n = new Neuron([1, 1], -1.5)\\nConsole.WriteLine(n);'; t.dispatchEvent(new Event('input')); ({Cell})(name).querySelector('button.run').click(); }}", "and-picture");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('.help.compile pre.quote')?.textContent.includes('var n = new Neuron([1, 1], -1.5)')", "and-picture");

        // Lesson 3: an XOR attempt is checked and drawn.
        await page.ClickAsync(".lesson-link[data-lesson='3']");
        await page.WaitForFunctionAsync($"name => ({Cell})(name)", "xor-try");
        await page.EvaluateFunctionAsync($"name => ({Cell})(name).querySelector('button.check').click()", "xor-try");
        await page.WaitForFunctionAsync($"name => ({Cell})(name).querySelector('pre.output')?.textContent.includes('2 of 4 rows right')", "xor-try");
        Assert.Contains("your neuron gets 2 of 4 rows right", await page.EvaluateFunctionAsync<string>($"name => ({Cell})(name).querySelector('ul.results li.fail .message').textContent", "xor-try"), StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("ROSENBLATT_LESSONS_SCREENSHOT_XOR") is { Length: > 0 } xorShot)
        {
            await page.EvaluateFunctionAsync($"name => ({Cell})(name).scrollIntoView()", "xor-try");
            await page.ScreenshotAsync(xorShot);
        }

        Assert.Empty(errors);
        await context.CloseAsync();
    }
}

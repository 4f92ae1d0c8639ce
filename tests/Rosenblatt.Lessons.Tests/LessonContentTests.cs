using Rosenblatt.Lessons.Catalog;

namespace Rosenblatt.Lessons.Tests;

/// <summary>The content itself: every lesson's reference solutions pass their checks, and every cell runs.</summary>
[Collection(EngineCollection.Name)]
public sealed class LessonContentTests(EngineFixture fixture)
{
    public static TheoryData<int, string> Exercises()
    {
        var data = new TheoryData<int, string>();
        foreach (var lesson in LessonCatalog.Embedded.Lessons)
            foreach (var exercise in lesson.Exercises)
                data.Add(lesson.Number, exercise.Name);
        return data;
    }

    public static TheoryData<int> LessonNumbers()
    {
        var data = new TheoryData<int>();
        foreach (var lesson in LessonCatalog.Embedded.Lessons) data.Add(lesson.Number);
        return data;
    }

    [Fact]
    public void Catalog_HasTheEightLessonsInTheSeedsOrder()
    {
        var lessons = LessonCatalog.Embedded.Lessons;
        Assert.Equal(Enumerable.Range(1, 8), lessons.Select(l => l.Number));
        Assert.All(lessons, l => Assert.NotEmpty(l.Exercises));
        Assert.All(lessons.SelectMany(l => l.Exercises), e => Assert.NotEmpty(e.Hints));
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public async Task ReferenceSolution_PassesEveryCheck(int lesson, string exercise)
    {
        var ex = fixture.Engine.Catalog.Get(lesson).Exercise(exercise);
        var edits = SolutionsOf(fixture.Engine.Catalog.Get(lesson));
        var report = await fixture.Engine.CheckAsync(lesson, exercise, ex.Solution, edits, record: false);
        Assert.True(report.Status == "pass", $"{lesson}/{exercise}: {report.Status}: {report.Message}\n{report.Help?.ToText()}\n{report.Output}");
        Assert.NotEmpty(report.Tests);
    }

    [Theory]
    [MemberData(nameof(LessonNumbers))]
    public async Task EveryCell_RunsWithTheReferenceSolutions(int lesson)
    {
        var l = fixture.Engine.Catalog.Get(lesson);
        var edits = SolutionsOf(l);
        foreach (var cell in l.Cells)
        {
            var report = await fixture.Engine.RunCellAsync(lesson, cell.Name, edits);
            Assert.True(report.Status == "ok", $"{lesson}/{cell.Name}: {report.Help?.ToText()}\n{report.Output}");
        }
    }

    [Theory]
    [MemberData(nameof(LessonNumbers))]
    public async Task EveryStarterCell_Compiles(int lesson)
    {
        var l = fixture.Engine.Catalog.Get(lesson);
        var starters = l.Cells.ToDictionary(c => c.Name, c => c.Code);
        foreach (var exercise in l.Exercises)
        {
            var report = await fixture.Engine.CheckAsync(lesson, exercise.Name, exercise.Cell.Code, starters, record: false);
            Assert.True(report.Status == "fail", $"{lesson}/{exercise.Name}: the starter code should compile and fail its checks, got {report.Status}: {report.Message}");
        }
    }

    internal static Dictionary<string, string> SolutionsOf(Lesson lesson) =>
        lesson.Cells.ToDictionary(c => c.Name, c => c.IsExercise ? lesson.Exercise(c.Name).Solution : c.Code);
}

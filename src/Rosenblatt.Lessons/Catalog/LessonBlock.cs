namespace Rosenblatt.Lessons.Catalog;

/// <summary>One piece of a lesson page, in reading order: prose or a cell.</summary>
/// <param name="Markdown">For prose: the Markdown text; null for a cell.</param>
/// <param name="Cell">For a cell: the cell; null for prose.</param>
public sealed record LessonBlock(string? Markdown, LessonCell? Cell)
{
    /// <summary>Whether this block is prose.</summary>
    public bool IsProse => Markdown is not null;
}

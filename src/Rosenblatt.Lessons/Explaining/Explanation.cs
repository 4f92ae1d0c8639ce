namespace Rosenblatt.Lessons.Explaining;

/// <summary>A plain-English explanation of an error in a learner's code, with the learner's own line quoted and the spot marked.</summary>
/// <param name="Kind"><c>compile</c>, <c>runtime</c>, <c>time-limit</c>, <c>memory-limit</c>, <c>crash</c> or <c>library</c>.</param>
/// <param name="Title">One line: what happened, e.g. <c>A name the compiler does not know (CS0103)</c>.</param>
/// <param name="Text">What it means and what to change, written for a beginner.</param>
/// <param name="Cell">The cell the error is in, when known.</param>
/// <param name="Line">The 1-based line in that cell, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Quote">The learner's line as written, when known.</param>
/// <param name="Marker">Spaces and carets that mark the column under <paramref name="Quote"/>.</param>
/// <param name="Original">The compiler's or runtime's own message, kept for those who want it.</param>
public sealed record Explanation(string Kind, string Title, string Text, string? Cell, int? Line, int? Column, string? Quote, string? Marker, string Original)
{
    /// <summary>Said under every explanation: who wrote it.</summary>
    public const string Note = "This help was written by the Rosenblatt authors for these lessons; no AI is involved.";

    /// <summary>The explanation as terminal text: title, quoted line with its marker, text, the original message and the note.</summary>
    public string ToText()
    {
        var lines = new List<string> { Title };
        if (Quote is not null && Line is not null)
        {
            string prefix = $"  {Cell} line {Line} | ";
            lines.Add(prefix + Quote);
            if (Marker is not null) lines.Add(new string(' ', prefix.Length) + Marker);
        }
        lines.Add(Text);
        if (Original.Length > 0 && !Text.Contains(Original, StringComparison.Ordinal)) lines.Add($"(the original message: {Original})");
        lines.Add(Note);
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The quoted line and marker for a position in <paramref name="code"/>, or nulls when the line does not exist.</summary>
    internal static (string? Quote, string? Marker) Mark(string code, int? line, int? column, int length = 1)
    {
        if (line is not { } l) return (null, null);
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (l < 1 || l > lines.Length) return (null, null);
        string text = lines[l - 1].TrimEnd();
        if (column is not { } c) return (text, null);
        int at = Math.Clamp(c - 1, 0, text.Length);
        string pad = new(text[..at].Select(ch => ch == '\t' ? '\t' : ' ').ToArray());
        return (text, pad + new string('^', Math.Clamp(length, 1, Math.Max(1, text.Length - at))));
    }
}

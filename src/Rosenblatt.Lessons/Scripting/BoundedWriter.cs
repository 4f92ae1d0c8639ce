using System.Text;

namespace Rosenblatt.Lessons.Scripting;

/// <summary>A text writer that keeps at most a given number of characters and remembers whether it dropped any.</summary>
/// <remarks>A cell that prints in an endless loop must not fill the worker's memory or the learner's page: past the
/// limit, writes are counted and dropped.</remarks>
internal sealed class BoundedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    /// <summary>The most characters kept.</summary>
    public int Limit { get; set; } = 20_000;

    /// <summary>Whether anything was dropped since the last <see cref="Take"/>.</summary>
    public bool Truncated { get; private set; }

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_text.Length < Limit) _text.Append(value);
            else Truncated = true;
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            int room = Limit - _text.Length;
            if (value.Length <= room) _text.Append(value);
            else
            {
                if (room > 0) _text.Append(value, 0, room);
                Truncated = true;
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>Returns what was kept and whether anything was dropped, and starts empty again.</summary>
    public (string Text, bool Truncated) Take()
    {
        lock (_gate)
        {
            var result = (_text.ToString(), Truncated);
            _text.Clear();
            Truncated = false;
            return result;
        }
    }
}

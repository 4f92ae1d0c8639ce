using Rosenblatt.Lessons.Protocol;
using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons.Explaining;

/// <summary>Plain-English help for what goes wrong while a learner's cell runs: exceptions, the time and memory limits, and a crashed worker.</summary>
/// <remarks>
/// The library's own errors already teach (they end with a <c>help:</c> line), so they are shown as they are. The
/// rest are the exceptions a first course meets, each explained in terms of the learner's code.
/// </remarks>
public static class RuntimeErrorHelp
{
    private static readonly Dictionary<string, (string Title, string Text)> Entries = new(StringComparer.Ordinal)
    {
        ["System.IndexOutOfRangeException"] = ("An index outside the array",
            "Your code asked for an element that does not exist. An array of length n has indices 0 to n − 1: xs[xs.Length] is one past the end. Check the loop's bound ('i < xs.Length', not 'i <= xs.Length') and that both arrays you index together have the same length."),
        ["System.ArgumentOutOfRangeException"] = ("An index or value out of range",
            "A position or value was outside what is allowed, e.g. list[i] with i ≥ list.Count, or a negative count. Check the numbers you pass."),
        ["System.NullReferenceException"] = ("Something is null",
            "Your code used a variable that holds nothing (null) as if it held an object, e.g. calling a method on it or indexing it. Make sure it is created ('= new double[2]', '= new Perceptron()') before it is used."),
        ["System.InvalidCastException"] = ("A cast that does not fit",
            "A value was cast to a type it is not. For numbers, use a conversion like (int)x or Convert.ToInt32(x) on the number itself, not on an object holding something else."),
        ["System.DivideByZeroException"] = ("Division by zero",
            "An integer was divided by 0. Check the divisor (e.g. a count that is 0 for an empty list). Note that doubles do not throw: 1.0 / 0 is Infinity, which shows up later as strange numbers."),
        ["System.FormatException"] = ("Text that is not a number",
            "Some text could not be read as a number. Check what is being parsed."),
        ["System.OverflowException"] = ("A number too big for its type",
            "A calculation went past the largest value its type can hold (an int stops at about 2.1 billion). Use long or double."),
        ["System.InvalidOperationException"] = ("An operation that cannot be done now",
            "An object was asked to do something it is not ready for, e.g. reading a model's weights before Fit, or taking the first element of an empty list."),
        ["System.ArgumentException"] = ("A wrong argument",
            "A method received a value it cannot use. Read the message below: it says which one."),
        ["System.ArgumentNullException"] = ("A missing argument (null)",
            "A method was given null where it needs a value. Create the object or array before passing it."),
        ["System.Collections.Generic.KeyNotFoundException"] = ("A key that is not in the dictionary",
            "A dictionary was asked for a key it does not have. Check the key, or use TryGetValue."),
        ["System.NotImplementedException"] = ("Code that is not written yet",
            "The cell calls something that still says 'not implemented': replace the throw with your code."),
    };

    /// <summary>Explains an exception thrown by <paramref name="cell"/> (whose code is <paramref name="code"/>).</summary>
    public static Explanation Explain(CellException exception, string cell, string code)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (quote, marker) = Explanation.Mark(code, exception.Line, null);
        if (exception.Message.Contains("help:", StringComparison.Ordinal))
            return new Explanation("library", "The Rosenblatt library refused a value", exception.Message, cell, exception.Line, null, quote, null, exception.Message);
        string title, text;
        if (Entries.TryGetValue(exception.Type, out var entry))
        {
            title = entry.Title;
            text = entry.Text;
        }
        else
        {
            title = $"Your code stopped with {ShortName(exception.Type)}";
            text = "The cell threw an exception: read the message below, then look at the marked line.";
        }
        if (exception.InCheck)
            text = "The hidden check could not use what your code produced (it threw while checking). " + text;
        text += $" ({ShortName(exception.Type)}: {exception.Message})";
        return new Explanation("runtime", title, text, cell, exception.Line, null, quote, marker is null && quote is not null ? null : marker, exception.Message);
    }

    /// <summary>Explains a run the worker could not finish: a limit hit, or the worker died.</summary>
    /// <param name="outcome">How the run ended.</param>
    /// <param name="limits">The limits, to state them.</param>
    public static Explanation ExplainStop(RunOutcome outcome, RunnerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(limits);
        string cell = outcome.Cell ?? "your cell";
        double seconds = (outcome.TimeLimit ?? limits.CellTime).TotalSeconds;
        return outcome.Status switch
        {
            RunStatus.TimeLimit when outcome.Cell is null => new Explanation("time-limit", $"Stopped: compiling took longer than {seconds:0.#} s",
                "The compiler did not finish in time. The machine may be very busy: run the cell again.", null, null, null, null, null, "compile time limit"),
            RunStatus.TimeLimit => new Explanation("time-limit", $"Stopped after {seconds:0.#} s: your code never finished",
                $"'{cell}' was still running when its {seconds:0.#}-second limit ran out, so the process running it was stopped. Most likely a loop never ends: look at each while loop's condition and check that something inside the loop changes it (e.g. 'while (mistakes > 0)' needs mistakes recomputed inside, and a training loop on XOR never reaches zero mistakes). A for loop whose counter goes the wrong way ('i--' instead of 'i++') never ends either.",
                cell, null, null, null, null, "time limit"),
            RunStatus.MemoryLimit => new Explanation("memory-limit", $"Stopped: your code used more than {limits.HeapBytes >> 20} MB of memory",
                $"'{cell}' kept asking for memory until it hit the {limits.HeapBytes >> 20} MB cap, so it was stopped. Usually a list grows inside a loop that never ends, or an array is far larger than meant (new double[n * n] with a big n). Look for 'Add' inside a loop and for large 'new' sizes.",
                cell, null, null, null, null, outcome.WorkerError ?? "memory limit"),
            RunStatus.WorkerDied when outcome.WorkerError?.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) == true
                || outcome.Result?.Exception?.Type == "System.InsufficientExecutionStackException" => new Explanation("crash", "The process running your code crashed: stack overflow",
                $"'{cell}' made the process run out of stack, which happens when a method calls itself without end. It is probably endless recursion: check that your recursive method has a case that returns without calling itself (a base case), and that each call gets closer to it.",
                cell, null, null, null, null, outcome.WorkerError ?? "stack overflow"),
            RunStatus.WorkerDied => new Explanation("crash", "The process running your code stopped unexpectedly",
                $"The worker process died while running '{cell}'. If your code calls itself (recursion), it is probably endless recursion; otherwise run the cell again (a fresh worker has been started).",
                cell, null, null, null, null, outcome.WorkerError ?? "worker exited"),
            _ => throw new ArgumentException("the run was answered; use Explain for its errors.", nameof(outcome)),
        };
    }

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}

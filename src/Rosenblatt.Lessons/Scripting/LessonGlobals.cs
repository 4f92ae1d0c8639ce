using System.Globalization;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Scripting;

/// <summary>What every cell and hidden check can call without a prefix: <c>Check</c> for graders, <c>N</c> and <c>Plot2D</c> for everyone.</summary>
/// <remarks>
/// Roslyn scripts see the public members of one "globals" object as if they were their own. A check reports each
/// verdict with <see cref="Check"/>; the worker collects them in order. Learner code can call it too, but only the
/// verdicts reported while the hidden check runs are kept (the list is cleared just before it starts).
/// </remarks>
public sealed class LessonGlobals
{
    private readonly List<CheckOutcome> _outcomes = [];

    /// <summary>The verdicts reported so far, in order.</summary>
    internal IReadOnlyList<CheckOutcome> Outcomes => _outcomes;

    /// <summary>Forgets every verdict reported so far (done just before a hidden check runs).</summary>
    internal void ClearOutcomes() => _outcomes.Clear();

    /// <summary>Reports one check: its name, whether it held, and the beginner-level message for a failure.</summary>
    /// <param name="name">What the check proves, e.g. <c>OR of [0, 1] is 1</c>.</param>
    /// <param name="passed">Whether it held.</param>
    /// <param name="failure">Shown when it did not hold: what went wrong and what to change, with the learner's numbers.</param>
    /// <param name="success">Optional detail shown when it held.</param>
    /// <returns><paramref name="passed"/>, so checks can stop early.</returns>
    public bool Check(string name, bool passed, string failure, string? success = null)
    {
        _outcomes.Add(new CheckOutcome(name, passed, passed ? success : failure));
        return passed;
    }

    /// <summary>A number written the way lessons print them: invariant culture, at most 4 decimals, no trailing zeros; negatives in parentheses when <paramref name="inSum"/>.</summary>
    /// <param name="x">The number.</param>
    /// <param name="inSum">Whether it appears as a term after a <c>+</c>, where a negative needs parentheses: <c>(−0.5)</c>.</param>
    public static string N(double x, bool inSum = false)
    {
        string text = Math.Round(x, 4).ToString("0.####", CultureInfo.InvariantCulture);
        if (text == "-0") text = "0";
        return inSum && x < 0 ? $"({text})" : text;
    }

    /// <summary>Writes a text plot of the unit square: the region a neuron with weights <paramref name="w"/> and bias <paramref name="b"/> calls 1 (<c>+</c>) and 0 (<c>·</c>), with the four corners marked by their targets.</summary>
    /// <param name="w">Two weights.</param>
    /// <param name="b">The bias.</param>
    /// <param name="targets">The targets of (0,0), (0,1), (1,0), (1,1) in that order, drawn as <c>0</c>/<c>1</c>; a wrong corner is drawn in brackets.</param>
    /// <remarks>A picture in plain text works the same in the terminal and in the browser, and needs no plotting package in the worker.</remarks>
    public static void Plot2D(double[] w, double b, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(targets);
        if (w.Length != 2 || targets.Length != 4)
            throw new ArgumentException("Plot2D needs two weights and four targets. help: pass the weights as [w1, w2] and the targets of (0,0), (0,1), (1,0), (1,1).");
        const int size = 11, height = 7;
        var text = new System.Text.StringBuilder();
        text.AppendLine("x2");
        for (int row = height - 1; row >= 0; row--)
        {
            text.Append(row == height - 1 ? " 1 " : row == 0 ? " 0 " : "   ");
            for (int col = 0; col < size; col++)
            {
                double x1 = col / (double)(size - 1), x2 = row / (double)(height - 1);
                bool one = w[0] * x1 + w[1] * x2 + b >= 0;
                int corner = (row, col) switch { (0, 0) => 0, (height - 1, 0) => 1, (0, size - 1) => 2, (height - 1, size - 1) => 3, _ => -1 };
                if (corner < 0)
                {
                    text.Append(one ? " + " : " · ");
                    continue;
                }
                int target = targets[corner];
                text.Append((one ? 1 : 0) == target ? $" {target} " : $"[{target}]");
            }
            text.AppendLine();
        }
        text.AppendLine("   " + "0".PadLeft(2) + new string(' ', 3 * size - 4) + "1  x1");
        text.AppendLine("   + : the neuron outputs 1   · : it outputs 0   [t] : a corner it gets wrong (t is the target)");
        Console.Write(text.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Scripting;

/// <summary>Runs a lesson's cells as a chain of Roslyn script submissions, keeping the state after each so a rerun continues from it.</summary>
/// <remarks>
/// This is the notebook: cell k sees every variable and method of cells 0..k-1. The state after each cell is cached
/// under a key made of the names and code of all cells up to it, so running cell 3 after cell 2 compiles only cell 3.
/// Editing an earlier cell changes its key, and everything from it on is run again. Lives in the worker process only.
/// </remarks>
internal sealed class ScriptChain
{
    private readonly List<(string Key, ScriptState<object> State)> _cache = [];
    private readonly LessonGlobals _globals = new();
    private readonly BoundedWriter _output;

    /// <summary>Creates a chain that captures cell output into <paramref name="output"/> (installed as <c>Console.Out</c> by the worker).</summary>
    public ScriptChain(BoundedWriter output) => _output = output;

    /// <summary>Runs a request: the cells not already cached, then the check if any.</summary>
    /// <param name="request">The cells and optional check.</param>
    /// <param name="running">Called with a cell's name just before it starts executing (after it compiled).</param>
    public WorkerResult Run(WorkerRequest request, Action<string> running)
    {
        _output.Limit = request.MaxOutputChars;
        var compile = new Stopwatch();
        var run = new Stopwatch();
        ScriptState<object>? state = null;
        string key = "";
        int reused = 0;
        var cells = request.Cells;
        for (int i = 0; i < cells.Count; i++)
        {
            key = Hash(key, cells[i]);
            bool last = i == cells.Count - 1;
            if (!last && i < _cache.Count && _cache[i].Key == key)
            {
                state = _cache[i].State;
                reused++;
                continue;
            }
            if (_cache.Count > i) _cache.RemoveRange(i, _cache.Count - i);
            _output.Take();
            var step = RunOne(state, cells[i].Name, cells[i].Code, running, compile, run, inCheck: false);
            if (step.Failure is not null)
                return step.Failure with { CompileMilliseconds = compile.Elapsed.TotalMilliseconds, RunMilliseconds = run.Elapsed.TotalMilliseconds, CellsReused = reused };
            state = step.State!;
            _cache.Add((key, state));
        }

        var (text, truncated) = _output.Take();
        string? value = state?.ReturnValue is { } v ? Format(v) : null;
        if (request.Check is null)
            return new WorkerResult(text, truncated, value, null, [], null, [], compile.Elapsed.TotalMilliseconds, run.Elapsed.TotalMilliseconds, reused);

        _globals.ClearOutcomes();
        var checkStep = RunOne(state, "check", request.Check, running, compile, run, inCheck: true);
        var checkOutput = _output.Take();
        var outcomes = _globals.Outcomes.ToArray();
        if (checkStep.Failure is not null)
            return checkStep.Failure with
            {
                Output = text, OutputTruncated = truncated, Checks = outcomes,
                CompileMilliseconds = compile.Elapsed.TotalMilliseconds, RunMilliseconds = run.Elapsed.TotalMilliseconds, CellsReused = reused,
            };
        string all = checkOutput.Text.Length == 0 ? text : text + checkOutput.Text;
        return new WorkerResult(all, truncated || checkOutput.Truncated, value, null, [], null, outcomes,
            compile.Elapsed.TotalMilliseconds, run.Elapsed.TotalMilliseconds, reused);
    }

    /// <summary>Compiles and runs a throw-away cell so Roslyn and the library are loaded and jitted before a learner waits.</summary>
    public void WarmUp()
    {
        var script = CSharpScript.Create("var warm = new Neuron([1.0, 1.0], -1.5); var sum = warm.WeightedSum([1.0, 1.0]); System.Console.Write(N(sum)); sum",
            ScriptSetup.For("warm-up"), typeof(LessonGlobals));
        script.Compile();
        var state = script.RunAsync(new LessonGlobals()).GetAwaiter().GetResult();
        var next = state.Script.ContinueWith("var again = sum + 1;", ScriptSetup.For("warm-up-2"));
        next.Compile();
        next.RunFromAsync(state).GetAwaiter().GetResult();
        _output.Take();
    }

    private (ScriptState<object>? State, WorkerResult? Failure) RunOne(
        ScriptState<object>? previous, string name, string code, Action<string> running, Stopwatch compile, Stopwatch run, bool inCheck)
    {
        compile.Start();
        var options = ScriptSetup.For(name);
        Script<object> script = previous is null
            ? CSharpScript.Create(code, options, typeof(LessonGlobals))
            : previous.Script.ContinueWith(code, options);
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToDiagnostic).ToArray();
        compile.Stop();
        if (errors.Length > 0)
            return (null, new WorkerResult(_output.Take().Text, false, null, name, errors, null, [], 0, 0, 0));

        running(name);
        run.Start();
        try
        {
            var task = previous is null ? script.RunAsync(_globals) : script.RunFromAsync(previous);
            var state = task.GetAwaiter().GetResult();
            return (state, null);
        }
        catch (Exception ex)
        {
            var inner = Unwrap(ex);
            var (text, truncated) = _output.Take();
            var (cell, line) = Locate(inner, name);
            var failure = new CellException(inner.GetType().FullName ?? inner.GetType().Name, inner.Message, line, inCheck && cell == name);
            return (null, new WorkerResult(text, truncated, null, cell, [], failure, [], 0, 0, 0));
        }
        finally
        {
            run.Stop();
        }
    }

    /// <summary>The cell and line the exception was thrown from: the innermost stack frame in a cell's code.</summary>
    private static (string Cell, int? Line) Locate(Exception ex, string fallback)
    {
        var frames = new StackTrace(ex, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            string? file = frame.GetFileName();
            if (file is not null && frame.GetFileLineNumber() > 0 && !Path.IsPathRooted(file))
                return (file, frame.GetFileLineNumber());
        }
        return (fallback, null);
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is TargetInvocationException or AggregateException && ex.InnerException is not null)
            ex = ex.InnerException!;
        return ex;
    }

    private static CompilerDiagnostic ToDiagnostic(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        int line = span.StartLinePosition.Line + 1, column = span.StartLinePosition.Character + 1;
        int length = span.EndLinePosition.Line == span.StartLinePosition.Line
            ? Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character)
            : 1;
        return new CompilerDiagnostic(d.Id, d.GetMessage(CultureInfo.InvariantCulture), line, column, length);
    }

    private static string Hash(string previous, WorkerCell cell)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\0" + cell.Name + "\0" + cell.Code));
        return Convert.ToHexString(bytes);
    }

    /// <summary>A cell's final value as text: numbers in invariant culture, sequences as <c>[a, b, c]</c>.</summary>
    internal static string Format(object value) => value switch
    {
        string s => s,
        double d => LessonGlobals.N(d),
        float f => LessonGlobals.N(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(50).Select(o => o is null ? "null" : Format(o))) + "]",
        _ => value.ToString() ?? "",
    };
}

using System.Diagnostics;
using System.Globalization;
using Rosenblatt.Lessons;

// A learner's first minutes in lesson 1, timed from the host's side (request sent → answer back), in fresh engines:
//   start   engine created → worker warm (Roslyn loaded and jitted on a throw-away cell)
//   first   the first cell run ('fire')
//   second  the second cell ('and-traced': compiles only itself; 'fire' comes from the worker's cache)
//   third   the third cell ('and-picture')
//   edit    the second cell again with an edit (one more compile)
//   check   grading the exercise (the chain up to it, the learner's code, the hidden check)
//   check2  grading it again with other code
int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string folder = Directory.CreateTempSubdirectory("rosenblatt-latency-").FullName;
var names = new[] { "start", "first", "second", "third", "edit", "check", "check2" };
var all = names.ToDictionary(n => n, _ => new List<double>());
for (int round = 1; round <= rounds; round++)
{
    var clock = Stopwatch.StartNew();
    await using var engine = new LessonEngine(new LessonEngineOptions { ProgressPath = Path.Combine(folder, $"p{round}.json") });
    await engine.WarmAsync();
    var times = new Dictionary<string, double> { ["start"] = clock.Elapsed.TotalMilliseconds };
    async Task Time(string name, Func<Task<string>> work)
    {
        var watch = Stopwatch.StartNew();
        string status = await work();
        times[name] = watch.Elapsed.TotalMilliseconds;
        if (status is not ("ok" or "pass" or "fail")) throw new InvalidOperationException($"{name}: {status}");
    }
    await Time("first", async () => (await engine.RunCellAsync(1, "fire")).Status);
    await Time("second", async () => (await engine.RunCellAsync(1, "and-traced")).Status);
    await Time("third", async () => (await engine.RunCellAsync(1, "and-picture")).Status);
    await Time("edit", async () => (await engine.RunCellAsync(1, "and-traced", new Dictionary<string, string> { ["and-traced"] = "var and = new Neuron([1, 1], -1.5);\nConsole.WriteLine(and.Trace([1.0, 1.0]));" })).Status);
    var exercise = engine.Catalog.Get(1).Exercise("gates");
    await Time("check", async () => (await engine.CheckAsync(1, "gates", exercise.Cell.Code, record: false)).Status);
    await Time("check2", async () => (await engine.CheckAsync(1, "gates", exercise.Solution, record: false)).Status);
    Console.WriteLine($"round {round}: " + string.Join("  ", names.Select(n => $"{n} {times[n]:0} ms")));
    foreach (var n in names) all[n].Add(times[n]);
}
Console.WriteLine();
Console.WriteLine($"medians of {rounds} rounds (ms): " + string.Join("  ", names.Select(n => $"{n} {Median(all[n]):0}")));
Console.WriteLine($"max (ms):                  " + string.Join("  ", names.Select(n => $"{n} {all[n].Max():0}")));
Directory.Delete(folder, recursive: true);

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

using System.Diagnostics;
using PuppeteerSharp;
using Rosenblatt.Playground;
using Rosenblatt.Playground.Data;
using Rosenblatt.Playground.Training;

// The playground's speed, measured as the issue asks: in a real browser (Debian's Chromium, headless), frames painted per
// second and epochs trained per second of wall time while training plays, for the largest network (6 hidden layers of 8) on
// 500 points and for a tiny one. Beside it, the same networks' epochs per second trained directly on the session with no
// page, no frames: the cost of streaming. Usage: dotnet run -c Release --project bench/Rosenblatt.PlaygroundBench [seconds]
// With --screenshots DIR it instead writes the README's and docs' pictures of the main views.
string? screenshots = args.Length == 2 && args[0] == "--screenshots" ? args[1] : null;
double seconds = screenshots is null && args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
string chromium = new[] { Environment.GetEnvironmentVariable("ROSENBLATT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
    .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
    ?? throw new InvalidOperationException("Install Debian's chromium (apt-get install chromium) or set ROSENBLATT_CHROMIUM.");

var cases = new (string Name, string Query, PlaygroundConfig Config)[]
{
    ("6x8 tanh, 500 points, batch 10", "points=500&layers=8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2",
        new PlaygroundConfig { Points = 500, Layers = Enumerable.Repeat(new LayerConfig(8, "tanh"), 6).ToArray(), Features = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"] }),
    ("2-2-1 tanh, 500 points, batch 10", "points=500&layers=2:tanh",
        new PlaygroundConfig { Points = 500, Layers = [new LayerConfig(2, "tanh")] }),
};

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"Chromium: {chromium}; {seconds:F0} s of play per case");
Console.WriteLine();

await using var server = await PlaygroundServer.StartAsync();
await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

if (screenshots is not null)
{
    Directory.CreateDirectory(screenshots);
    async Task Shoot(string file, string query, Func<IPage, Task> act)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1480, Height = 900 });
        await page.GoToAsync($"{server.Origin}?{query}&token={server.Token}");
        await page.WaitForFunctionAsync("() => window.playground && (window.playground.frame !== null || window.playground.perceptron !== null)");
        await act(page);
        await Task.Delay(500);
        await page.ScreenshotAsync(Path.Combine(screenshots, file));
        await page.CloseAsync();
        Console.WriteLine($"wrote {Path.Combine(screenshots, file)}");
    }
    async Task PlayUntil(IPage page, string condition)
    {
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync($"() => {condition}", new WaitForFunctionOptions { Timeout = 300_000 });
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync("() => !window.playground.frame || !window.playground.frame.running");
    }
    await Shoot("playground-spiral.png", "dataset=spiral&noise=0.1&features=x1,x2,x1sq,x2sq,sinx1,sinx2&layers=8:tanh,8:tanh,4:tanh&optimizer=adam&learningRate=0.01&showTest=1",
        page => PlayUntil(page, "window.playground.frame.testAccuracy > 0.97 || window.playground.frame.epoch > 1500"));
    await Shoot("playground-three-classes.png", "dataset=spiral3&layers=8:relu,8:relu,8:relu&optimizer=adam&learningRate=0.01",
        page => PlayUntil(page, "window.playground.frame.epoch > 600"));
    await Shoot("playground-perceptron-xor.png", "mode=perceptron&dataset=xor&points=60&perceptronEpochs=3&learningRate=0.1&epochsPerSecond=10000",
        async page =>
        {
            await page.ClickAsync("#play");
            await page.WaitForSelectorAsync("[data-testid=certificate]", new WaitForSelectorOptions { Timeout = 120_000 });
        });
    return;
}

Console.WriteLine("| network | frames painted/s (page) | epochs/s while painting | epochs/s, session alone (no page) |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, query, config) in cases)
{
    var page = await browser.NewPageAsync();
    await page.SetViewportAsync(new ViewPortOptions { Width = 1500, Height = 1000 });
    await page.GoToAsync($"{server.Origin}?{query}&token={server.Token}");
    await page.WaitForFunctionAsync("() => window.playground && window.playground.frame !== null");
    await page.ClickAsync("#play");
    await Task.Delay(1000); // past the first frames' JIT
    int frames0 = await page.EvaluateExpressionAsync<int>("window.playground.framesPainted");
    int epoch0 = await page.EvaluateExpressionAsync<int>("window.playground.frame.epoch");
    var clock = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    int frames1 = await page.EvaluateExpressionAsync<int>("window.playground.framesPainted");
    int epoch1 = await page.EvaluateExpressionAsync<int>("window.playground.frame.epoch");
    double elapsed = clock.Elapsed.TotalSeconds;
    await page.ClickAsync("#play");
    await page.CloseAsync();

    var limits = new PlaygroundLimits();
    var session = new NetworkSession(config, PlaygroundData.Generate(config, limits));
    for (int i = 0; i < 20; i++)
        session.TrainEpoch();
    var alone = Stopwatch.StartNew();
    int epochs = 0;
    while (alone.Elapsed.TotalSeconds < Math.Min(seconds, 5))
    {
        session.TrainEpoch();
        epochs++;
    }
    Console.WriteLine($"| {name} | {(frames1 - frames0) / elapsed:F1} | {(epoch1 - epoch0) / elapsed:F0} | {epochs / alone.Elapsed.TotalSeconds:F0} |");
}
Console.WriteLine();
Console.WriteLine($"Load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");

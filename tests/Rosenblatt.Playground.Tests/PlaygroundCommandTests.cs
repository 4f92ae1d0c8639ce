using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Rosenblatt.Cli;

namespace Rosenblatt.Playground.Tests;

public sealed class PlaygroundCommandTests
{
    [Fact]
    public async Task Playground_PrintsOneAddressLine_ServesThePage_AndStopsCleanlyOnCtrlC()
    {
        using var stop = new CancellationTokenSource();
        var stdout = new BlockingWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => CliApp.Run(["playground", "--no-browser", "--port", "0"], stdout, stderr, CliApp.PlainConsole(stdout), stop.Token));
        string line = await stdout.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Matches(@"^Playground: http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{48}$", line);

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        var page = await client.GetAsync(line["Playground: ".Length..]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Rosenblatt playground", await page.Content.ReadAsStringAsync());

        stop.Cancel();
        int code = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Playground stopped.", stderr.ToString());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(line["Playground: ".Length..]));
    }

    [Fact]
    public void Playground_OnAPortOutOfRange_IsAUserErrorNamingTheOption()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["playground", "--no-browser", "--port", "70000"], stdout, stderr);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("--port must be 0 to 65535", stderr.ToString());
    }

    [Fact]
    public async Task Playground_OnAPortInUse_SaysSoAndHowToPickAnother()
    {
        await using var other = await PlaygroundServer.StartAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["playground", "--no-browser", "--port", other.Port.ToString()], stdout, stderr);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains($"cannot listen on 127.0.0.1:{other.Port}", stderr.ToString());
        Assert.Contains("--port 0", stderr.ToString());
    }

    [Fact]
    public async Task Playground_AsARealProcess_StopsOnSigint()
    {
        if (!OperatingSystem.IsLinux())
            return; // SIGINT by kill(2) is how Linux's Ctrl+C arrives; Windows' console events are another mechanism.
        string cli = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [cli, "playground", "--no-browser"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("Playground: http://127.0.0.1:", line);
        Assert.Equal(0, Kill(process.Id, 2));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>A writer whose first complete line can be awaited.</summary>
    private sealed class BlockingWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> FirstLine => _first.Task;

        public override void Flush()
        {
            base.Flush();
            Check();
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Check();
        }

        private void Check()
        {
            string text = ToString();
            int end = text.IndexOf('\n');
            if (end >= 0)
                _first.TrySetResult(text[..end].TrimEnd('\r'));
        }
    }
}

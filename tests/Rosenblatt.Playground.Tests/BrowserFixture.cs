using PuppeteerSharp;

namespace Rosenblatt.Playground.Tests;

/// <summary>One headless Chromium (Debian's, never a download) and one playground server, shared by the browser tests.</summary>
/// <remarks>The browser is found at <c>$ROSENBLATT_CHROMIUM</c>, <c>/usr/bin/chromium</c> or <c>/usr/bin/chromium-browser</c>;
/// <c>.ci/run</c> installs Debian's <c>chromium</c>. Without one the tests fail and say how to install it: a browser test
/// that silently skips proves nothing. The flags are the ones this closed network needs (no background traffic).</remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IBrowser Browser { get; private set; } = null!;

    public PlaygroundServer Server { get; private set; } = null!;

    public static string ChromiumPath()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("ROSENBLATT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException("No Chromium found for the browser tests. Install Debian's: sudo apt-get install chromium (CI's .ci/run does), or set ROSENBLATT_CHROMIUM to a Chromium executable.");
    }

    public async Task InitializeAsync()
    {
        Server = await PlaygroundServer.StartAsync();
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
            Timeout = 120_000,
            ProtocolTimeout = 120_000,
        });
    }

    /// <summary>A new page (its own cookie jar through a new browser context), already past the token, with the page's
    /// console errors collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(List<string> errors, string query = "")
    {
        var context = await Browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = 60_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1500, Height = 1000 });
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
                errors.Add(e.Message.Text);
        };
        page.PageError += (_, e) => errors.Add(e.Message);
        string separator = query.Length > 0 ? "&" : "";
        await page.GoToAsync($"{Server.Origin}?{query}{separator}token={Server.Token}", WaitUntilNavigation.Load);
        await page.WaitForFunctionAsync("() => window.playground && window.playground.data !== null");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

using PuppeteerSharp;

namespace Rosenblatt.Playground.Tests;

[Collection("browser")]
public sealed class PageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Page_WithToken_LoadsAndPaintsTheFirstFrame()
    {
        var errors = new List<string>();
        var page = await browser.OpenAsync(errors);
        await page.WaitForFunctionAsync("() => window.playground.frame !== null");
        await page.ScreenshotAsync("/tmp/page-test.png");
        Assert.Empty(errors);
        Assert.Equal("000000", await page.EvaluateExpressionAsync<string>("document.getElementById('epoch').textContent"));
    }
}

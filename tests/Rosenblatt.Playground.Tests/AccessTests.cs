using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Rosenblatt.Playground.Tests;

public sealed class AccessTests : IAsyncLifetime
{
    private PlaygroundServer _server = null!;

    public async Task InitializeAsync() => _server = await PlaygroundServer.StartAsync(new PlaygroundOptions { Limits = new PlaygroundLimits { MaxConcurrentTrainings = 2, MaxRequestBodyBytes = 64 * 1024 } });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client(bool withCookie)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        var client = new HttpClient(handler) { BaseAddress = _server.Origin };
        if (withCookie)
            client.DefaultRequestHeaders.Add("Cookie", $"rosenblatt-playground-{_server.Port}={_server.Token}");
        return client;
    }

    [Fact]
    public void Server_ListensOnLoopbackOnly()
    {
        Assert.Equal("127.0.0.1", _server.Origin.Host);
        Assert.Contains($"?token={_server.Token}", _server.Address.ToString());
        Assert.True(_server.Token.Length >= 32);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/js/main.js")]
    [InlineData("/api/info")]
    public async Task WithoutToken_EveryPathIs403(string path)
    {
        using var client = Client(withCookie: false);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("?token=", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongToken_Is403()
    {
        using var client = Client(withCookie: false);
        var response = await client.GetAsync("/?token=" + new string('0', 48));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TokenInTheAddress_SetsAStrictHttpOnlyCookie_AndRedirectsWithoutTheToken()
    {
        using var client = Client(withCookie: false);
        var response = await client.GetAsync($"/?dataset=xor&token={_server.Token}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?dataset=xor", response.Headers.Location!.ToString());
        string cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains($"rosenblatt-playground-{_server.Port}={_server.Token}", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithTheCookie_ThePageAndItsModulesAreServed_WithALockedDownPolicy()
    {
        using var client = Client(withCookie: true);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var module = await client.GetAsync("/js/main.js");
        Assert.Equal("text/javascript", module.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/js/../../Rosenblatt.dll")).StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1:1")]
    public async Task AnotherHost_IsRefused_EvenWithTheToken(string host)
    {
        using var client = Client(withCookie: true);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Host = host.Replace("{port}", _server.Port.ToString());
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LocalhostHost_IsAccepted()
    {
        using var client = Client(withCookie: true);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Host = $"localhost:{_server.Port}";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData(null)]
    public async Task Post_FromAnotherOriginOrWithoutOne_IsRefused(string? origin)
    {
        using var client = Client(withCookie: true);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/csv") { Content = new StringContent("a,b,c\n1,2,x\n") };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    private HttpRequestMessage Upload(string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/csv?name=mine.csv") { Content = new StringContent(text, Encoding.UTF8, "text/csv") };
        request.Headers.Add("Origin", _server.Origin.ToString().TrimEnd('/'));
        return request;
    }

    [Fact]
    public async Task Upload_OfAGoodCsv_ReturnsItsColumns()
    {
        using var client = Client(withCookie: true);
        var response = await client.SendAsync(Upload("height,weight,kind\n1,2,a\n2,3,b\n3,1,a\n"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"columns\":[\"height\",\"weight\",\"kind\"]", body);
    }

    [Fact]
    public async Task Upload_OfAMalformedCsv_ReturnsTheLoadersErrorNamingTheLine()
    {
        using var client = Client(withCookie: true);
        var response = await client.SendAsync(Upload("height,weight,kind\n1,2,a\n2,oops,b\n"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", body);
        Assert.Contains("oops", body);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413WithAClearMessage()
    {
        using var client = Client(withCookie: true);
        var big = new StringBuilder("a,b,c\n");
        while (big.Length < 100_000)
            big.Append("1,2,x\n");
        var response = await client.SendAsync(Upload(big.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task LiveConnection_FromAnotherOrigin_IsRefused()
    {
        var e = await Assert.ThrowsAsync<WebSocketException>(() => LiveClient.ConnectAsync(_server, origin: "http://evil.example"));
        Assert.Contains("403", e.Message);
    }

    [Fact]
    public async Task LiveConnection_WithoutTheToken_IsRefused()
    {
        var e = await Assert.ThrowsAsync<WebSocketException>(() => LiveClient.ConnectAsync(_server, token: new string('a', 48)));
        Assert.Contains("403", e.Message);
    }

    [Fact]
    public async Task TrainingsBeyondTheLimit_GetAClearError()
    {
        await using var first = await LiveClient.ConnectAsync(_server);
        await using var second = await LiveClient.ConnectAsync(_server);
        await first.SendAsync(new { type = "configure", config = new Training.PlaygroundConfig() });
        await first.ReceiveAsync("frame");
        await second.SendAsync(new { type = "configure", config = new Training.PlaygroundConfig() });
        await second.ReceiveAsync("frame");
        await using var third = await LiveClient.ConnectAsync(_server);
        var error = await third.ReceiveAsync("error");
        Assert.Contains("already runs 2 trainings", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AHugeNetworkRequest_IsRefusedWithAnError_AndTheConnectionCarriesOn()
    {
        await using var client = await LiveClient.ConnectAsync(_server);
        await client.SendAsync(new { type = "configure", config = new { layers = Enumerable.Repeat(new { units = 4096, activation = "relu" }, 40) } });
        var error = await client.ReceiveAsync("error");
        Assert.Contains("Hidden layers: at most 6", error.GetProperty("message").GetString());
        await client.SendAsync(new { type = "configure", config = new Training.PlaygroundConfig() });
        await client.ReceiveAsync("frame");
    }

    [Fact]
    public async Task AMessageLargerThanTheLimit_ClosesTheConnection()
    {
        await using var client = await LiveClient.ConnectAsync(_server);
        await client.SendAsync(new { type = "import", text = new string('x', 100_000) });
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ReceiveAsync("frame"));
        Assert.Contains("MessageTooBig", e.Message);
    }

    [Fact]
    public async Task ADivergingRun_StopsAndSaysWhatToChange()
    {
        await using var client = await LiveClient.ConnectAsync(_server);
        await client.SendAsync(new
        {
            type = "configure",
            config = new Training.PlaygroundConfig { Dataset = "plane", Problem = "regression", Layers = [new(8, "identity"), new(8, "identity")], LearningRate = 10, Points = 200 },
        });
        await client.ReceiveAsync("frame");
        await client.SendAsync(new { type = "play" });
        var error = await client.ReceiveAsync("error");
        string message = error.GetProperty("message").GetString()!;
        Assert.Contains("Lower the learning rate", message);
        var frame = await client.ReceiveAsync("frame", f => !f.GetProperty("running").GetBoolean());
        Assert.True(double.IsFinite(frame.GetProperty("trainLoss").GetDouble()));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rosenblatt.Data;
using Rosenblatt.Playground.Data;
using Rosenblatt.Playground.Server;
using Rosenblatt.Playground.Training;

namespace Rosenblatt.Playground;

/// <summary>The playground's web server: the page, its API and its live training connection, on loopback, behind a token.</summary>
/// <remarks>
/// <para>Started by <c>rosenblatt playground</c>; tests start it the same way on port 0. It listens on 127.0.0.1 only and
/// every request passes <see cref="AccessGuard"/> (Host, Origin and the per-start token). Bodies, messages, data, networks
/// and concurrent trainings are bounded by <see cref="PlaygroundLimits"/>.</para>
/// <para>All training happens here, on the library's engine; the page only paints what the server sends.</para>
/// </remarks>
public sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _trainings;

    private PlaygroundServer(WebApplication app, string token, PlaygroundLimits limits)
    {
        _app = app;
        Token = token;
        Limits = limits;
    }

    /// <summary>The port it listens on (the one picked, when started on port 0).</summary>
    public int Port { get; private set; }

    /// <summary>This start's access token.</summary>
    public string Token { get; }

    /// <summary>The bounds in force.</summary>
    public PlaygroundLimits Limits { get; }

    /// <summary>The address to open: the page, with the token that lets the browser in.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/?token={Token}");

    /// <summary>The server's origin without the token (<c>http://127.0.0.1:PORT</c>).</summary>
    public Uri Origin => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts listening; returns once the port is bound.</summary>
    /// <param name="options">Port, token and limits; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentOutOfRangeException">Bad options.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<PlaygroundServer> StartAsync(PlaygroundOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlaygroundOptions();
        options.Validate();
        var limits = options.Limits;
        string token = options.Token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Limits.MaxConcurrentConnections = 64;
            kestrel.Limits.MaxConcurrentUpgradedConnections = limits.MaxConcurrentTrainings + 4;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var app = builder.Build();
        var server = new PlaygroundServer(app, token, limits);
        var guard = new AccessGuard(token, () => server.Port);
        var uploads = new UploadStore(limits);

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; connect-src 'self' ws://127.0.0.1:{server.Port} ws://localhost:{server.Port}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            await next();
        });
        app.Use((context, next) => guard.InvokeAsync(context, () => next(context)));
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });

        var api = app.MapGroup("/api");
        api.MapGet("/info", () => Results.Json(new
        {
            library = typeof(Rosenblatt.Networks.Network).Assembly.GetName().Version?.ToString(3),
            limits,
            datasets = PlaygroundSetup.Datasets,
            features = FeatureSet.AllIds,
            activations = PlaygroundSetup.HiddenActivations,
        }));
        api.MapPost("/csv", async (HttpContext context) =>
        {
            string fileName = Path.GetFileName(context.Request.Query["name"].ToString()) is { Length: > 0 and <= 200 } n ? n : "upload.csv";
            string text;
            try
            {
                using var reader = new StreamReader(context.Request.Body);
                text = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Results.Json(new { error = $"{fileName} is larger than {limits.MaxRequestBodyBytes / (1024 * 1024)} MB; the playground takes files up to that size. Upload a sample of the rows." },
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            try
            {
                var upload = uploads.Add(fileName, text);
                return Results.Json(new { id = upload.Id, fileName = upload.FileName, columns = upload.Columns, rows = upload.Rows });
            }
            catch (Exception e) when (e is CsvFormatException or ArgumentException)
            {
                return Results.Json(new { error = TrainingConnection.Message(e) }, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        api.Map("/train", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("This address is the playground's live connection (a WebSocket).");
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            if (Interlocked.Increment(ref server._trainings) > limits.MaxConcurrentTrainings)
            {
                Interlocked.Decrement(ref server._trainings);
                var refusal = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    type = "error",
                    message = $"The playground already runs {limits.MaxConcurrentTrainings} trainings (one per open tab); close another playground tab and reload this one.",
                });
                await socket.SendAsync(refusal, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
                await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "too many trainings", CancellationToken.None);
                return;
            }
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(server._stopping.Token, context.RequestAborted);
                await new TrainingConnection(socket, limits, uploads).RunAsync(linked.Token);
            }
            finally
            {
                Interlocked.Decrement(ref server._trainings);
            }
        });
        // "{**path}", not the default fallback pattern, which skips paths that look like files (/js/main.js).
        app.MapFallback("{**path}", async context =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && await EmbeddedAssets.TryServe(context, context.Request.Path.Value ?? "/"))
                return;
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Not found.");
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>Stops listening and ends every live connection.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        _stopping.Cancel();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

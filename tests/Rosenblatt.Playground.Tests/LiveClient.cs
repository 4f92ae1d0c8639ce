using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Rosenblatt.Playground.Tests;

/// <summary>A test's stand-in for the page: a WebSocket to /api/train with the token cookie and the server's own Origin.</summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private LiveClient()
    {
    }

    internal static async Task<LiveClient> ConnectAsync(PlaygroundServer server, string? origin = null, string? token = null)
    {
        var client = new LiveClient();
        client._socket.Options.Cookies = new CookieContainer();
        client._socket.Options.Cookies.Add(server.Origin, new Cookie($"rosenblatt-playground-{server.Port}", token ?? server.Token));
        client._socket.Options.SetRequestHeader("Origin", origin ?? server.Origin.ToString().TrimEnd('/'));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/api/train"), timeout.Token);
        return client;
    }

    internal Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads messages until one of <paramref name="type"/> satisfying <paramref name="accept"/> arrives, acking frames
    /// as the page does; fails after <paramref name="seconds"/> (generous: the machine may be loaded).</summary>
    internal async Task<JsonElement> ReceiveAsync(string type, Func<JsonElement, bool>? accept = null, double seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[4 * 1024 * 1024];
        while (true)
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException($"the server closed the connection: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            var message = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
            string got = message.GetProperty("type").GetString()!;
            if (got is "frame" or "perceptron")
                await SendAsync(new { type = "ack" });
            if (got == "error" && type != "error")
                throw new InvalidOperationException("server error: " + message.GetProperty("message").GetString());
            if (got == type && (accept is null || accept(message)))
                return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}

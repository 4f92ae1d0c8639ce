using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Rosenblatt.Playground.Server;

/// <summary>The lock on the playground: the Host and Origin checks and the per-start token, in front of every request.</summary>
/// <remarks>
/// <para>A server on loopback is still reachable from every page the user's browser opens. Three checks close that door:</para>
/// <list type="bullet">
/// <item><b>Host</b> must name this loopback address and port. A DNS-rebinding page (evil.example resolving to 127.0.0.1)
/// sends its own host name here, so it is refused before anything else.</item>
/// <item><b>Origin</b>, when the browser sends one (every cross-site fetch, form post and WebSocket), must be this server
/// itself. State-changing requests and WebSockets must carry it.</item>
/// <item><b>The token</b>: random per start and printed in the start-up line. The first visit carries it in the address
/// (<c>?token=…</c>); it is then kept in an HttpOnly, SameSite=Strict cookie named for the port and the address is
/// redirected without it, so links copied from the address bar do not leak it (Jupyter's model).</item>
/// </list>
/// <para>A refused request gets 403 and, for pages, a short page saying how to get in.</para>
/// </remarks>
internal sealed class AccessGuard(string token, Func<int> port)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    /// <summary>The cookie that carries the token after the first visit; named for the port, so two playgrounds on one machine do not clash.</summary>
    internal string CookieName => $"rosenblatt-playground-{port()}";

    /// <summary>Runs the checks; calls <paramref name="next"/> only for an allowed request.</summary>
    internal async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!IsAllowedHost(request.Host))
        {
            await Refuse(context, "Host not allowed", $"This server answers only to 127.0.0.1:{port()} or localhost:{port()}.");
            return;
        }
        var origin = request.Headers.Origin.ToString();
        bool needsOrigin = context.WebSockets.IsWebSocketRequest || !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (origin.Length > 0 ? !IsAllowedOrigin(origin) : needsOrigin)
        {
            await Refuse(context, "Cross-site request refused",
                "Only the playground's own page may send this request (its Origin header must be this server).");
            return;
        }
        string? fromQuery = request.Query["token"];
        if (fromQuery is not null && Matches(fromQuery))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            if (HttpMethods.IsGet(request.Method) && !context.WebSockets.IsWebSocketRequest && !request.Path.StartsWithSegments("/api"))
            {
                context.Response.Redirect(WithoutToken(request));
                return;
            }
            await next();
            return;
        }
        if (request.Cookies.TryGetValue(CookieName, out var fromCookie) && Matches(fromCookie))
        {
            await next();
            return;
        }
        await Refuse(context, "This playground is locked",
            "Open the address that 'rosenblatt playground' printed when it started: it ends in ?token=…. " +
            "Each start makes a new token; if you lost it, stop the playground with Ctrl+C and start it again.");
    }

    internal bool IsAllowedHost(HostString host) =>
        host.HasValue && host.Port == port() && host.Host is "127.0.0.1" or "localhost" or "[::1]";

    internal bool IsAllowedOrigin(string origin) =>
        origin == $"http://127.0.0.1:{port()}" || origin == $"http://localhost:{port()}" || origin == $"http://[::1]:{port()}";

    private bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    private static string WithoutToken(HttpRequest request)
    {
        var rest = request.Query.Where(q => q.Key != "token")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        string query = string.Join("&", rest);
        return request.PathBase + request.Path + (query.Length > 0 ? "?" + query : "");
    }

    private static async Task Refuse(HttpContext context, string title, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (context.Request.Path.StartsWithSegments("/api") || context.WebSockets.IsWebSocketRequest)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title}. {message}\n");
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}} · Rosenblatt playground</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#222}code{background:#eee;padding:0 .3em}</style></head>
            <body><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(message)}}</p>
            <p>Start it with <code>rosenblatt playground</code> and open the line it prints:
            <code>Playground: http://127.0.0.1:PORT/?token=TOKEN</code>.</p></body></html>
            """);
    }
}

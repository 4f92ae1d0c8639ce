using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Rosenblatt.Playground.Server;

/// <summary>Serves the page's files (HTML, ES modules, CSS) from the assembly's embedded <c>wwwroot/</c>.</summary>
/// <remarks>Embedding keeps the tool one self-contained set of assemblies: nothing to copy beside it, nothing a stray file on
/// disk can replace. Only names the build embedded can be served, so no path can climb out of <c>wwwroot</c>.</remarks>
internal static class EmbeddedAssets
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private static readonly HashSet<string> Names = Assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)).ToHashSet();

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json; charset=utf-8",
    };

    /// <summary>Writes the file for <paramref name="path"/> (<c>/</c> is <c>index.html</c>); false when there is none.</summary>
    internal static async Task<bool> TryServe(HttpContext context, string path)
    {
        string name = "wwwroot/" + (path is "" or "/" ? "index.html" : path.TrimStart('/'));
        if (!Names.Contains(name))
            return false;
        await using var stream = Assembly.GetManifestResourceStream(name)!;
        var response = context.Response;
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
        response.Headers.CacheControl = "no-cache";
        response.ContentLength = stream.Length;
        await stream.CopyToAsync(response.Body, context.RequestAborted);
        return true;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rosenblatt.Cli.Conventions;

/// <summary>The one JSON shape every command writes: camelCase, indented, readable characters left unescaped.</summary>
internal static class CliJson
{
    /// <summary>The shared serializer options.</summary>
    /// <remarks>
    /// The relaxed encoder keeps quotes and "·" readable in error messages instead of <c>\u0027</c>; the output
    /// goes to a terminal or a pipe, never into HTML, so the stricter default buys nothing here.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

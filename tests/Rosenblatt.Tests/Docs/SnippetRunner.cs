using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Rosenblatt.Tests.Docs;

/// <summary>Compiles a documentation snippet as a new console program would (top-level statements, implicit usings,
/// nullable on, the Rosenblatt package referenced) and runs it, returning what it printed.</summary>
public static class SnippetRunner
{
    /// <summary>The usings a new .NET console project turns on (ImplicitUsings).</summary>
    private const string ImplicitUsings =
        "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>The compiler's errors (empty when it compiles) and, when it compiled, what it printed.</summary>
    public static (IReadOnlyList<string> Errors, string? Output) Run(DocSnippet snippet)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse), CSharpSyntaxTree.ParseText(snippet.Code, parse, path: snippet.ToString())],
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Rosenblatt.Networks.Network).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Rosenblatt.Onnx.OnnxExporter).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        string[] errors = [.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
        if (!emitted.Success)
            return (errors, null);

        image.Position = 0;
        var context = new AssemblyLoadContext(snippet.ToString(), isCollectible: true);
        var previous = Console.Out;
        var printed = new StringWriter();
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint!;
            Console.SetOut(printed);
            object?[] args = entry.GetParameters().Length == 1 ? [Array.Empty<string>()] : [];
            try
            {
                var result = entry.Invoke(null, args);
                if (result is Task task) task.GetAwaiter().GetResult();
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
        finally
        {
            Console.SetOut(previous);
            context.Unload();
        }
        return ([], printed.ToString());
    }
}

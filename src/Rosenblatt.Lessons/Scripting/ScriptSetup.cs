using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Rosenblatt.Lessons.Scripting;

/// <summary>The compiler settings every cell gets: Rosenblatt referenced, its namespaces and the usual System ones imported.</summary>
/// <remarks>
/// References are the running .NET's own assemblies (the scripting API's default) plus Rosenblatt and this library,
/// so a cell sees exactly the library the lessons are about. Debug information is emitted so a runtime error
/// can name the learner's line.
/// </remarks>
internal static class ScriptSetup
{
    /// <summary>The namespaces imported into every cell.</summary>
    public static IReadOnlyList<string> Imports { get; } = BuildImports();

    /// <summary>The options for a cell called <paramref name="cellName"/> (the name becomes the file name seen in stack traces).</summary>
    public static ScriptOptions For(string cellName) => Base.WithFilePath(cellName);

    private static readonly ScriptOptions Base = ScriptOptions.Default
        .WithReferences(
            typeof(object).Assembly,
            typeof(Enumerable).Assembly,
            typeof(List<>).Assembly,
            typeof(Console).Assembly,
            typeof(System.Text.StringBuilder).Assembly,
            typeof(System.Collections.Immutable.ImmutableArray).Assembly,
            Assembly.Load("System.Runtime"),
            Assembly.Load("System.Collections"),
            Assembly.Load("System.Linq"),
            typeof(Neurons.Neuron).Assembly,
            typeof(LessonGlobals).Assembly)
        .WithImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(true)
        .WithFileEncoding(System.Text.Encoding.UTF8)
        .WithAllowUnsafe(false);

    private static string[] BuildImports()
    {
        var library = typeof(Neurons.Neuron).Assembly.GetExportedTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        return ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text", .. library];
    }
}

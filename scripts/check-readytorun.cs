// Tells which managed assemblies in a folder carry ReadyToRun (precompiled) code, and fails unless the named ones do.
// Why: an installed tool that quietly fell back to plain IL still runs, only slower to start, so nothing else would notice.
// How: a ReadyToRun image has a managed native header in its CLI header (an IL-only assembly's is empty).
//
// usage: dotnet run scripts/check-readytorun.cs -- <folder> [assembly.dll ...]
//   prints "ReadyToRun" or "IL only" per .dll in <folder>; exits 1 if a named assembly is missing or IL only.
using System.Reflection.PortableExecutable;

if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine($"error: no folder '{(args.Length > 0 ? args[0] : "")}'. help: dotnet run scripts/check-readytorun.cs -- <folder> [assembly.dll ...]");
    return 2;
}

var precompiled = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
foreach (string path in Directory.EnumerateFiles(args[0], "*.dll").Order(StringComparer.Ordinal))
{
    using var stream = File.OpenRead(path);
    using var pe = new PEReader(stream);
    if (pe.PEHeaders.CorHeader is not { } cor)
        continue; // a native library (SkiaSharp, HarfBuzz on Windows), not a .NET assembly
    bool r2r = cor.ManagedNativeHeaderDirectory.Size > 0;
    precompiled[Path.GetFileName(path)] = r2r;
    Console.WriteLine($"{(r2r ? "ReadyToRun" : "IL only"),-10}  {Path.GetFileName(path)}");
}

int failures = 0;
foreach (string required in args.Skip(1))
{
    if (!precompiled.TryGetValue(required, out bool r2r))
    {
        Console.Error.WriteLine($"error: {required} is not in {args[0]}.");
        failures++;
    }
    else if (!r2r)
    {
        Console.Error.WriteLine($"error: {required} in {args[0]} is IL only. help: pack the tool per platform (dotnet pack sets ToolPackageRuntimeIdentifiers and PublishReadyToRun in Rosenblatt.Cli.csproj).");
        failures++;
    }
}
Console.WriteLine($"{precompiled.Count(p => p.Value)} of {precompiled.Count} assemblies are ReadyToRun");
return failures == 0 ? 0 : 1;

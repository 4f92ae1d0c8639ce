namespace Rosenblatt.Tests.Data;

/// <summary>Finds the reference data in <c>../shared/data</c> next to the repository, walking up from the test binaries.</summary>
/// <remarks>CI always has it, so a missing folder is a failure with a clear message, never a silent skip.</remarks>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    internal static string Folder => Root.Value;

    internal static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "mnist")))
                return candidate;
        }
        throw new InvalidOperationException(
            $"the reference data folder shared/data was not found in any parent of {AppContext.BaseDirectory}. " +
            "It must sit beside the repository (../shared/data, with mnist/, fashion-mnist/ and uci/); these tests need it.");
    }
}

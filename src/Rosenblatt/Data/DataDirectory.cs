namespace Rosenblatt.Data;

/// <summary>Finds downloaded data files: an explicit folder, else <c>$ROSENBLATT_DATA</c>, else <c>./data</c>.</summary>
/// <remarks>
/// <para>MNIST-sized sets are too big to ship inside the library, so they live in a data folder with one
/// sub-folder per set (<c>mnist/</c>, <c>fashion-mnist/</c>). An explicit folder wins and is the only
/// place searched, because a typo there should be an error, not a silent fallback to other data. Without
/// one, the environment variable is tried, then <c>data/</c> under the current directory. Each folder is
/// tried with and without the set's sub-folder, and each file with and without <c>.gz</c>.</para>
/// <para>When nothing is found the <see cref="FileNotFoundException"/> lists every place looked and how to
/// fix it.</para>
/// </remarks>
/// <example>
/// <code>
/// string path = DataDirectory.FindFile("mnist", "train-labels-idx1-ubyte.gz");
/// </code>
/// </example>
public static class DataDirectory
{
    /// <summary>The environment variable naming the data folder: <c>ROSENBLATT_DATA</c>.</summary>
    public const string EnvironmentVariable = "ROSENBLATT_DATA";

    /// <summary>The folders searched for <paramref name="dataset"/>, in order, each with the reason it is searched.</summary>
    /// <param name="dataset">The set's sub-folder name, e.g. <c>mnist</c>.</param>
    /// <param name="directory">An explicit folder (the folder itself or its parent); null to use the defaults.</param>
    public static IReadOnlyList<(string Folder, string Origin)> SearchFolders(string dataset, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var folders = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(directory))
        {
            string full = Path.GetFullPath(directory);
            folders.Add((full, "the folder given"));
            folders.Add((Path.Combine(full, dataset), "the folder given"));
            return folders;
        }
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            string full = Path.GetFullPath(env);
            folders.Add((Path.Combine(full, dataset), EnvironmentVariable));
            folders.Add((full, EnvironmentVariable));
        }
        folders.Add((Path.Combine(Path.GetFullPath("data"), dataset), "./data"));
        return folders;
    }

    /// <summary>The folder a download of <paramref name="dataset"/> goes to: <c>&lt;root&gt;/&lt;dataset&gt;</c>, the root being the folder given, else <c>$ROSENBLATT_DATA</c>, else <c>./data</c>.</summary>
    /// <remarks>It is the first place <see cref="FindFile"/> looks for the same arguments, so a fetched set is found without further settings.</remarks>
    /// <param name="dataset">The set's sub-folder name, e.g. <c>mnist</c>.</param>
    /// <param name="directory">An explicit root folder; null to use <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    public static string DownloadFolder(string dataset, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string? root = !string.IsNullOrWhiteSpace(directory) ? directory : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root))
            root = "data";
        return Path.Combine(Path.GetFullPath(root), dataset);
    }

    /// <summary>The full path of <paramref name="fileName"/> for <paramref name="dataset"/>, searched as described above.</summary>
    /// <param name="dataset">The set's sub-folder name, e.g. <c>mnist</c>.</param>
    /// <param name="fileName">The file, e.g. <c>train-images-idx3-ubyte.gz</c>; the name with or without <c>.gz</c> is accepted.</param>
    /// <param name="directory">An explicit folder; null to use <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <exception cref="FileNotFoundException">The file is in none of the folders; the message lists them and the fix.</exception>
    public static string FindFile(string dataset, string fileName, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string other = fileName.EndsWith(".gz", StringComparison.Ordinal) ? fileName[..^3] : fileName + ".gz";
        var folders = SearchFolders(dataset, directory);
        foreach (var (folder, _) in folders)
        {
            foreach (string name in new[] { fileName, other })
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        string looked = string.Join("", folders.Select(f => $"\n  {f.Folder}  ({f.Origin})"));
        string help = directory is null
            ? $"set {EnvironmentVariable} to the folder that holds {dataset}/ (e.g. export {EnvironmentVariable}=$HOME/rosenblatt-data), or run `rosenblatt data fetch {dataset}` to download it into ./data."
            : $"check the folder, or leave it out to search ${EnvironmentVariable} and ./data; `rosenblatt data fetch {dataset}` downloads the files.";
        throw new FileNotFoundException($"{dataset} file '{fileName}' was not found. Looked in:{looked}\nhelp: {help}", fileName);
    }
}

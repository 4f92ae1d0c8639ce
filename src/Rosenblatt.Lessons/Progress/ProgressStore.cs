using System.Text.Json;

namespace Rosenblatt.Lessons.Progress;

/// <summary>The learner's progress file on their own machine, read and changed atomically.</summary>
/// <remarks>
/// Every change is read-modify-write under a lock file (so the terminal and the playground can both write), and the
/// new content is written to a temporary file in the same folder, flushed to disk, then renamed over the old one.
/// A rename replaces the file in one step, so a process killed at any moment leaves either the old or the new
/// progress, never half of one: a crash or a closed tab loses nothing that was saved.
/// </remarks>
public sealed class ProgressStore
{
    /// <summary>The environment variable that moves the progress file (tests and shared machines use it).</summary>
    public const string EnvironmentVariable = "ROSENBLATT_LESSONS_PROGRESS";

    private readonly object _gate = new();

    /// <summary>Uses the progress file at <paramref name="path"/> (created on the first save).</summary>
    public ProgressStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The progress file's full path.</summary>
    public string Path { get; }

    /// <summary>The default file: <c>$ROSENBLATT_LESSONS_PROGRESS</c>, else <c>rosenblatt/lessons-progress.json</c> in the user's local application data folder (<c>~/.local/share</c> on Linux).</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "rosenblatt", "lessons-progress.json");

    /// <summary>Reads the saved progress (empty when nothing is saved yet).</summary>
    /// <exception cref="InvalidDataException">The file is not a progress file.</exception>
    public ProgressDocument Load()
    {
        lock (_gate) return Read();
    }

    /// <summary>Applies <paramref name="change"/> to the saved progress and saves the result atomically; returns what <paramref name="change"/> returns.</summary>
    /// <param name="change">Changes the document in place.</param>
    public T Update<T>(Func<ProgressDocument, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var fileLock = AcquireFileLock();
            var document = Read();
            var result = change(document);
            Write(document);
            return result;
        }
    }

    private ProgressDocument Read()
    {
        if (!File.Exists(Path)) return new ProgressDocument();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path), ProgressJson.Default.ProgressDocument) ?? new ProgressDocument();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the lesson progress file '{Path}' is not valid ({ex.Message}). help: move it away to start over, or set {EnvironmentVariable} to another file.", ex);
        }
    }

    private void Write(ProgressDocument document)
    {
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        string temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, ProgressJson.Default.ProgressDocument);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Holds <c>progress.json.lock</c> exclusively, waiting up to 10 s for another process to let go.</summary>
    private FileStream AcquireFileLock()
    {
        string lockPath = Path + ".lock";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }
}

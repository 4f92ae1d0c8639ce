namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>Models trained once per test run with the documented settings, shared by the evaluate, predict, info and plot tests.</summary>
public static class TrainedModels
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "rosenblatt-cli-models", Guid.NewGuid().ToString("N"));

    private static readonly Lazy<string> IrisModel = new(() => Train("iris", "--layers", "16", "--lr", "0.01"));
    private static readonly Lazy<string> DigitsModel = new(() => Train("digits"));
    private static readonly Lazy<string> MoonsModel = new(() => Train("moons", "--epochs", "60", "--layers", "16", "--lr", "0.01"));

    static TrainedModels()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        };
    }

    /// <summary>iris, 4-16-3, documented settings (--layers 16 --lr 0.01).</summary>
    public static string Iris => IrisModel.Value;

    /// <summary>digits, 64-128-10, the train command's defaults.</summary>
    public static string Digits => DigitsModel.Value;

    /// <summary>moons (200 points), 2-16-1.</summary>
    public static string Moons => MoonsModel.Value;

    /// <summary>A file in the shared folder (not created).</summary>
    public static string File(string name) => Path.Combine(Folder, name);

    private static string Train(string data, params string[] extra)
    {
        string path = File($"{data}.json");
        var run = CliRun.Of(["train", "--data", data, "--out", path, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Err);
        return path;
    }
}

using Rosenblatt.Cli.Conventions;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>Outputs are checked before any work, and never overwrite a command's own inputs, however the path is spelled.</summary>
public class OutputSafetyTests
{
    private static string IrisCsv(TempFiles files, string name = "iris.csv") =>
        files.Iris(name, [.. Enumerable.Range(0, 30).Select(i => $"{5 + i % 3 * 0.5},{3 + i % 2 * 0.2},{1 + i % 3 * 2},{0.2 + i % 3},{(i % 3) switch { 0 => "setosa", 1 => "versicolor", _ => "virginica" }}")]);

    [Fact]
    public void Train_OutIsTheDataFile_IsRefusedBeforeTraining_AndTheDataIsUntouched()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        byte[] before = File.ReadAllBytes(csv);
        string sameViaDots = Path.Combine(files.Folder, ".", "..", Path.GetFileName(files.Folder), "iris.csv");
        var run = CliRun.Of("train", "--data", csv, "--out", sameViaDots);
        UserErrors.AssertOneLine(run, "--out", "is the same file as --data", "help:");
        Assert.Equal(before, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Train_OutIsASymlinkToTheDataFile_IsRefused()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        string link = files.PathOf("link.csv");
        File.CreateSymbolicLink(link, csv);
        byte[] before = File.ReadAllBytes(csv);
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv, "--out", link), "is the same file as --data");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", link, "--out", csv), "is the same file as --data");
        Assert.Equal(before, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Train_OutThroughASymlinkedFolder_IsRefused()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        string folderLink = files.PathOf("alias");
        Directory.CreateSymbolicLink(folderLink, files.Folder);
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv, "--out", Path.Combine(folderLink, "iris.csv")), "is the same file as --data");
    }

    [Fact]
    public void Predict_OutIsTheModelOrTheDataFile_IsRefused_AndBothAreUntouched()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliRun.Of("train", "--data", csv, "--epochs", "2", "--out", model).ExitCode);
        byte[] modelBytes = File.ReadAllBytes(model), csvBytes = File.ReadAllBytes(csv);
        string link = files.PathOf("model-link.json");
        File.CreateSymbolicLink(link, model);

        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", model, "--data", csv, "--out", model), "--out", "is the same file as --model");
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", link, "--data", csv, "--out", model), "is the same file as --model");
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", model, "--data", csv, "--out", csv), "is the same file as --data");

        Assert.Equal(modelBytes, File.ReadAllBytes(model));
        Assert.Equal(csvBytes, File.ReadAllBytes(csv));
    }

    [Fact]
    public void SameFile_SeesAHardLinkAsTheSameFile_AndACopyAsAnother()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        string copy = files.PathOf("copy.csv");
        File.Copy(csv, copy);
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(csv));
        Assert.False(FileIdentity.Same(csv, copy));
        string hard = files.PathOf("hard.csv");
        var ln = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ln", [csv, hard]) { UseShellExecute = false })!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
        Assert.True(FileIdentity.Same(csv, hard));
    }

    [Fact]
    public void Train_OutInAMissingFolder_IsRefusedBeforeTheDataIsRead()
    {
        using var files = new TempFiles();
        string missing = Path.Combine(files.Folder, "no-such-folder", "model.json");
        // mnist from an empty data folder would fail on reading: the --out error must come first.
        var run = CliRun.Of("train", "--data", "mnist", "--data-dir", files.Folder, "--out", missing);
        UserErrors.AssertOneLine(run, "--out", "does not exist", "mkdir -p");
    }

    [Fact]
    public void Train_OutIsAFolder_IsRefusedBeforeTraining()
    {
        using var files = new TempFiles();
        var run = CliRun.Of("train", "--data", "mnist", "--data-dir", files.Folder, "--out", files.Folder);
        UserErrors.AssertOneLine(run, "--out", "is a folder");
    }

    [Fact]
    public void Predict_OutInAMissingFolder_IsRefusedBeforeTheModelIsRead()
    {
        using var files = new TempFiles();
        var run = CliRun.Of("predict", "--model", files.PathOf("missing-model.json"), "--input", "1,2", "--out", Path.Combine(files.Folder, "nope", "p.csv"));
        UserErrors.AssertOneLine(run, "--out", "does not exist");
    }

    [Fact]
    public void Plot_OutDirIsAFile_IsRefusedBeforeTheModelIsRead()
    {
        using var files = new TempFiles();
        string file = files.Write("plots", "not a folder");
        var run = CliRun.Of("plot", "--model", files.PathOf("missing-model.json"), "--out-dir", file);
        UserErrors.AssertOneLine(run, "--out-dir", "is a file, not a folder");
    }

    [Fact]
    public void Predict_AfterAKilledWrite_RemovesItsHiddenTemporaryFile()
    {
        using var files = new TempFiles();
        string csv = IrisCsv(files);
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliRun.Of("train", "--data", csv, "--epochs", "2", "--out", model).ExitCode);
        string stale = files.PathOf($".predictions.csv.{Guid.NewGuid():N}.tmp.csv");
        File.WriteAllText(stale, "half a file");
        Assert.Equal(0, CliRun.Of("predict", "--model", model, "--data", csv, "--out", files.PathOf("predictions.csv")).ExitCode);
        Assert.False(File.Exists(stale));
        Assert.Empty(Directory.GetFiles(files.Folder, ".*"));
    }
}

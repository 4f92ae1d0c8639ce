namespace Rosenblatt.Cli.Tests.Commands;

public class DataCommandTests
{
    [Fact]
    public void DataList_NamesEveryKindOfData()
    {
        var run = CliRun.Of("data", "list");
        Assert.Equal(0, run.ExitCode);
        foreach (string name in new[] { "digits", "iris", "mnist, fashion-mnist", "xor", "xor-blobs", "moons", "file.csv" })
            Assert.Contains(name, run.Out);
    }

    [Fact]
    public void DataFetch_AnUnknownSet_IsAUsageError()
    {
        var run = CliRun.Of("data", "fetch", "cifar");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("cifar", run.Err);
    }
}

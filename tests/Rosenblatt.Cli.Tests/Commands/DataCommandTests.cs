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

    [Fact]
    public void DataFetch_ByteCount_SaysHowMuchOfTheFileHasArrived()
    {
        Assert.Equal("downloading train-images-idx3-ubyte.gz: 4.2 of 9.5 MB",
            Rosenblatt.Cli.Commands.DataCommand.Received(new Rosenblatt.Data.FetchProgress("train-images-idx3-ubyte.gz", 4_404_019, 9_912_422)));
    }
}

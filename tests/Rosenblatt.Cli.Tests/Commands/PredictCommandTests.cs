using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

public class PredictCommandTests
{
    [Fact]
    public void Predict_OneInput_NamesTheClassWithItsProbability()
    {
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--input", "5.1,3.5,1.4,0.2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("predicted: setosa (", run.Out);
        Assert.Contains("│ virginica  │", run.Out);
    }

    [Fact]
    public void Predict_OneInput_Json_HasProbabilitiesSummingToOne()
    {
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--input", "6.7,3.0,5.2,2.3", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("virginica", doc.RootElement.GetProperty("predicted").GetString());
        double sum = doc.RootElement.GetProperty("classes").EnumerateArray().Sum(c => c.GetProperty("value").GetDouble());
        Assert.Equal(1.0, sum, 6);
    }

    [Fact]
    public void Predict_ACsvFile_WritesFeaturesPredictionAndOneProbabilityColumnPerClass()
    {
        using var files = new TempFiles();
        string input = files.Iris("in.csv", "5.1,3.5,1.4,0.2,setosa", "6.7,3.0,5.2,2.3,virginica", "5.9,3.0,4.2,1.5,versicolor");
        string output = Path.Combine(files.Folder, "out.csv");
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", input, "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Wrote 3 predictions", run.Out);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(4, lines.Length);
        Assert.Equal("sepal_length,sepal_width,petal_length,petal_width,predicted,p_setosa,p_versicolor,p_virginica", lines[0]);
        Assert.StartsWith("5.1,3.5,1.4,0.2,setosa,", lines[1]);
        Assert.Contains(",virginica,", lines[2]);
    }

    [Fact]
    public void Predict_ACsvFile_WithoutOut_WritesTheCsvToStdout()
    {
        using var files = new TempFiles();
        string input = files.Write("in.csv", "5.1,3.5,1.4,0.2\n");
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", input);
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("predicted,p_setosa", lines[0]);
        Assert.Contains(",setosa,", lines[1]);
    }

    [Fact]
    public void Predict_ACsvWithTheWrongFeatureCount_IsAUserError()
    {
        using var files = new TempFiles();
        string input = files.Write("three.csv", "1,2,3\n4,5,6\n");
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", input), "three.csv");
    }

    [Fact]
    public void Predict_AnInputOfTheWrongLength_ListsTheFeatures()
    {
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", TrainedModels.Iris, "--input", "5.1,3.5"), "2 values", "4 features", "petal width (cm)");
    }

    [Fact]
    public void Predict_NeitherDataNorInput_IsAUserError()
    {
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", TrainedModels.Iris), "exactly one of --data or --input");
    }

    [Fact]
    public void Predict_ABadNumberInInput_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Of("predict", "--model", TrainedModels.Iris, "--input", "5.1,x,1,1").ExitCode);
    }

    [Fact]
    public void Predict_OutIntoAMissingFolder_IsAUserError()
    {
        using var files = new TempFiles();
        string input = files.Write("in.csv", "5.1,3.5,1.4,0.2\n");
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", input, "--out", Path.Combine(files.Folder, "nope", "o.csv")), "does not exist");
    }

    [Fact]
    public void Predict_ALargeCsvToStdout_SaysSoOnStderr_AndStdoutIsExactlyTheCsv()
    {
        using var files = new TempFiles();
        var random = new Random(7);
        string input = files.Write("many.csv", string.Concat(Enumerable.Range(0, 10_000).Select(_ =>
            $"{(random.NextDouble() * 3 - 1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)},{(random.NextDouble() * 2 - 0.5).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}\n")));
        string output = files.PathOf("out.csv");

        var toStdout = CliRun.Of("predict", "--model", TrainedModels.Moons, "--data", input);
        var toFile = CliRun.Of("predict", "--model", TrainedModels.Moons, "--data", input, "--out", output);

        Assert.Equal(0, toStdout.ExitCode);
        Assert.Equal("Predicting 10000 rows ...\n", toStdout.Err);
        Assert.Equal(File.ReadAllText(output).Replace("\r\n", "\n", StringComparison.Ordinal), toStdout.Out);
        Assert.StartsWith("Predicting 10000 rows ...\n", toFile.Out);
    }
}

using System.Globalization;
using System.Text.Json;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;

namespace Rosenblatt.Cli.Tests.Commands;

public class TrainCommandTests
{
    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Train_Iris_WithTheDocumentedSettings_ReachesAtLeast95PercentOnHeldOutRows()
    {
        var doc = Json(CliRun.Of("train", "--data", "iris", "--layers", "16", "--lr", "0.01", "--json"));
        Assert.Equal(30, doc.GetProperty("testRows").GetInt32());
        Assert.True(doc.GetProperty("testAccuracy").GetDouble() >= 0.95, doc.GetProperty("testAccuracy").ToString());
    }

    [Fact]
    public void Train_Digits_WithTheDefaults_ReachesAtLeast97Percent_AndEvaluateAgreesOnTheSameHeldOutRows()
    {
        var trained = Json(CliRun.Of("train", "--data", "digits", "--json"));
        double accuracy = trained.GetProperty("testAccuracy").GetDouble();
        Assert.True(accuracy >= 0.97, accuracy.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("network 64-128-10", trained.GetProperty("description").GetString());
        Assert.Equal(30, trained.GetProperty("history").GetArrayLength());

        var evaluated = Json(CliRun.Of("evaluate", "--model", TrainedModels.Digits, "--data", "digits", "--json"));
        Assert.Equal(360, evaluated.GetProperty("rows").GetInt32());
        Assert.Equal(accuracy, evaluated.GetProperty("accuracy").GetDouble());
        Assert.Contains("held out at training", evaluated.GetProperty("subset").GetString());
    }

    [Fact]
    public void Train_OnAGate_PrintsEpochLinesTheAccuracyTableAndTheNextCommand()
    {
        using var files = new TempFiles();
        string model = Path.Combine(files.Folder, "xor.json");
        var run = CliRun.Of("train", "--data", "xor", "--layers", "4", "--epochs", "200", "--batch", "4", "--lr", "0.05", "--out", model);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Training a network 2-4-1 on xor, no scaling", run.Out);
        Assert.Contains("4 training rows, 4 test rows: the same rows (a truth table has nothing to hold out)", run.Out);
        Assert.Contains("epoch   1/200  loss ", run.Out);
        Assert.Contains("epoch 200/200  loss ", run.Out);
        Assert.Contains("100.00% (4/4)", run.Out);
        Assert.Contains("next: rosenblatt evaluate --model ", run.Out);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void Train_Perceptron_OnAnd_LearnsEveryRow()
    {
        var doc = Json(CliRun.Of("train", "--data", "and", "--model", "perceptron", "--json"));
        Assert.Equal(1.0, doc.GetProperty("testAccuracy").GetDouble());
        Assert.Contains("Converged", doc.GetProperty("ending").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("history").ValueKind);
    }

    [Fact]
    public void Train_Logistic_OnBreastCancer_BeatsNinetyPercent()
    {
        var doc = Json(CliRun.Of("train", "--data", "breast-cancer", "--model", "logistic", "--lr", "0.01", "--epochs", "50", "--json"));
        Assert.Equal("logistic regression 30-1", doc.GetProperty("description").GetString());
        Assert.True(doc.GetProperty("testAccuracy").GetDouble() >= 0.9);
    }

    [Fact]
    public void Train_SyntheticCircle_UsesSamplesAndSeed()
    {
        var doc = Json(CliRun.Of("train", "--data", "circle", "--samples", "100", "--layers", "8", "--lr", "0.02", "--epochs", "40", "--json"));
        Assert.Equal(80, doc.GetProperty("trainRows").GetInt32());
        Assert.Equal(20, doc.GetProperty("testRows").GetInt32());
        Assert.True(doc.GetProperty("testAccuracy").GetDouble() >= 0.9);
    }

    [Fact]
    public void Train_ACsvFile_WithALabelColumnByName()
    {
        using var files = new TempFiles();
        var rows = Enumerable.Range(0, 40).Select(i => $"{i % 2},{(i % 2) * 3 + (i % 5) * 0.1},{(i % 2 == 1 ? "yes" : "no")},{i}");
        string csv = files.Write("points.csv", "a,b,answer,id\n" + string.Join("\n", rows) + "\n");
        var doc = Json(CliRun.Of("train", "--data", csv, "--label", "answer", "--layers", "4", "--lr", "0.05", "--epochs", "30", "--json"));
        Assert.Equal(8, doc.GetProperty("testRows").GetInt32());
        Assert.Equal(1.0, doc.GetProperty("testAccuracy").GetDouble());
    }

    [Fact]
    public void Train_CtrlCDuringTraining_StopsAfterTheFirstBatch_SaysWhatItKept_SavesANewFile_AndExits130()
    {
        using var files = new TempFiles();
        string model = Path.Combine(files.Folder, "stopped.json");
        var run = CliRun.WithCtrlCWhenPrinted("Training ", "train", "--data", "digits", "--epochs", "30", "--out", model);
        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Contains("epoch  1/30", run.Out);
        Assert.DoesNotContain("epoch  2/30", run.Out);
        Assert.Contains("Stopped by Ctrl+C during epoch 1 of 30, after the batch in progress; kept the weights of epoch 1", run.Out);
        Assert.Contains("Saved the interrupted run's model to", run.Out);
        Assert.True(File.Exists(model));
        Assert.Equal(0, CliRun.Of("info", "--model", model).ExitCode);
    }

    [Fact]
    public void Train_CtrlCDuringTraining_KeepsAnExistingModelByteForByte_AndSavesTheInterruptedOneBeside()
    {
        using var files = new TempFiles();
        string model = files.PathOf("good.json");
        Assert.Equal(0, CliRun.Of("train", "--data", "iris", "--epochs", "5", "--out", model).ExitCode);
        byte[] good = File.ReadAllBytes(model);

        var run = CliRun.WithCtrlCWhenPrinted("Training ", "train", "--data", "iris", "--epochs", "30", "--out", model);

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal(good, File.ReadAllBytes(model));
        string beside = files.PathOf("good.interrupted.json");
        Assert.True(File.Exists(beside));
        Assert.Contains("Kept ", run.Out);
        Assert.Contains("good.json as it was", run.Out);
        Assert.Contains("good.interrupted.json", run.Out);
        Assert.Contains("--save-interrupted", run.Out);
    }

    [Fact]
    public void Train_CtrlCAfterTheFirstEpoch_StillKeepsTheExistingModel_AndExits130()
    {
        using var files = new TempFiles();
        string model = files.PathOf("good.json");
        Assert.Equal(0, CliRun.Of("train", "--data", "iris", "--epochs", "5", "--out", model).ExitCode);
        byte[] good = File.ReadAllBytes(model);

        var run = CliRun.WithCtrlCWhenPrinted("epoch  1/30", "train", "--data", "iris", "--epochs", "30", "--out", model);

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        // The epoch line is printed as epoch 1 ends: the run stops there, before epoch 2 changes the weights further.
        Assert.Contains("Stopped by Ctrl+C during epoch 1 of 30", run.Out);
        Assert.DoesNotContain("epoch  2/30", run.Out);
        Assert.Equal(good, File.ReadAllBytes(model));
        Assert.True(File.Exists(files.PathOf("good.interrupted.json")));
    }

    [Fact]
    public void Train_CtrlCWithSaveInterrupted_ReplacesTheExistingModel_AndStillExits130()
    {
        using var files = new TempFiles();
        string model = files.PathOf("good.json");
        Assert.Equal(0, CliRun.Of("train", "--data", "iris", "--epochs", "5", "--out", model).ExitCode);
        byte[] good = File.ReadAllBytes(model);

        var run = CliRun.WithCtrlCWhenPrinted("Training ", "train", "--data", "iris", "--epochs", "30", "--out", model, "--save-interrupted");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.NotEqual(good, File.ReadAllBytes(model));
        Assert.False(File.Exists(files.PathOf("good.interrupted.json")));
        Assert.Contains("Saved the interrupted run's model to", run.Out);
    }

    [Fact]
    public void Train_CtrlCWhileTheDataLoads_TrainsNothing_SavesNothing_AndExits130()
    {
        using var files = new TempFiles();
        string model = files.PathOf("good.json");
        Assert.Equal(0, CliRun.Of("train", "--data", "iris", "--epochs", "5", "--out", model).ExitCode);
        byte[] good = File.ReadAllBytes(model);
        using var ctrlC = new CancellationTokenSource();
        ctrlC.Cancel();

        var run = CliRun.WithCancellation(ctrlC.Token, "train", "--data", "iris", "--epochs", "30", "--out", model);

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal(good, File.ReadAllBytes(model));
        Assert.Equal([model], Directory.GetFiles(files.Folder));
        Assert.DoesNotContain("epoch", run.Out);
        Assert.Contains("while the data was loading, before any training; nothing was saved", run.Err);
        Assert.Contains("is unchanged", run.Err);
    }

    [Fact]
    public void Train_WithPatienceAndValidation_StopsEarlyAndSaysSo()
    {
        var doc = Json(CliRun.Of("train", "--data", "iris", "--layers", "16", "--lr", "0.05", "--epochs", "300", "--validation", "0.2", "--patience", "3", "--json"));
        Assert.True(doc.GetProperty("stoppedEarly").GetBoolean());
        Assert.True(doc.GetProperty("epochs").GetInt32() < 300);
        Assert.Contains("Stopped early", doc.GetProperty("ending").GetString());
    }

    [Theory]
    [InlineData("Gate", "none")]
    [InlineData("Images", "minmax")]
    [InlineData("BuiltIn", "standard")]
    [InlineData("Csv", "standard")]
    [InlineData("Synthetic", "standard")]
    public void AutoScale_IsNoneForGates_MinmaxForImages_StandardOtherwise(string kind, string expected)
    {
        var settings = new TrainSettings("x", "network", [128], "relu", "adam", 0.001, 0, 30, 32, 42, 0.2, 0, null, "auto", null, new DataRequest());
        Assert.Equal(expected, settings.EffectiveScale(Enum.Parse<DataKind>(kind)));
        Assert.Equal("minmax", (settings with { Scale = "minmax" }).EffectiveScale(DataKind.Gate));
    }

    [Fact]
    public void Train_RaggedCsv_IsAUserErrorNamingTheLine()
    {
        using var files = new TempFiles();
        string csv = files.Write("ragged.csv", "a,b,label\n1,2,x\n3,4\n");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv), "line 3", "2 field(s)");
    }

    [Fact]
    public void Train_TextInANumericColumn_IsAUserErrorQuotingTheCell()
    {
        using var files = new TempFiles();
        string csv = files.Write("text.csv", "a,b,label\n1,2,x\n3,hello,y\n");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv), "line 3, column 2", "\"hello\"");
    }

    [Fact]
    public void Train_EmptyFile_IsAUserError()
    {
        using var files = new TempFiles();
        string csv = files.Write("empty.csv", "");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv), "empty");
    }

    [Fact]
    public void Train_MissingFile_IsAUserError()
    {
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "no/such/file.csv"), "no/such/file.csv");
    }

    [Fact]
    public void Train_ATruncatedIdxFile_IsAUserErrorNamingTheFile()
    {
        using var files = new TempFiles();
        // A valid header for 2 images of 28×28, then only 100 of the 1568 pixel bytes.
        byte[] header = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28];
        File.WriteAllBytes(Path.Combine(files.Folder, "train-images-idx3-ubyte"), [.. header, .. new byte[100]]);
        File.WriteAllBytes(Path.Combine(files.Folder, "train-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 2, 3, 7]);
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "mnist", "--data-dir", files.Folder), "train-images-idx3-ubyte");
    }

    [Fact]
    public void Train_MnistWithoutItsFiles_SaysHowToFetchThem()
    {
        using var files = new TempFiles();
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "mnist", "--data-dir", files.Folder), "train-images-idx3-ubyte");
    }

    [Fact]
    public void Train_UnknownDataName_ListsWhatIsAccepted()
    {
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "irs"), "'irs'", "digits", "xor-blobs");
    }

    [Fact]
    public void Train_BadLearningRate_IsAUserErrorNamingTheOption()
    {
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "iris", "--lr", "-1"), "--lr", "-1");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Train_BatchBelowOne_IsAUserErrorNamingTheOptionAndFullBatch(string batch)
    {
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "iris", "--batch", batch), "--batch must be at least 1", $"received {batch}", "full batch");
    }

    [Fact]
    public void Train_LayersWithTheLogisticModel_SaysTheyBelongToNetworks()
    {
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "iris", "--model", "logistic", "--layers", "8"), "--layers applies to --model network");
    }

    [Theory]
    [InlineData("--layers", "8,x")]
    [InlineData("--model", "forest")]
    [InlineData("--scale", "log")]
    public void Train_UnparsableOptions_AreUsageErrors(string option, string value)
    {
        var run = CliRun.Of("train", "--data", "iris", option, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Err);
    }

    [Fact]
    public void Train_WithoutData_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Of("train").ExitCode);
    }

    [Fact]
    public void Train_BadData_LeavesAnExistingModelFileUntouched()
    {
        using var files = new TempFiles();
        string model = files.Write("model.json", "the old model");
        string csv = files.Write("bad.csv", "a,b,label\n1,2,x\n3,oops,y\n");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv, "--out", model));
        Assert.Equal("the old model", File.ReadAllText(model));
    }

    [Fact]
    public void Train_OutIntoAMissingFolder_IsAUserErrorAndWritesNothing()
    {
        using var files = new TempFiles();
        string model = Path.Combine(files.Folder, "missing", "model.json");
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "and", "--epochs", "2", "--out", model));
        Assert.False(Directory.Exists(Path.GetDirectoryName(model)));
    }

    [Fact]
    public void Train_Plain_WhenBatchesTakeASecond_PrintsWhereTheEpochIs()
    {
        // A clock that moves a second at each reading: every batch is a second after the last line.
        var run = CliRun.WithClock(new Progress.ManualClock { StepPerRead = TimeSpan.FromSeconds(1) }, "train", "--data", "iris", "--epochs", "1");
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("epoch 1/1   25%  (batch 1/4)  ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("epoch 1/1  100%  (batch 4/4)  ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("epoch 1/1  loss ", StringComparison.Ordinal));
    }
}

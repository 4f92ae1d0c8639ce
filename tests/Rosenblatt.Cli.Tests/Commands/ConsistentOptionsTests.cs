namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>The CLI battery for options and data forms: every command takes the same --data forms and CSV flags,
/// refuses options that do not apply instead of ignoring them, and names its own flags in errors.</summary>
public class ConsistentOptionsTests
{
    private const string OneClass = "a,b,y\n1,2,x\n3,4,x\n5,6,x\n";

    [Theory]
    [InlineData("perceptron", "--optimizer", "sgd")]
    [InlineData("perceptron", "--activation", "tanh")]
    [InlineData("perceptron", "--batch", "8")]
    [InlineData("perceptron", "--validation", "0.1")]
    [InlineData("logistic", "--activation", "tanh")]
    [InlineData("logistic", "--validation", "0.1")]
    public void Train_AnOptionTheModelDoesNotUse_IsRefusedNamingIt(string model, string option, string value)
    {
        string line = UserErrors.AssertOneLine(CliRun.Of("train", "--data", "iris", "--model", model, option, value), option, $"--model {model}");
        Assert.Contains($"drop {option}", line);
    }

    [Theory]
    [InlineData("--samples", "50")]
    [InlineData("--noise", "0.1")]
    [InlineData("--label", "species")]
    [InlineData("--header", "true")]
    [InlineData("--delimiter", ";")]
    public void Train_ADataOptionForAnotherKindOfData_IsRefused(string option, string value) =>
        UserErrors.AssertOneLine(CliRun.Of("train", "--data", "iris", "--epochs", "1", option, value), option, "--data 'iris'");

    [Theory]
    [InlineData("perceptron", "and")]
    [InlineData("separable", "xor")]
    [InlineData("mlp", "xor")]
    public void GateAndData_Together_AreRefused(string command, string gate) =>
        UserErrors.AssertOneLine(CliRun.Of(command, "--gate", gate, "--data", "iris"), $"--gate ({gate})", "--data (iris)", "use one of them");

    [Theory]
    [InlineData("perceptron", "--epochs", "2")]
    [InlineData("separable")]
    [InlineData("mlp", "--epochs", "20", "--layers", "4,8,3")]
    public void Data_TakesABuiltInName_OnEveryCommand(string command, params string[] extra)
    {
        var run = CliRun.Of([command, "--data", "iris", .. extra]);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("iris", run.Out);
    }

    [Fact]
    public void Predict_TakesABuiltInName_AndPredictsEveryRow()
    {
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", "iris");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(151, run.Out.TrimEnd('\n').Split('\n').Length);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("perceptron")]
    [InlineData("separable")]
    [InlineData("mlp")]
    public void OneClassOnly_IsRefusedAlike_OnEveryCommand(string command)
    {
        using var files = new TempFiles();
        string csv = files.Write("one.csv", OneClass);
        UserErrors.AssertOneLine(CliRun.Of(command, "--data", csv), "only one class ('x')", "at least two classes");
    }

    [Theory]
    [InlineData("train", "--data", "iris")]
    [InlineData("mlp", "--gate", "xor")]
    public void LearningRate_ThatUnderflowsFloat32_IsRefusedNamingLr(params string[] args)
    {
        string line = UserErrors.AssertOneLine(CliRun.Of([.. args, "--lr", "1e-300"]), "--lr", "float32");
        Assert.DoesNotContain("LearningRate", line);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("perceptron")]
    [InlineData("separable")]
    public void Delimiter_ReadsASemicolonFile(string command)
    {
        using var files = new TempFiles();
        string csv = files.Write("semi.csv", "a;b;y\n0;0;n\n0;1;n\n1;0;n\n1;1;p\n2;2;p\n3;3;p\n0;0.5;n\n3;2;p\n0.2;0.1;n\n2.5;3;p\n");
        var wrong = CliRun.Of(command, "--data", csv);
        string line = UserErrors.AssertOneLine(wrong, "--delimiter");
        Assert.DoesNotContain("options.Delimiter", line);
        var right = CliRun.Of(command, "--data", csv, "--delimiter", ";");
        Assert.True(right.ExitCode == 0, right.Err);
    }

    [Fact]
    public void Header_IsNamedByItsFlag_WhenALineOfNumbersIsAHeader()
    {
        using var files = new TempFiles();
        string csv = files.Write("years.csv", "2019,height,label\n1,2,a\n3,4,b\n");
        string line = UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv), "--header true");
        Assert.DoesNotContain("HasHeader", line);
    }

    [Fact]
    public void Header_False_ReadsTheFirstLineAsData()
    {
        using var files = new TempFiles();
        string csv = files.Write("plain.csv", "0,0,n\n0,1,n\n1,0,n\n1,1,p\n2,2,p\n3,3,p\n0,0.5,n\n3,2,p\n");
        var run = CliRun.Of("separable", "--data", csv, "--header", "false", "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("\"rows\": 8", run.Out);
    }

    [Fact]
    public void LabelByName_WithHeaderFalse_NamesTheFlags()
    {
        using var files = new TempFiles();
        string csv = files.Write("plain.csv", "0,0,n\n1,1,p\n");
        string line = UserErrors.AssertOneLine(CliRun.Of("perceptron", "--data", csv, "--header", "false", "--label", "y"), "--label", "--header");
        Assert.DoesNotContain("LabelColumn", line);
    }
}

/// <summary>Errors reached from the CLI name its flags and kinds of value, never library properties or .NET type names.</summary>
public class CliWordsTests
{
    [Theory]
    [InlineData("--lr", "0", "perceptron")]
    [InlineData("--lr", "-1", "perceptron", "--data", "iris")]
    [InlineData("--lr", "1e-300", "perceptron")]
    [InlineData("--epochs", "0", "perceptron")]
    [InlineData("--lr", "0", "backprop")]
    [InlineData("--lr", "20", "train", "--data", "iris", "--model", "logistic")]
    [InlineData("--epochs", "0", "train", "--data", "iris")]
    [InlineData("--epochs", "0", "mlp")]
    public void ABadValue_IsReportedUnderItsFlag(string flag, string value, params string[] command)
    {
        string line = UserErrors.AssertOneLine(CliRun.Of([.. command, flag, value]), flag);
        foreach (string property in new[] { "LearningRate", "MaxEpochs", "Epochs must", "HasHeader", "Delimiter", "options." })
            Assert.DoesNotContain(property, line);
    }

    [Theory]
    [InlineData("neuron", "--bias", "abc", "as a number")]
    [InlineData("train", "--epochs", "x", "as a whole number")]
    [InlineData("train", "--lr", "fast", "as a number")]
    [InlineData("train", "--patience", "x", "as a whole number")]
    public void AValueOfTheWrongKind_IsNamedInWords_NotAsADotNetType(string command, string flag, string value, string words)
    {
        var run = command == "train" ? CliRun.Of(command, "--data", "iris", flag, value) : CliRun.Of(command, flag, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(words, run.Err);
        Assert.DoesNotContain("System.", run.Err);
    }
}

/// <summary>train on a measured (continuous) label refuses with the regression command to use, instead of building hundreds of classes.</summary>
public class ContinuousLabelTests
{
    private static string Csv(TempFiles files, Func<int, string> label, int rows = 200)
    {
        var text = new System.Text.StringBuilder("a,b,price\n");
        for (int i = 0; i < rows; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i % 13},{i % 7},{label(i)}\n");
        return files.Write("houses.csv", text.ToString());
    }

    [Fact]
    public void Train_OnAContinuousLabel_RefusesAndTheSuggestedRegressionRuns()
    {
        using var files = new TempFiles();
        string csv = Csv(files, i => (100 + i * 1.37).ToString(System.Globalization.CultureInfo.InvariantCulture));
        string line = UserErrors.AssertOneLine(CliRun.Of("train", "--data", csv), "continuous label", "200 distinct numbers over 200 rows", "--output-activation identity");
        var regression = CliRun.Of("mlp", "--data", csv, "--output-activation", "identity", "--epochs", "5");
        Assert.True(regression.ExitCode == 0, regression.Err);
        Assert.Contains("regression", regression.Out);
    }

    [Fact]
    public void Train_OnNumericClassCodes_StillClassifies()
    {
        using var files = new TempFiles();
        string csv = Csv(files, i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var run = CliRun.Of("train", "--data", csv, "--epochs", "2");
        Assert.True(run.ExitCode == 0, run.Err);
    }
}

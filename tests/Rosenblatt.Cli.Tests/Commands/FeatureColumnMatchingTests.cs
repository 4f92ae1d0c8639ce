using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>evaluate, predict and plot match a CSV's feature columns to the model's feature names by name.</summary>
public class FeatureColumnMatchingTests
{
    private static readonly string[] Rows =
    [
        "5.1,3.5,1.4,0.2,setosa", "4.9,3.0,1.4,0.2,setosa", "7.0,3.2,4.7,1.4,versicolor", "6.4,3.2,4.5,1.5,versicolor",
        "5.9,3.0,4.2,1.5,versicolor", "6.3,3.3,6.0,2.5,virginica", "6.7,3.0,5.2,2.3,virginica", "7.2,3.6,6.1,2.5,virginica",
    ];

    /// <summary>The same rows with the columns written petal first: petal_width, petal_length, sepal_width, sepal_length.</summary>
    private static string Reordered(TempFiles files) =>
        files.Write("reordered.csv", "petal_width,species,petal_length,sepal_width,sepal_length\n" + string.Join("\n", Rows.Select(r =>
        {
            string[] c = r.Split(',');
            return string.Join(",", c[3], c[4], c[2], c[1], c[0]);
        })) + "\n");

    private static double Accuracy(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("accuracy").GetDouble();
    }

    [Fact]
    public void Evaluate_ColumnsInAnotherOrder_AreMatchedByNameAndScoreAsInOrder()
    {
        using var files = new TempFiles();
        double inOrder = Accuracy(CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", files.Iris("in-order.csv", Rows), "--label", "species", "--json"));
        double reordered = Accuracy(CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", Reordered(files), "--label", "species", "--json"));
        Assert.True(inOrder >= 0.85, $"in order {inOrder}");
        Assert.Equal(inOrder, reordered);
    }

    [Fact]
    public void Predict_ColumnsInAnotherOrder_GiveTheSamePredictions()
    {
        using var files = new TempFiles();
        var inOrder = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", files.Iris("in-order.csv", Rows), "--json");
        var reordered = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", Reordered(files), "--label", "species", "--json");
        Assert.True(reordered.ExitCode == 0, reordered.Err);
        string Predicted(CliRun run) => string.Join(",", JsonDocument.Parse(run.Out).RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("predicted").GetString()));
        Assert.Equal(Predicted(inOrder), Predicted(reordered));
    }

    [Fact]
    public void Evaluate_ARenamedColumn_IsRefusedNamingTheMissingAndTheUnknownColumn()
    {
        using var files = new TempFiles();
        string csv = files.Write("renamed.csv", "sepal_length,sepal_width,petal_length,stem_width,species\n" + string.Join("\n", Rows) + "\n");
        UserErrors.AssertOneLine(CliRun.Of("evaluate", "--model", TrainedModels.Iris, "--data", csv),
            "missing 'petal width (cm)'", "not in the model 'stem_width'", "any order");
    }

    [Fact]
    public void Predict_ARenamedColumn_IsRefused()
    {
        using var files = new TempFiles();
        string csv = files.Write("renamed.csv", "a,b,c,d\n5.1,3.5,1.4,0.2\n");
        UserErrors.AssertOneLine(CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", csv), "missing 'sepal length (cm)'", "remove the header line");
    }

    [Fact]
    public void Predict_AFileWithoutHeader_IsMatchedByPosition()
    {
        using var files = new TempFiles();
        string csv = files.Write("plain.csv", "6.7,3.0,5.2,2.3\n");
        var run = CliRun.Of("predict", "--model", TrainedModels.Iris, "--data", csv);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains(",virginica,", run.Out);
    }
}

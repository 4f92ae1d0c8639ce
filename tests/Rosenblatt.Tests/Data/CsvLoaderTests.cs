using System.IO.Compression;
using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class CsvLoaderTests
{
    private static Dataset Load(string text, CsvOptions? options = null) =>
        CsvLoader.Load(new StringReader(text), "flowers.csv", options);

    private static CsvFormatException Bad(string text, CsvOptions? options = null) =>
        Assert.Throws<CsvFormatException>(() => Load(text, options));

    [Fact]
    public void Load_ReadsHeaderFeaturesAndStringLabels_LastColumnByDefault()
    {
        var data = Load("length,width,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n6.3,3.3,virginica\n4.9,3.0,setosa\n");
        Assert.Equal("flowers", data.Name);
        Assert.Equal(["length", "width"], data.FeatureNames);
        Assert.Equal(["setosa", "versicolor", "virginica"], data.ClassNames);
        Assert.Equal([0, 1, 2, 0], data.Labels);
        Assert.Equal([5.1f, 3.5f], data.Features.Row(0).ToArray());
        Assert.Equal([4.9f, 3.0f], data.Features.Row(3).ToArray());
    }

    [Fact]
    public void Load_HonoursRfc4180Quoting()
    {
        const string text =
            "\"size, cm\",\"weight\",label\n" +
            "\"1.5\",2,\"New York, NY\"\n" +
            "3,\"4\",\"say \"\"hi\"\"\"\n" +
            "5,6,\"two\nlines\"\n" +
            "7,8,\"New York, NY\"\n";
        var data = Load(text);
        Assert.Equal(["size, cm", "weight"], data.FeatureNames);
        Assert.Equal(["New York, NY", "say \"hi\"", "two\nlines"], data.ClassNames);
        Assert.Equal([0, 1, 2, 0], data.Labels);
        Assert.Equal([1.5f, 2f], data.Features.Row(0).ToArray());
    }

    [Fact]
    public void Load_AfterAMultiLineQuotedField_ReportsTheLineAnEditorShows()
    {
        var e = Bad("a,b,label\n1,2,\"two\nlines\"\n3,oops,x\n");
        Assert.Equal(4, e.Line);
        Assert.Equal(2, e.Column);
    }

    [Fact]
    public void Load_WithoutHeader_DetectsNumericFirstRowAsData()
    {
        var data = Load("1,2,0\n3,4,1\n");
        Assert.Equal(2, data.Count);
        Assert.Equal(["x1", "x2"], data.FeatureNames);
        Assert.Equal([1f, 2f], data.Features.Row(0).ToArray());
    }

    [Fact]
    public void Load_FirstRowMixingNumbersAndText_IsDataWithABadCell_NotASilentHeader()
    {
        var e = Bad("5.1,N/A,setosa\n4.9,3.0,setosa\n");
        Assert.Equal(1, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("N/A", e.Value);
        Assert.Contains("if it is a header, set HasHeader to true", e.Message);
        var declared = Load("size,2020,label\n1,2,a\n", new CsvOptions { HasHeader = true });
        Assert.Equal(["size", "2020"], declared.FeatureNames);
    }

    [Fact]
    public void Load_DeclaredHeader_ReadsANumericHeaderAsNames()
    {
        var data = Load("1,2,3\n0.5,0.25,a\n", new CsvOptions { HasHeader = true });
        Assert.Equal(["1", "2"], data.FeatureNames);
        Assert.Equal(1, data.Count);
        var noHeader = Load("1,2,3\n4,5,6\n", new CsvOptions { HasHeader = false });
        Assert.Equal(2, noHeader.Count);
    }

    [Fact]
    public void Load_LabelColumnByNameOrIndex()
    {
        const string text = "species,length,width\nsetosa,5.1,3.5\nvirginica,6.3,3.3\n";
        var byName = Load(text, new CsvOptions { LabelColumn = "species" });
        var byIndex = Load(text, new CsvOptions { LabelColumnIndex = 0 });
        Assert.Equal(["length", "width"], byName.FeatureNames);
        Assert.Equal(byName.Features.AsSpan().ToArray(), byIndex.Features.AsSpan().ToArray());
        Assert.Equal([0, 1], byIndex.Labels);
        Assert.Equal([6.3f, 3.3f], byName.Features.Row(1).ToArray());
    }

    [Fact]
    public void Load_NumericLabels_AreOrderedByValue()
    {
        var data = Load("x,y\n1,10\n2,9\n3,2\n4,9\n");
        Assert.Equal(["2", "9", "10"], data.ClassNames);
        Assert.Equal([2, 1, 0, 1], data.Labels);
    }

    [Fact]
    public void Load_Regression_KeepsTargetsAsNumbers()
    {
        var data = Load("x,price\n1,10.5\n2,-3\n", new CsvOptions { Regression = true });
        Assert.True(data.HasTargets);
        Assert.False(data.HasLabels);
        Assert.Equal([10.5f, -3f], data.Targets);
    }

    [Fact]
    public void Load_OtherDelimiters_AndBlankLinesAndCrLf()
    {
        var data = Load("a;b;c\r\n1.5;2;x\r\n\r\n3;4;y\r\n", new CsvOptions { Delimiter = ';', LabelColumn = "c" });
        Assert.Equal(2, data.Count);
        var e = Assert.Throws<CsvFormatException>(() => Load("a;b;c\r\n1;2;x\r\n\r\n3;q;y\r\n", new CsvOptions { Delimiter = ';' }));
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void TextInANumericColumn_NamesFileLineColumnAndValue()
    {
        var e = Bad("length,width,species\n5.1,3.5,setosa\n7.0,wide,versicolor\n");
        Assert.Equal("flowers.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("width", e.ColumnName);
        Assert.Equal("wide", e.Value);
        Assert.Contains("flowers.csv, line 3, column 2 ('width'): \"wide\" is not a number.", e.Message);
        Assert.Contains("help:", e.Message);
    }

    [Fact]
    public void EmptyCell_IsAnError_NeverAZero()
    {
        var e = Bad("a,b,label\n1,,x\n");
        Assert.Equal(2, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains("the cell is empty", e.Message);
        Assert.Contains("never read as 0", e.Message);
    }

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("Infinity", "not a finite number")]
    [InlineData("1e39", "outside float32's range")]
    [InlineData("1e-50", "too small for float32")]
    [InlineData("-2e-46", "too small for float32")]
    [InlineData("3,5", "")]
    public void NonFiniteOrOutOfRangeNumbers_AreErrors(string cell, string problem)
    {
        var e = Bad($"a,b,label\n1,\"{cell}\",x\n");
        Assert.Equal(2, e.Column);
        Assert.Equal(cell, e.Value);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.0")]
    [InlineData("0e-99")]
    [InlineData("1e-40")]
    public void ZeroAndSubnormalNumbers_AreRead(string cell)
    {
        var set = CsvLoader.Load(new StringReader($"a,b,label\n1,{cell},x\n2,3,y\n"), "flowers.csv");
        Assert.Equal(float.Parse(cell, System.Globalization.CultureInfo.InvariantCulture), set.Features[0, 1]);
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        var e = Bad("");
        Assert.Contains("flowers.csv: the file is empty", e.Message);
        Assert.Null(e.Line);
        Assert.Contains("the file is empty", Bad("\n\n").Message);
    }

    [Fact]
    public void HeaderWithoutRows_IsAnError()
    {
        var e = Bad("a,b,label\n");
        Assert.Contains("has a header (line 1) but no data rows", e.Message);
    }

    [Fact]
    public void RaggedRows_AreErrorsNamingTheLine()
    {
        var shortRow = Bad("a,b,label\n1,2,x\n3,y\n");
        Assert.Equal(3, shortRow.Line);
        Assert.Contains("the row has 2 field(s) but the header (line 1) has 3", shortRow.Message);
        var longRow = Bad("a,b,label\n1,2,x\n3,4,5,y\n");
        Assert.Equal(3, longRow.Line);
        Assert.Contains("has 4 field(s)", longRow.Message);
    }

    [Fact]
    public void UnclosedQuote_IsAnError()
    {
        var e = Bad("a,b,label\n1,2,\"x\n3,4,y\n");
        Assert.Contains("help:", e.Message);
        Assert.Contains("quote", e.Message);
    }

    [Fact]
    public void MissingLabelColumn_ListsTheColumns()
    {
        var e = Bad("a,b,label\n1,2,x\n", new CsvOptions { LabelColumn = "species" });
        Assert.Contains("no column is named 'species'", e.Message);
        Assert.Contains("'a', 'b', 'label'", e.Message);
        var index = Bad("a,b,label\n1,2,x\n", new CsvOptions { LabelColumnIndex = 3 });
        Assert.Contains("the label column index is 3 but the file has 3 column(s)", index.Message);
    }

    [Fact]
    public void EmptyLabel_IsAnError()
    {
        var e = Bad("a,b,label\n1,2,\n");
        Assert.Equal(3, e.Column);
        Assert.Contains("the label is empty", e.Message);
    }

    [Fact]
    public void LabelNeverSeenInTraining_IsAnErrorWhenClassesAreGiven()
    {
        var options = new CsvOptions { ClassNames = ["setosa", "versicolor"] };
        var known = Load("x,species\n1,versicolor\n2,setosa\n", options);
        Assert.Equal([1, 0], known.Labels);
        var e = Bad("x,species\n1,versicolor\n2,virginica\n", options);
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("virginica", e.Value);
        Assert.Contains("the label \"virginica\" is not one of the model's classes (setosa, versicolor)", e.Message);
    }

    [Fact]
    public void ContradictoryOptions_AreRejectedBeforeReading()
    {
        Assert.Throws<ArgumentException>(() => Load("a,b\n1,2\n", new CsvOptions { LabelColumn = "a", LabelColumnIndex = 0 }));
        Assert.Throws<ArgumentException>(() => Load("a,b\n1,2\n", new CsvOptions { LabelColumn = "a", HasHeader = false }));
        Assert.Throws<ArgumentException>(() => Load("a,b\n1,2\n", new CsvOptions { Regression = true, ClassNames = ["x"] }));
    }

    [Fact]
    public void LoadFromFile_ReadsGzipByMagicBytes_AndNamesTheFileInErrors()
    {
        string dir = Directory.CreateTempSubdirectory("rosenblatt-csv").FullName;
        try
        {
            string plain = Path.Combine(dir, "points.csv");
            File.WriteAllText(plain, "x,y,label\n1,2,a\n3,4,b\n");
            string packed = Path.Combine(dir, "points.csv.gz");
            using (var gz = new GZipStream(File.Create(packed), CompressionLevel.Fastest))
                gz.Write(File.ReadAllBytes(plain));
            var a = CsvLoader.Load(plain);
            var b = CsvLoader.Load(packed);
            Assert.Equal("points", b.Name);
            Assert.Equal(a.Features.AsSpan().ToArray(), b.Features.AsSpan().ToArray());
            Assert.Equal(a.Labels, b.Labels);

            string bad = Path.Combine(dir, "bad.csv");
            File.WriteAllText(bad, "x,y,label\n1,two,a\n");
            var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(bad));
            Assert.Equal(bad, e.File);
            Assert.StartsWith(bad + ", line 2, column 2 ('y')", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadFromFile_MissingFile_SaysWhereItLooked()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load("no-such-file.csv"));
        Assert.Contains("no-such-file.csv", e.Message);
        Assert.Contains("help:", e.Message);
    }

    [Fact]
    public void LoadForPrediction_SkipsALabelColumn_AndChecksTheFeatureCount()
    {
        var withLabel = CsvLoader.LoadForPrediction(new StringReader("a,b,label\n1,2,x\n"), "in.csv", expectedFeatures: 2);
        Assert.False(withLabel.HasLabels);
        Assert.Equal([1f, 2f], withLabel.Features.Row(0).ToArray());
        var plain = CsvLoader.LoadForPrediction(new StringReader("1,2\n3,4\n"), "in.csv", expectedFeatures: 2);
        Assert.Equal(2, plain.Count);
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.LoadForPrediction(new StringReader("1,2,3,4\n"), "in.csv", expectedFeatures: 2));
        Assert.Contains("the file has 4 column(s) but the model expects 2", e.Message);
    }
}

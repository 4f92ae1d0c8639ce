using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class MatrixTests
{
    [Fact]
    public void Indexer_ReadsAndWritesRowMajorStorage()
    {
        var data = new float[6];
        var m = new Matrix(2, 3, data);
        m[1, 2] = 7f;
        Assert.Equal(7f, data[5]);
        Assert.Equal(7f, m.Row(1)[2]);
        Assert.Equal(6, m.Length);
        Assert.StartsWith("Matrix 2×3\n[[", m.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void FromRows_OfDoubles_RoundTripsThroughToRowsAndToArray2D()
    {
        var m = Matrix.FromRows(new[] { new[] { 1.0, 2.0, 3.0 }, new[] { 4.0, 5.0, 6.0 } });
        Assert.Equal((2, 3), (m.Rows, m.Columns));
        Assert.Equal([4f, 5f, 6f], m.ToRows()[1]);
        Assert.Equal(3f, m.ToArray2D()[0, 2]);
        Assert.Equal(m.AsSpan().ToArray(), Matrix.FromRows(m.ToRows()).AsSpan().ToArray());
    }

    [Fact]
    public void Clone_CopiesTheData()
    {
        var m = Matrix.FromRows(new[] { new float[] { 1, 2 } });
        var copy = m.Clone();
        copy[0, 0] = 9;
        Assert.Equal(1f, m[0, 0]);
    }

    [Fact]
    public void FromRows_WithRaggedRows_NamesTheOffendingRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => Matrix.FromRows(new[] { new float[] { 1, 2 }, new float[] { 3 } }));
        Assert.Contains("row 0 has 2 values, row 1 has 1", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Constructor_WithWrongDataLength_QuotesExpectedCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Matrix(2, 3, new float[5]));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("2 · 3 = 6 values (received 5)", ex.Message);
    }

    [Fact]
    public void Constructor_WithNegativeRows_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix(-1, 3));
        Assert.Equal("rows", ex.ParamName);
    }

    [Fact]
    public void Indexer_OutsideTheMatrix_QuotesTheValidRange()
    {
        var m = new Matrix(2, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 3]);
        Assert.Contains("column must be in 0..2 for a 2×3 matrix (received 3)", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(2));
    }
}

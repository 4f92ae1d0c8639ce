using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

/// <summary><see cref="ChunkedFloats"/>: values come back in order, exactly as many, across chunk boundaries.</summary>
public class ChunkedFloatsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16_384)]       // exactly one full chunk
    [InlineData(16_385)]       // one more: a second chunk
    [InlineData(50_000)]
    public void ToArray_GivesEveryValueInOrder(int count)
    {
        var list = new ChunkedFloats();
        for (int i = 0; i < count; i++)
            list.Add(i * 0.5f);
        var values = list.ToArray();
        Assert.Equal(count, list.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 0.5f).ToArray(), values);
    }

    [Fact]
    public void CsvLoader_WithMoreValuesThanAChunk_ReadsEveryCell()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(string.Join(",", Enumerable.Range(0, 200).Select(c => $"f{c}")));
        for (int r = 0; r < 100; r++)
            text.AppendLine(string.Join(",", Enumerable.Range(0, 200).Select(c => (r * 200 + c).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var set = CsvLoader.LoadForPrediction(new StringReader(text.ToString()), "big.csv", expectedFeatures: 200);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (float)i).ToArray(), set.Features.AsSpan().ToArray());
    }
}

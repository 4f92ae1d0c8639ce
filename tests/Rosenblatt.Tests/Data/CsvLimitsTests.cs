using System.Diagnostics;
using System.Text;
using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

/// <summary>Wide rows load; a "row" no CSV could mean (no line break for megabytes, a device) is refused quickly and clearly.</summary>
public class CsvLimitsTests
{
    [Theory]
    [InlineData(3_000)]
    [InlineData(20_000)]
    public void Load_RowsOfThousandsOfColumns_Load(int columns)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(i => $"feature{i}")).Append(",label\n");
        for (int r = 0; r < 4; r++)
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(i => ((r * 31 + i) % 97 / 97.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append(r % 2 == 0 ? ",a\n" : ",b\n");
        var data = CsvLoader.Load(new StringReader(text.ToString()), "wide.csv");
        Assert.Equal(columns, data.FeatureCount);
        Assert.Equal(4, data.Count);
        Assert.Equal("feature2999", data.FeatureNames[2999]);
    }

    [Fact]
    public void Load_ARowLongerThanTheLimit_NamesTheLineAndTheLimit_WithoutNamingReaderSettings()
    {
        string text = "a,b\n1,2\n" + new string('7', CsvRecordReaderLimit + 10) + "\n";
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(new StringReader(text), "long.csv"));
        Assert.Contains("long.csv, line 3", e.Message);
        Assert.Contains("longer than 16,777,216 characters", e.Message);
        Assert.Contains("help:", e.Message);
        Assert.DoesNotContain("MaxBufferSize", e.Message);
    }

    [Fact]
    public void Load_DevZero_IsRefusedQuickly()
    {
        if (!File.Exists("/dev/zero"))
            return;
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsAny<Exception>(() => CsvLoader.Load("/dev/zero"));
        Assert.True(e is CsvFormatException or InvalidDataException, e.ToString());
        Assert.Contains("help:", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
    }

    private const int CsvRecordReaderLimit = 1 << 24;
}

using Rosenblatt.Serialization;

namespace Rosenblatt.Tests.Serialization;

/// <summary>The weight text format is valid JSON and round-trips every finite float32 and float64 bit pattern, not just friendly values.</summary>
public class WeightArrayTests
{
    [Fact]
    public void Singles_FromRandomBitPatterns_RoundTripBitForBit()
    {
        var random = new Random(1);
        var values = new List<float>();
        while (values.Count < 50_000)
        {
            float v = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (float.IsFinite(v)) values.Add(v);
        }
        var array = WeightArray.From(values.ToArray());
        using var json = System.Text.Json.JsonDocument.Parse("[" + string.Join(", ", array.Texts) + "]");
        Assert.Equal(values.Count, json.RootElement.GetArrayLength());
        float[] back = array.ToSingles();
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Doubles_FromRandomBitPatterns_RoundTripBitForBit()
    {
        var random = new Random(2);
        var values = new List<double>();
        while (values.Count < 50_000)
        {
            double v = BitConverter.Int64BitsToDouble(random.NextInt64() ^ ((long)random.Next(2) << 63));
            if (double.IsFinite(v)) values.Add(v);
        }
        var array = WeightArray.From(values.ToArray());
        using var json = System.Text.Json.JsonDocument.Parse("[" + string.Join(", ", array.Texts) + "]");
        Assert.Equal(values.Count, json.RootElement.GetArrayLength());
        double[] back = array.ToDoubles();
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
    }
}

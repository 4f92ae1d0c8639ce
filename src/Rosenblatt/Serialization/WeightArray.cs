using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rosenblatt.Serialization;

/// <summary>A weight array as the file holds it: number texts, parsed at the precision the architecture declares.</summary>
/// <remarks>
/// Writing uses the shortest text that parses back to the same bits ("R"), at the value's own precision;
/// reading keeps the text and parses it directly as float32 or float64 (never float32 through double,
/// which could round twice), so a loaded model's weights are bit-identical to the saved ones. The
/// strings "NaN" and "Infinity" are accepted here so the loader can reject them by position.
/// </remarks>
[JsonConverter(typeof(WeightArrayConverter))]
internal sealed class WeightArray(string[] texts)
{
    internal string[] Texts { get; } = texts;

    internal static WeightArray From(ReadOnlySpan<float> values)
    {
        var texts = new string[values.Length];
        for (int i = 0; i < texts.Length; i++)
            texts[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
        return new WeightArray(texts);
    }

    internal static WeightArray From(ReadOnlySpan<double> values)
    {
        var texts = new string[values.Length];
        for (int i = 0; i < texts.Length; i++)
            texts[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
        return new WeightArray(texts);
    }

    internal float[] ToSingles() => Array.ConvertAll(Texts, t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture));

    internal double[] ToDoubles() => Array.ConvertAll(Texts, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture));
}

/// <summary>Reads and writes a <see cref="WeightArray"/> as one JSON array on one line.</summary>
internal sealed class WeightArrayConverter : JsonConverter<WeightArray>
{
    public override WeightArray? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected an array of numbers but found {reader.TokenType}.");
        var texts = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string text = reader.TokenType switch
            {
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                JsonTokenType.String when reader.GetString() is "NaN" or "Infinity" or "-Infinity" => reader.GetString()!,
                _ => throw new JsonException($"item {texts.Count} of the array is {reader.TokenType}, not a number."),
            };
            texts.Add(text);
        }
        return new WeightArray(texts.ToArray());
    }

    public override void Write(Utf8JsonWriter writer, WeightArray value, JsonSerializerOptions options) =>
        writer.WriteRawValue("[" + string.Join(", ", value.Texts) + "]", skipInputValidation: true);
}

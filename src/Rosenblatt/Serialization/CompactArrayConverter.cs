using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rosenblatt.Serialization;

/// <summary>Writes a number array on one line (an indented file would put every weight on its own line) and reads it back exactly.</summary>
/// <remarks>
/// Numbers are written in the shortest form that parses back to the same bits ("R": .NET Core 3.0+ gives the
/// shortest round-trip string), and read back at their own precision (float32 as float32, never through
/// double), so a loaded model's weights are bit-identical. NaN and infinities, which JSON cannot hold as
/// numbers, are read from the strings "NaN"/"Infinity" so the loader can report them by position.
/// </remarks>
internal abstract class CompactArrayConverter<T> : JsonConverter<T[]>
{
    public override T[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected an array of numbers but found {reader.TokenType}.");
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(ReadItem(ref reader, items.Count));
        return items.ToArray();
    }

    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
    {
        var text = new StringBuilder(value.Length * 12 + 2).Append('[');
        for (int i = 0; i < value.Length; i++)
        {
            if (i > 0) text.Append(", ");
            Append(text, value[i]);
        }
        writer.WriteRawValue(text.Append(']').ToString(), skipInputValidation: true);
    }

    protected abstract T ReadItem(ref Utf8JsonReader reader, int index);

    protected abstract void Append(StringBuilder text, T value);

    protected static double ReadNamedOrThrow(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            string s = reader.GetString()!;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double named) && !double.IsFinite(named))
                return named;
        }
        throw new JsonException($"item {index} of the array is {reader.TokenType}, not a number.");
    }
}

internal sealed class DoubleArrayConverter : CompactArrayConverter<double>
{
    protected override double ReadItem(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.Number)
            return ReadNamedOrThrow(ref reader, index);
        return reader.TryGetDouble(out double value) ? value : double.PositiveInfinity;
    }

    protected override void Append(StringBuilder text, double value) => text.Append(value.ToString("R", CultureInfo.InvariantCulture));
}

internal sealed class NullableDoubleArrayConverter : CompactArrayConverter<double?>
{
    protected override double? ReadItem(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.Number)
            return ReadNamedOrThrow(ref reader, index);
        return reader.TryGetDouble(out double value) ? value : double.PositiveInfinity;
    }

    protected override void Append(StringBuilder text, double? value) =>
        text.Append(value is double v ? Format(v) : "null");

    private static string Format(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : $"\"{v.ToString(CultureInfo.InvariantCulture)}\"";
}

internal sealed class Int32ArrayConverter : CompactArrayConverter<int>
{
    protected override int ReadItem(ref Utf8JsonReader reader, int index) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value)
            ? value
            : throw new JsonException($"item {index} of the array is not a whole number.");

    protected override void Append(StringBuilder text, int value) => text.Append(value.ToString(CultureInfo.InvariantCulture));
}

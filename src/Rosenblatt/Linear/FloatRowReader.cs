namespace Rosenblatt.Linear;

/// <summary>Gives row <paramref name="index"/> of a float32 data set: a slice of the data itself, or the row converted into <paramref name="scratch"/>.</summary>
internal delegate ReadOnlySpan<float> FloatRowReader(int index, Span<float> scratch);

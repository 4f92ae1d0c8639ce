namespace Rosenblatt.Data;

/// <summary>A growing list of floats kept in small chunks, copied once into an exact array at the end.</summary>
/// <remarks>A <see cref="List{T}"/> grows by doubling: reading a 10,000 × 784 CSV it left about 64 MB of outgrown arrays
/// on the large-object heap, which a collection returns only much later, and <c>ToArray</c> copied the last one again
/// (<c>predict</c> on MNIST's test rows peaked at 244 MB). Chunks of 16,384 floats (64 KB) stay on the small-object heap
/// and die young; the result is allocated once at its exact size.</remarks>
internal sealed class ChunkedFloats
{
    private const int ChunkSize = 16_384;
    private readonly List<float[]> _chunks = [];
    private float[] _current = new float[ChunkSize];
    private int _used;

    /// <summary>The number of values added.</summary>
    public long Count => (long)_chunks.Count * ChunkSize + _used;

    /// <summary>Appends one value.</summary>
    /// <param name="value">The value.</param>
    public void Add(float value)
    {
        if (_used == ChunkSize)
        {
            _chunks.Add(_current);
            _current = new float[ChunkSize];
            _used = 0;
        }
        _current[_used++] = value;
    }

    /// <summary>Every value, in order, in a new array of exactly <see cref="Count"/> values.</summary>
    public float[] ToArray()
    {
        var result = new float[Count];
        for (int c = 0; c < _chunks.Count; c++)
            _chunks[c].CopyTo(result, (long)c * ChunkSize);
        Array.Copy(_current, 0, result, (long)_chunks.Count * ChunkSize, _used);
        return result;
    }
}

using System.Buffers.Binary;

namespace Rosenblatt.Tests.Data;

/// <summary>Builds IDX files in memory for the reader and loader tests.</summary>
internal static class IdxFiles
{
    /// <summary>An IDX file: big-endian magic, big-endian dimensions, then the bytes.</summary>
    public static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }
}

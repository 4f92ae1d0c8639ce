using System.Buffers.Binary;

namespace Rosenblatt.Cli.Tests;

/// <summary>A tiny MNIST look-alike in a temporary data folder: 4×4 images, 10 classes, the label read off the first pixel.</summary>
public sealed class TinyMnist : IDisposable
{
    /// <summary>Writes <paramref name="train"/> training and <paramref name="test"/> test images under <see cref="Folder"/>/mnist.</summary>
    public TinyMnist(int train = 60, int test = 20)
    {
        string mnist = Directory.CreateDirectory(Path.Combine(Folder, "mnist")).FullName;
        WriteSet(mnist, "train", train, seed: 1);
        WriteSet(mnist, "t10k", test, seed: 2);
    }

    /// <summary>The data folder to pass as <c>--data-dir</c>.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "rosenblatt-mnist-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void WriteSet(string folder, string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 16];
        var labels = new byte[count];
        random.NextBytes(pixels);
        for (int i = 0; i < count; i++)
            labels[i] = (byte)(pixels[i * 16] % 10);
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Idx(0x0803, [count, 4, 4], pixels));
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), Idx(0x0801, [count], labels));
    }

    private static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }
}

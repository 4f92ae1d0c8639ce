using System.Buffers.Binary;
using System.IO.Compression;

namespace Rosenblatt.Data;

/// <summary>Reads LeCun's IDX files (MNIST, Fashion-MNIST): image stacks (magic 2051) and label lists (magic 2049).</summary>
/// <remarks>
/// <para>Layout: a big-endian int32 magic <c>0x00 0x00 0x08 ndims</c> (0x08 = unsigned bytes), then one
/// big-endian int32 per dimension, then the bytes. Images are <c>count × rows × columns</c> (16-byte
/// header), labels are <c>count</c> (8-byte header).</para>
/// <para>Files ending in <c>.gz</c> as published are detected by the gzip magic bytes 1f 8b, not by the
/// name, and unpacked as a stream. The reader checks the magic, the dimensions, and that the data is
/// exactly as long as the header says: a truncated download is an <see cref="InvalidDataException"/>
/// giving expected and actual sizes, never a stack of half-black images.</para>
/// <para>Sizes from the header are multiplied in 64-bit arithmetic and checked against <see cref="MaxDataBytes"/> and,
/// for a raw file, against the file's length before anything is allocated; a gzip file is unpacked into a buffer that
/// grows only as data arrives, and reading stops shortly after the declared end, so a header's claim never costs more
/// memory or time than the file itself.</para>
/// </remarks>
/// <example>
/// <code>
/// IdxImages images = IdxReader.ReadImages("data/mnist/train-images-idx3-ubyte.gz");
/// byte[] labels = IdxReader.ReadLabels("data/mnist/train-labels-idx1-ubyte.gz");
/// </code>
/// </example>
public static class IdxReader
{
    /// <summary>The magic number of an image file: unsigned bytes, 3 dimensions (0x00000803).</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>The magic number of a label file: unsigned bytes, 1 dimension (0x00000801).</summary>
    public const int LabelsMagic = 0x0801;

    /// <summary>The most data bytes a header may declare: 1 GiB (MNIST's training images are 47 MB; EMNIST's largest split 547 MB).</summary>
    /// <remarks>Checked before anything is read past the header. The buffer then grows only as data arrives, so memory is bounded by
    /// what the file really holds, and reading stops shortly after the declared end.</remarks>
    public const long MaxDataBytes = 1L << 30;

    private const int InitialChunk = 1 << 20;

    /// <summary>The most a deflate stream can inflate: 258 bytes from 2 bits, about 1032 to 1.</summary>
    private const long MaxDeflateRatio = 1032;

    private const long MaxExtraCounted = 1 << 20;

    /// <summary>Reads an image file (<c>*-images-idx3-ubyte</c>, raw or gzip).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Wrong magic, bad dimensions, truncated or over-long data, corrupt gzip.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var stream = OpenFile(path);
        return ReadImages(stream, path);
    }

    /// <summary>Reads an image file from a stream (raw or gzip), naming it <paramref name="source"/> in errors.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="InvalidDataException">Wrong magic, bad dimensions, truncated or over-long data, corrupt gzip.</exception>
    public static IdxImages ReadImages(Stream stream, string source)
    {
        var (data, dims) = Read(stream, source, ImagesMagic, "images", "*-images-idx3-ubyte[.gz]");
        return new IdxImages(dims[0], dims[1], dims[2], data);
    }

    /// <summary>Reads a label file (<c>*-labels-idx1-ubyte</c>, raw or gzip): one byte per sample.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Wrong magic, bad dimensions, truncated or over-long data, corrupt gzip.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var stream = OpenFile(path);
        return ReadLabels(stream, path);
    }

    /// <summary>Reads a label file from a stream (raw or gzip), naming it <paramref name="source"/> in errors.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="InvalidDataException">Wrong magic, bad dimensions, truncated or over-long data, corrupt gzip.</exception>
    public static byte[] ReadLabels(Stream stream, string source) =>
        Read(stream, source, LabelsMagic, "labels", "*-labels-idx1-ubyte[.gz]").Data;

    private static FileStream OpenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"IDX file '{path}' not found (looked for {Path.GetFullPath(path)}). help: check the path, or run `rosenblatt data fetch mnist` to download MNIST.",
                path);
        return File.OpenRead(path);
    }

    private static (byte[] Data, int[] Dims) Read(Stream stream, string source, int magic, string kind, string pattern)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        long start = stream.CanSeek ? stream.Position : 0;
        var input = new PeekableStart(stream);
        bool gzip = input.StartsWithGzip();
        Stream body = gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : input;
        try
        {
            int ndims = magic & 0xFF;
            int headerBytes = 4 + 4 * ndims;
            Span<byte> header = stackalloc byte[headerBytes];
            int got = ReadFully(body, header, source);
            if (got < 4)
                throw Invalid(source, $"it is {got} byte(s) long, too short for an IDX header", $"the file is empty or cut off; download it again");
            int found = BinaryPrimitives.ReadInt32BigEndian(header);
            if (found != magic)
                throw Invalid(source, $"it starts with magic 0x{found:X8} ({found}{Describe(found)}), not 0x{magic:X8} ({magic}, IDX {kind})",
                    $"pass an IDX {kind} file ({pattern}); check that images and labels were not swapped");
            if (got < headerBytes)
                throw Invalid(source, $"the header is cut off: expected {headerBytes} header bytes, got {got}", "the file is truncated; download it again");
            var dims = new int[ndims];
            long expected = 1;
            for (int d = 0; d < ndims; d++)
            {
                dims[d] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + 4 * d)..]);
                if (dims[d] < (d == 0 ? 0 : 1))
                    throw Invalid(source, $"dimension {d + 1} is {dims[d]}", "the header is corrupt; download the file again");
                expected *= dims[d];   // at most 2^31 per factor and checked after each: no 64-bit overflow
                if (expected > MaxDataBytes)
                    throw Invalid(source, $"the header declares {string.Join(" × ", dims.Take(d + 1))} = {expected:N0} values, more than the limit of {MaxDataBytes:N0} (1 GiB)",
                        "the header is corrupt, or the file is not an IDX file this library reads; download it again");
            }
            long total = headerBytes + expected;
            if (!gzip && stream.CanSeek && stream.Length - start != total)
            {
                // A raw file's length is known before anything is allocated: a claim it cannot back is refused at once.
                long actual = stream.Length - start;
                throw actual < total
                    ? Invalid(source, $"it is truncated: the header declares {string.Join(" × ", dims)} so the data must be {headerBytes} + {expected:N0} = {total:N0} bytes, but it has {actual:N0}",
                        "the download was cut short; delete the file and download it again (e.g. `rosenblatt data fetch mnist`)")
                    : Invalid(source, $"it is {actual - total:N0} byte(s) longer than its header declares: expected {total:N0} bytes ({string.Join(" × ", dims)}), found {actual:N0}",
                        "the file is corrupt or not the file it claims to be; download it again");
            }
            // What the file can deliver bounds the first allocation: a raw file's length was checked above, and deflate
            // inflates at most MaxDeflateRatio:1, so a small gzip that claims millions of images cannot make a large array.
            long deliverable = !gzip ? expected
                : stream.CanSeek ? Math.Min(expected, (stream.Length - start) * MaxDeflateRatio)
                : Math.Min(expected, InitialChunk);
            var (data, read) = ReadData(body, expected, deliverable, source);
            if (read < expected)
                throw Invalid(source,
                    $"it is truncated: the header declares {string.Join(" × ", dims)} so the {(gzip ? "unpacked " : "")}data must be {headerBytes} + {expected:N0} = {total:N0} bytes, but it has {headerBytes + read:N0}",
                    "the download was cut short; delete the file and download it again (e.g. `rosenblatt data fetch mnist`)");
            long extra = CountRest(body, source);
            if (extra > 0)
                throw Invalid(source,
                    $"it is {(extra > MaxExtraCounted ? "more than " + MaxExtraCounted.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : extra.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} byte(s) longer than its header declares: expected {total:N0} bytes ({string.Join(" × ", dims)})",
                    "the file is corrupt or not the file it claims to be; download it again");
            return (data, dims);
        }
        finally
        {
            if (gzip)
                body.Dispose();
        }
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => ", IDX images",
        LabelsMagic => ", IDX labels",
        _ when (magic & 0xFFFF0000) == 0x1F8B0000 => ", gzip compressed twice?",
        _ => ", not an IDX file",
    };

    private static InvalidDataException Invalid(string source, string problem, string help) =>
        new($"IDX file '{source}': {problem}. help: {help}.");

    private static int ReadFully(Stream stream, Span<byte> buffer, string source)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"IDX file '{source}': the gzip data is corrupt or cut off ({e.Message}). help: delete the file and download it again.", e);
        }
    }

    /// <summary>Reads up to <paramref name="expected"/> bytes, growing the buffer only as data really arrives, so a header's claim
    /// allocates no more than the file delivers (a small gzip that claims millions of images fails at its true end).</summary>
    private static (byte[] Data, long Read) ReadData(Stream body, long expected, long deliverable, string source)
    {
        // One array of the whole size when the file can deliver it (MNIST's 47 MB: no doubling, no copies, no zeroing, as
        // the data overwrites every byte or the file is refused as truncated).
        var data = GC.AllocateUninitializedArray<byte>((int)Math.Max(deliverable, Math.Min(expected, InitialChunk)));
        long read = 0;
        while (read < expected)
        {
            if (read == data.Length)
                Array.Resize(ref data, (int)Math.Min(expected, Math.Max(InitialChunk, (long)data.Length * 2)));
            int n = ReadFully(body, data.AsSpan((int)read, data.Length - (int)read), source);
            read += n;
            if (read < data.Length)
                break;   // the stream ended before the buffer filled
        }
        return (data, read);
    }

    /// <summary>How many bytes follow the declared data, counting at most a little past <see cref="MaxExtraCounted"/>: enough to
    /// say the file is too long without reading an endless stream to its end.</summary>
    private static long CountRest(Stream stream, string source)
    {
        Span<byte> scratch = stackalloc byte[4096];
        long extra = 0;
        int n;
        while (extra <= MaxExtraCounted && (n = ReadFully(stream, scratch, source)) > 0)
            extra += n;
        return extra;
    }

    /// <summary>A forward-only stream wrapper that can look at the first two bytes without seeking.</summary>
    /// <remarks>Lets gzip be detected on streams that cannot seek (an HTTP download, a resource).</remarks>
    private sealed class PeekableStart(Stream inner) : Stream
    {
        private readonly byte[] _peeked = new byte[2];
        private int _peekedCount = -1;
        private int _peekedUsed;

        internal bool StartsWithGzip()
        {
            _peekedCount = inner.ReadAtLeast(_peeked, 2, throwOnEndOfStream: false);
            return _peekedCount == 2 && _peeked[0] == 0x1f && _peeked[1] == 0x8b;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_peekedUsed < _peekedCount && buffer.Length > 0)
            {
                int n = Math.Min(buffer.Length, _peekedCount - _peekedUsed);
                _peeked.AsSpan(_peekedUsed, n).CopyTo(buffer);
                _peekedUsed += n;
                return n;
            }
            return inner.Read(buffer);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

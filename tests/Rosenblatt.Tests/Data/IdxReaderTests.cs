using System.IO.Compression;
using Rosenblatt.Data;
using static Rosenblatt.Tests.Data.IdxFiles;

namespace Rosenblatt.Tests.Data;

public class IdxReaderTests
{
    private static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(raw);
        return output.ToArray();
    }

    // Two 2×3 images: 0..5 and 250..255.
    private static readonly byte[] TwoImages = Idx(0x803, [2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    private static readonly byte[] ThreeLabels = Idx(0x801, [3], [7, 0, 9]);

    private static IdxImages Images(byte[] bytes) => IdxReader.ReadImages(new MemoryStream(bytes), "test-images");

    private static byte[] Labels(byte[] bytes) => IdxReader.ReadLabels(new MemoryStream(bytes), "test-labels");

    [Fact]
    public void ReadImages_Raw_ReadsDimensionsAndPixels()
    {
        var images = Images(TwoImages);
        Assert.Equal((2, 2, 3), (images.Count, images.Rows, images.Columns));
        Assert.Equal([250, 251, 252, 253, 254, 255], images.Image(1).ToArray());
        var x = images.ToMatrix();
        Assert.Equal((2, 6), (x.Rows, x.Columns));
        Assert.Equal(1f, x[1, 5]);
        Assert.Equal(1f / 255, x[0, 1]);
    }

    [Fact]
    public void Read_Gzip_GivesTheSameAsRaw()
    {
        Assert.Equal(Images(TwoImages).Pixels, Images(Gzip(TwoImages)).Pixels);
        Assert.Equal([7, 0, 9], Labels(Gzip(ThreeLabels)));
        Assert.Equal([7, 0, 9], Labels(ThreeLabels));
    }

    [Fact]
    public void BadMagic_SaysWhatTheFileIs()
    {
        var swapped = Assert.Throws<InvalidDataException>(() => Images(ThreeLabels));
        Assert.Contains("IDX file 'test-images'", swapped.Message);
        Assert.Contains("magic 0x00000801 (2049, IDX labels), not 0x00000803", swapped.Message);
        Assert.Contains("images and labels were not swapped", swapped.Message);
        var junk = Assert.Throws<InvalidDataException>(() => Labels("hello world"u8.ToArray()));
        Assert.Contains("not an IDX file", junk.Message);
        var twice = Assert.Throws<InvalidDataException>(() => Labels(Gzip(Gzip(ThreeLabels))));
        Assert.Contains("gzip compressed twice?", twice.Message);
    }

    [Fact]
    public void TruncatedData_GivesExpectedAndActualSizes()
    {
        var e = Assert.Throws<InvalidDataException>(() => Images(TwoImages[..^4]));
        Assert.Contains("it is truncated: the header declares 2 × 2 × 3 so the data must be 16 + 12 = 28 bytes, but it has 24", e.Message);
        Assert.Contains("help:", e.Message);
        var gz = Assert.Throws<InvalidDataException>(() => Images(Gzip(TwoImages[..^4])));
        Assert.Contains("unpacked data must be 16 + 12 = 28 bytes", gz.Message);
    }

    [Fact]
    public void TruncatedHeader_AndEmptyFile_AreErrors()
    {
        Assert.Contains("the header is cut off", Assert.Throws<InvalidDataException>(() => Images(TwoImages[..10])).Message);
        Assert.Contains("too short for an IDX header", Assert.Throws<InvalidDataException>(() => Labels([])).Message);
    }

    [Fact]
    public void CutOffGzipStream_IsAnError()
    {
        byte[] packed = Gzip(Idx(0x801, [1000], new byte[1000]));
        var e = Assert.Throws<InvalidDataException>(() => Labels(packed[..(packed.Length / 2)]));
        Assert.Contains("IDX file 'test-labels'", e.Message);
    }

    [Fact]
    public void ExtraBytes_AreAnError()
    {
        byte[] longer = [.. ThreeLabels, 1, 2];
        var e = Assert.Throws<InvalidDataException>(() => Labels(longer));
        Assert.Contains("2 byte(s) longer than its header declares", e.Message);
    }

    [Fact]
    public void WrongDimensions_AreErrors()
    {
        var zeroRows = Assert.Throws<InvalidDataException>(() => Images(Idx(0x803, [1, 0, 3], [])));
        Assert.Contains("dimension 2 is 0", zeroRows.Message);
        var negative = Assert.Throws<InvalidDataException>(() => Labels(Idx(0x801, [-5], [])));
        Assert.Contains("dimension 1 is -5", negative.Message);
        var huge = Assert.Throws<InvalidDataException>(() => Images(Idx(0x803, [1_000_000, 28_000, 28_000], [])));
        Assert.Contains("1000000 × 28000 = 28,000,000,000 values, more than the limit of 1,073,741,824", huge.Message);
        var wraps = Assert.Throws<InvalidDataException>(() => Images(Idx(0x803, [1, 65536, 65536], [])));
        Assert.Contains("= 4,294,967,296 values", wraps.Message);
    }

    [Fact]
    public void ARawFileClaimingMoreThanItHolds_IsRefusedBeforeAllocating()
    {
        // 1.3 million 28×28 images (1 GB) claimed by a file of a few bytes: refused from the file length, nothing allocated for the claim.
        byte[] liar = Idx(0x803, [1_300_000, 28, 28], new byte[784]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => Images(liar));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
        Assert.Contains("1300000 × 28 × 28", e.Message);
        Assert.Contains("but it has 800", e.Message);
    }

    [Fact]
    public void ASmallGzipClaimingMillionsOfImages_AllocatesOnlyWhatItHolds()
    {
        // 1.3 million images declared (1 GB), 1,000 delivered: memory follows the data, not the claim.
        byte[] liar = Gzip(Idx(0x803, [1_300_000, 28, 28], new byte[1000 * 784]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => Images(liar));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("it is truncated", e.Message);
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void DataBeyondTheDeclaredEnd_StopsReadingSoon_EvenFromAnEndlessStream()
    {
        var endless = new ConcatStream(ThreeLabels, new EndlessZeros());
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(endless, "endless"));
        Assert.Contains("more than 1,048,576 byte(s) longer than its header declares", e.Message);
    }

    private sealed class EndlessZeros : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
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

    private sealed class ConcatStream(byte[] head, Stream tail) : Stream
    {
        private int _used;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_used < head.Length)
            {
                int n = Math.Min(count, head.Length - _used);
                Array.Copy(head, _used, buffer, offset, n);
                _used += n;
                return n;
            }
            return tail.Read(buffer, offset, count);
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

    [Fact]
    public void MissingFile_SuggestsFetching()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels("nowhere/train-labels-idx1-ubyte.gz"));
        Assert.Contains("rosenblatt data fetch mnist", e.Message);
    }
}

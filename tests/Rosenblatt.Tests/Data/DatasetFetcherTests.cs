using System.Net;
using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public sealed class DatasetFetcherTests : IDisposable
{
    private static readonly Uri MirrorA = new("https://mirror-a.test/mnist/");
    private static readonly Uri MirrorB = new("https://mirror-b.test/mnist/");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rosenblatt-fetch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Fetch_DownloadsVerifiesAndPlacesEveryFile_WhereMnistLoadFindsThem()
    {
        var server = new FakeServer(url => Ok(Official(url)));
        var fetcher = Fetcher(server, MirrorA);
        var seen = new List<FetchProgress>();
        var result = await fetcher.FetchAsync("mnist", _root, new SyncProgress(seen.Add));

        Assert.Equal(Path.Combine(Path.GetFullPath(_root), "mnist"), result.Folder);
        Assert.Equal(4, result.Files.Count);
        Assert.All(result.Files, f => Assert.True(f.Downloaded));
        foreach (var file in DatasetFetcher.Files("mnist"))
            Assert.Equal(System.IO.File.ReadAllBytes(SharedData.File("mnist", file.FileName)), System.IO.File.ReadAllBytes(Path.Combine(result.Folder, file.FileName)));
        Assert.Equal(new Uri(MirrorA, "t10k-labels-idx1-ubyte.gz"), result.Files[3].Source);
        Assert.Equal(4_542, seen.Last().BytesReceived);
        Assert.Equal(4, Directory.GetFiles(result.Folder).Length); // no temporary files left

        var test = Mnist.Load(_root, train: false);
        Assert.Equal(10_000, test.Count);
        Assert.Equal(7, test.Labels[0]);
    }

    [Fact]
    public async Task Fetch_KeepsFilesAlreadyPresentWithTheRightChecksum()
    {
        var server = new FakeServer(url => Ok(Official(url)));
        await Fetcher(server, MirrorA).FetchAsync("mnist", _root);
        int requests = server.Requests.Count;
        var again = await Fetcher(server, MirrorA).FetchAsync("mnist", _root);
        Assert.All(again.Files, f => Assert.False(f.Downloaded));
        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_ChecksumMismatch_IsAnErrorAndLeavesNoFile()
    {
        var server = new FakeServer(url =>
        {
            byte[] bytes = Official(url);
            bytes[^10] ^= 0xFF; // same size, different content
            return Ok(bytes);
        });
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Fetcher(server, MirrorA).FetchAsync("mnist", _root));
        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("not the expected 440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", e.Message);
        Assert.Contains("help:", e.Message);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Fetch_PartialDownload_IsAnErrorAndLeavesNoFile()
    {
        var server = new FakeServer(url => Ok(Official(url)[..1000]));
        var e = await Assert.ThrowsAsync<IOException>(() => Fetcher(server, MirrorA).FetchAsync("mnist", _root));
        Assert.Contains("cut short: 1,000 of 9,912,422 bytes", e.Message);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Fetch_ConnectionBreakingOff_IsAnErrorAndLeavesNoFile()
    {
        var server = new FakeServer(url => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(Official(url), 5000)) });
        var e = await Assert.ThrowsAsync<IOException>(() => Fetcher(server, MirrorA).FetchAsync("mnist", _root));
        Assert.Contains("connection reset", e.Message);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Fetch_TriesTheNextMirrorWhenOneFails()
    {
        var server = new FakeServer(url => url.Host == MirrorA.Host ? new HttpResponseMessage(HttpStatusCode.Forbidden) : Ok(Official(url)));
        var result = await Fetcher(server, MirrorA, MirrorB).FetchAsync("mnist", _root);
        Assert.All(result.Files, f => Assert.Equal(MirrorB.Host, f.Source!.Host));
        Assert.Equal(8, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_AllMirrorsFailing_ListsEachAttempt()
    {
        var server = new FakeServer(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var e = await Assert.ThrowsAsync<IOException>(() => Fetcher(server, MirrorA, MirrorB).FetchAsync("mnist", _root));
        Assert.Contains("https://mirror-a.test/mnist/train-images-idx3-ubyte.gz: HTTP 404", e.Message);
        Assert.Contains("https://mirror-b.test/mnist/train-images-idx3-ubyte.gz: HTTP 404", e.Message);
        Assert.Contains("check that its SHA-256 is", e.Message);
    }

    [Fact]
    public async Task Fetch_RemovesTemporaryFilesLeftByAKilledRun()
    {
        string folder = Path.Combine(_root, "mnist");
        Directory.CreateDirectory(folder);
        string stale = Path.Combine(folder, $".t10k-labels-idx1-ubyte.gz.{Guid.NewGuid():N}.part");
        System.IO.File.WriteAllBytes(stale, [1, 2, 3]);
        await Fetcher(new FakeServer(url => Ok(Official(url))), MirrorA).FetchAsync("mnist", _root);
        Assert.False(System.IO.File.Exists(stale));
    }

    [Fact]
    public void Mirrors_MustBeFolderAddresses()
    {
        var e = Assert.Throws<ArgumentException>(() => Fetcher(new FakeServer(_ => Ok([])), new Uri("https://mirror.test/mnist")));
        Assert.Contains("ending in '/'", e.Message);
        Assert.Equal([MirrorA], Fetcher(new FakeServer(_ => Ok([])), MirrorA).Mirrors("mnist"));
        Assert.Equal(3, new DatasetFetcher().Mirrors("mnist").Count);
    }

    [Fact]
    public void Catalog_ListsTheOfficialFilesWithTheReferenceChecksums()
    {
        Assert.Equal(["mnist", "fashion-mnist"], DatasetFetcher.Names);
        var sums = System.IO.File.ReadAllLines(SharedData.File("SHA256SUMS"))
            .Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]);
        foreach (string set in DatasetFetcher.Names)
        {
            foreach (var file in DatasetFetcher.Files(set))
            {
                Assert.Equal(sums[$"{set}/{file.FileName}"], file.Sha256);
                Assert.Equal(new FileInfo(SharedData.File(set, file.FileName)).Length, file.Bytes);
            }
        }
        var e = Assert.Throws<ArgumentException>(() => DatasetFetcher.Files("iris"));
        Assert.Contains("built in and need no download", e.Message);
    }

    private static DatasetFetcher Fetcher(FakeServer server, params Uri[] mirrors) =>
        new(new HttpClient(server), new Dictionary<string, IReadOnlyList<Uri>> { ["mnist"] = mirrors });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Files = new();

    // A fresh copy each time, because some tests damage the bytes they serve.
    private static byte[] Official(Uri url) =>
        (byte[])Files.GetOrAdd(url.Segments[^1], name => System.IO.File.ReadAllBytes(SharedData.File("mnist", name))).Clone();

    private static HttpResponseMessage Ok(byte[] bytes) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };

    private sealed class FakeServer(Func<Uri, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(respond(request.RequestUri!));
        }
    }

    /// <summary>Serves the first bytes of a file, then fails as a reset connection does.</summary>
    private sealed class BreakingStream(byte[] data, int breakAt) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAt)
                throw new IOException("connection reset by peer");
            int n = Math.Min(count, breakAt - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class SyncProgress(Action<FetchProgress> report) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => report(value);
    }
}

using System.Security.Cryptography;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data;

/// <summary>Downloads MNIST and Fashion-MNIST into the data directory, verifying every file's size and SHA-256.</summary>
/// <remarks>
/// <para>The sets are too large to ship in the library, so <c>rosenblatt data fetch mnist</c> downloads the
/// four official <c>.gz</c> files into <see cref="DataDirectory.DownloadFolder"/> (the folder given, else
/// <c>$ROSENBLATT_DATA</c>, else <c>./data</c>, plus the set's name), where <see cref="Mnist"/> and
/// <see cref="FashionMnist"/> find them.</para>
/// <para><b>Safe by construction.</b> Each file streams into a temporary file in the same folder while its
/// SHA-256 is computed; only a file of the exact expected size and checksum is renamed into place (an
/// atomic rename), so an interrupted or corrupted download never leaves a file that looks complete.
/// A file already present with the right checksum is kept and not downloaded again. Mirrors are tried in
/// order; when all fail the error lists what each one did and how to fetch the files by hand.</para>
/// <para>The expected sums are constants in this class (they match <c>SHA256SUMS</c> of the reference
/// copies); a server sending anything else is refused, whatever its reason.</para>
/// </remarks>
/// <example>
/// <code>
/// var fetcher = new DatasetFetcher();
/// FetchResult result = await fetcher.FetchAsync("mnist");   // ./data/mnist/*.gz
/// Dataset train = Mnist.Load(train: true);
/// </code>
/// </example>
public sealed class DatasetFetcher
{
    private static readonly Lazy<HttpClient> SharedClient = new(() =>
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Rosenblatt/0.1");
        return client;
    });

    /// <summary>The sets' mirrors and files.</summary>
    private static Dictionary<string, (Uri[] Mirrors, RemoteFile[] Files)> Sets => Catalog.Sets;

    /// <summary>Holds the table apart, so naming the sets (<see cref="Names"/>, which the CLI does whenever it starts) does
    /// not parse its URLs: the first <see cref="Uri"/> costs about 15 ms, a seventh of <c>rosenblatt --version</c>.</summary>
    private static class Catalog
    {
        public static readonly Dictionary<string, (Uri[] Mirrors, RemoteFile[] Files)> Sets = new(StringComparer.Ordinal)
        {
            [Mnist.FolderName] = (
                [
                    new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
                    new("http://yann.lecun.com/exdb/mnist/"),
                ],
                [
                    new("train-images-idx3-ubyte.gz", 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    new("train-labels-idx1-ubyte.gz", 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    new("t10k-images-idx3-ubyte.gz", 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    new("t10k-labels-idx1-ubyte.gz", 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
                ]),
            [FashionMnist.FolderName] = (
                [
                    new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    new("https://storage.googleapis.com/tensorflow/tf-keras-datasets/"),
                ],
                [
                    new("train-images-idx3-ubyte.gz", 26_421_880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    new("train-labels-idx1-ubyte.gz", 29_515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    new("t10k-images-idx3-ubyte.gz", 4_422_102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    new("t10k-labels-idx1-ubyte.gz", 5_148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
                ]),
        };
    }

    private readonly HttpClient _http;
    private readonly Dictionary<string, Uri[]> _mirrors;
    private readonly IReadOnlyDictionary<string, RemoteFile[]> _files = Sets.ToDictionary(s => s.Key, s => s.Value.Files, StringComparer.Ordinal);

    /// <summary>Creates a fetcher that downloads with <paramref name="httpClient"/>, or a shared client when null.</summary>
    /// <param name="httpClient">The client to use (e.g. with a proxy, or a test handler); null for a shared client with a 5-minute timeout.</param>
    public DatasetFetcher(HttpClient? httpClient = null)
        : this(httpClient, null)
    {
    }

    /// <summary>Creates a fetcher that tries the given mirrors instead of the official ones (for a local copy or a test server).</summary>
    /// <param name="httpClient">The client to use; null for the shared client.</param>
    /// <param name="mirrors">Base addresses (ending in '/') per set name; sets not listed keep their official mirrors.</param>
    public DatasetFetcher(HttpClient? httpClient, IReadOnlyDictionary<string, IReadOnlyList<Uri>>? mirrors)
    {
        _http = httpClient ?? SharedClient.Value;
        _mirrors = Sets.ToDictionary(s => s.Key, s => s.Value.Mirrors, StringComparer.Ordinal);
        if (mirrors is not null)
        {
            foreach (var (name, uris) in mirrors)
            {
                CheckName(name, nameof(mirrors));
                if (uris.Count == 0)
                    throw Guard.Error(nameof(mirrors), $"no mirror is given for '{name}'.", "pass at least one base address, or leave the set out to use the official ones.");
                foreach (Uri uri in uris)
                {
                    if (!uri.IsAbsoluteUri || !uri.AbsolutePath.EndsWith('/'))
                        throw Guard.Error(nameof(mirrors), $"the mirror '{uri}' for '{name}' is not an absolute address ending in '/'.",
                            "pass the folder that holds the files, e.g. https://example.org/mnist/ (with the final slash).");
                }
                _mirrors[name] = uris.ToArray();
            }
        }
    }

    /// <summary>Creates a fetcher that expects other files than the official ones: tests serve small fixture files with their own sums.</summary>
    /// <param name="httpClient">The client to use.</param>
    /// <param name="mirrors">Base addresses per set name, as for the public constructor.</param>
    /// <param name="files">The files each listed set consists of, with their sizes and SHA-256 sums.</param>
    internal DatasetFetcher(HttpClient httpClient, IReadOnlyDictionary<string, IReadOnlyList<Uri>> mirrors, IReadOnlyDictionary<string, IReadOnlyList<RemoteFile>> files)
        : this(httpClient, mirrors)
    {
        var all = _files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, list) in files)
        {
            CheckName(name, nameof(files));
            all[name] = list.ToArray();
        }
        _files = all;
    }

    /// <summary>The sets that can be fetched: <c>mnist</c> and <c>fashion-mnist</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Mnist.FolderName, FashionMnist.FolderName];

    /// <summary>The files of a set, with their expected sizes and SHA-256 sums.</summary>
    /// <param name="dataset">One of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException">The name is not a fetchable set.</exception>
    public static IReadOnlyList<RemoteFile> Files(string dataset)
    {
        CheckName(dataset, nameof(dataset));
        return Sets[dataset].Files;
    }

    /// <summary>The base addresses this fetcher tries for a set, in order.</summary>
    /// <param name="dataset">One of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException">The name is not a fetchable set.</exception>
    public IReadOnlyList<Uri> Mirrors(string dataset)
    {
        CheckName(dataset, nameof(dataset));
        return _mirrors[dataset];
    }

    /// <summary>Downloads every file of a set that is not already present and verified.</summary>
    /// <param name="dataset">One of <see cref="Names"/>.</param>
    /// <param name="directory">The data root (the set goes in its sub-folder); null for <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <param name="progress">Receives byte counts as each file arrives; may be null.</param>
    /// <param name="cancellationToken">Stops the download; a partial file is deleted.</param>
    /// <returns>The folder and what happened to each file.</returns>
    /// <exception cref="ArgumentException">The name is not a fetchable set.</exception>
    /// <exception cref="IOException">No mirror could deliver a file (network error, HTTP error), or the folder cannot be written.</exception>
    /// <exception cref="InvalidDataException">Every mirror that answered sent a file of the wrong size or checksum.</exception>
    /// <exception cref="OperationCanceledException">The download was cancelled.</exception>
    public async Task<FetchResult> FetchAsync(string dataset, string? directory = null, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckName(dataset, nameof(dataset));
        string folder = DataDirectory.DownloadFolder(dataset, directory);
        Directory.CreateDirectory(folder);
        var results = new List<FetchedFile>();
        foreach (var file in _files[dataset])
        {
            string target = Path.Combine(folder, file.FileName);
            if (File.Exists(target) && await HasChecksumAsync(target, file, cancellationToken).ConfigureAwait(false))
            {
                results.Add(new FetchedFile(file.FileName, target, file.Bytes, false, null));
                continue;
            }
            Uri source = await DownloadAsync(dataset, file, target, progress, cancellationToken).ConfigureAwait(false);
            results.Add(new FetchedFile(file.FileName, target, file.Bytes, true, source));
        }
        return new FetchResult(dataset, folder, results);
    }

    /// <summary>Whether the file at <paramref name="path"/> has the expected size and SHA-256.</summary>
    /// <param name="path">The file to check.</param>
    /// <param name="expected">The size and sum it must have.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<bool> HasChecksumAsync(string path, RemoteFile expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(expected);
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != expected.Bytes)
            return false;
        await using var stream = File.OpenRead(path);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash) == expected.Sha256;
    }

    private async Task<Uri> DownloadAsync(string dataset, RemoteFile file, string target, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        string folder = Path.GetDirectoryName(target)!;
        // Leftovers of an earlier run that was killed before its cleanup could run.
        IO.AtomicFile.RemoveStale(target);
        var failures = new List<string>();
        bool corrupt = false;
        foreach (Uri mirror in _mirrors[dataset])
        {
            var url = new Uri(mirror, file.FileName);
            string temp = IO.AtomicFile.TempPathFor(target);
            try
            {
                string? problem = await TryDownloadAsync(url, file, temp, progress, cancellationToken).ConfigureAwait(false);
                if (problem is null)
                {
                    File.Move(temp, target, overwrite: true);
                    return url;
                }
                corrupt |= problem.StartsWith("sent ", StringComparison.Ordinal);
                failures.Add($"{url}: {problem}");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{url}: {e.Message}");
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{url}: timed out ({e.Message})");
            }
            catch (IOException e)
            {
                failures.Add($"{url}: the transfer failed ({e.Message})");
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }
        string message =
            $"could not download {dataset} file '{file.FileName}'; nothing was saved for it. Tried:\n  {string.Join("\n  ", failures)}\n" +
            $"help: {(corrupt ? "a mirror sent a damaged or different file; try again later" : "check the internet connection (and HTTPS_PROXY if you need a proxy)")}, " +
            $"or download {file.FileName} by hand into {folder} and check that its SHA-256 is {file.Sha256}.";
        throw corrupt ? new InvalidDataException(message) : new IOException(message);
    }

    /// <summary>Streams one URL into <paramref name="temp"/>, hashing as it goes; returns null on success or what was wrong.</summary>
    private async Task<string?> TryDownloadAsync(Uri url, RemoteFile file, string temp, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                received += n;
                if (received > file.Bytes)
                    return $"sent more than the expected {file.Bytes:N0} bytes";
                hash.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                progress?.Report(new FetchProgress(file.FileName, received, file.Bytes));
            }
        }
        if (received < file.Bytes)
            return $"the download was cut short: {received:N0} of {file.Bytes:N0} bytes arrived";
        string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != file.Sha256)
            return $"sent a file whose SHA-256 is {actual}, not the expected {file.Sha256}";
        return null;
    }

    private static void CheckName(string dataset, string paramName)
    {
        ArgumentNullException.ThrowIfNull(dataset, paramName);
        if (!Sets.ContainsKey(dataset))
            throw Guard.Error(paramName, $"'{dataset}' is not a data set that can be fetched.",
                $"use one of {string.Join(", ", Sets.Keys)}; the small sets (iris, digits, breast-cancer, wine) are built in and need no download.");
    }
}

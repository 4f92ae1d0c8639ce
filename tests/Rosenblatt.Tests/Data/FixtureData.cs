using System.Security.Cryptography;
using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

/// <summary>The small MNIST and Fashion-MNIST cuts kept in the repository (<c>tests/Rosenblatt.Tests/Fixtures/data</c>, README there),
/// copied beside the test binaries, so the tests need nothing outside the clone.</summary>
/// <remarks>The full sets are checked by <c>bench/check-full-data.sh</c>, against <c>../shared/data</c>.</remarks>
internal static class FixtureData
{
    /// <summary>The data root holding <c>mnist/</c> and <c>fashion-mnist/</c> with the official file names.</summary>
    internal static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "data");

    /// <summary>The number of images in every fixture file.</summary>
    internal const int Images = 300;

    internal static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The fixture files of <paramref name="dataset"/> in the download catalog's order, with their own sizes and SHA-256 sums.</summary>
    internal static IReadOnlyList<RemoteFile> Catalog(string dataset) =>
        DatasetFetcher.Files(dataset).Select(official =>
        {
            byte[] bytes = System.IO.File.ReadAllBytes(File(dataset, official.FileName));
            return new RemoteFile(official.FileName, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }).ToArray();
}

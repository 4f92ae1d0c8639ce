using System.Collections.Concurrent;
using System.Security.Cryptography;
using Rosenblatt.Data;
using Sylvan.Data.Csv;

namespace Rosenblatt.Playground.Data;

/// <summary>An uploaded CSV file, checked by the library's loader and kept in memory under a random id.</summary>
/// <param name="Id">The id a configuration names it by.</param>
/// <param name="FileName">The name the user's file had, for messages.</param>
/// <param name="Text">The CSV text.</param>
/// <param name="Columns">Every column's name, in file order.</param>
/// <param name="Rows">The data rows.</param>
/// <param name="HasHeader">Whether the first line names the columns (else they are named as the loader names them).</param>
public sealed record Upload(string Id, string FileName, string Text, IReadOnlyList<string> Columns, int Rows, bool HasHeader);

/// <summary>The uploads of one server, bounded in number: the oldest is forgotten past <see cref="PlaygroundLimits.MaxUploads"/>.</summary>
internal sealed class UploadStore(PlaygroundLimits limits)
{
    private readonly ConcurrentDictionary<string, Upload> _uploads = new();
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Checks <paramref name="text"/> with the library's CSV loader and keeps it.</summary>
    /// <exception cref="Rosenblatt.Data.CsvFormatException">The loader's error, naming line, column and value.</exception>
    /// <exception cref="ArgumentException">More rows than the playground draws, or fewer than three columns.</exception>
    internal Upload Add(string fileName, string text)
    {
        // The library's loader checks every cell (its errors name line, column and value); the header's names come from the
        // same kind of parser, since a data set keeps its feature names but not its label column's.
        var labelLast = CsvLoader.Load(new StringReader(text), fileName, new CsvOptions { Name = fileName });
        if (labelLast.FeatureCount < 2)
            throw new ArgumentException($"{fileName} has {labelLast.FeatureCount + 1} columns; the playground needs at least three: two features to plot (x1, x2) and a label.");
        if (labelLast.Count > limits.MaxPoints)
            throw new ArgumentException($"{fileName} has {labelLast.Count:N0} rows; the playground draws at most {limits.MaxPoints:N0} points. Upload a sample of the rows.");
        var (columns, hasHeader) = ColumnNames(text, labelLast);
        var upload = new Upload(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(), fileName, text, columns, labelLast.Count, hasHeader);
        _uploads[upload.Id] = upload;
        _order.Enqueue(upload.Id);
        while (_order.Count > limits.MaxUploads && _order.TryDequeue(out var oldest))
            _uploads.TryRemove(oldest, out _);
        return upload;
    }

    private static (string[] Columns, bool HasHeader) ColumnNames(string text, Dataset data)
    {
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        // Without a header row the loader names features itself; the label column is then the last, named as the loader would.
        return header.Length == data.FeatureCount + 1 && header[..^1].SequenceEqual(data.FeatureNames)
            ? (header, true)
            : (data.FeatureNames.Append("label").ToArray(), false);
    }

    /// <summary>The upload with <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No such upload (forgotten, or from another start).</exception>
    internal Upload Get(string? id) =>
        id is not null && _uploads.TryGetValue(id, out var upload)
            ? upload
            : throw new ArgumentException("Data: the uploaded file is no longer on the server (it keeps the last few uploads, and none from before a restart). Upload it again.");
}

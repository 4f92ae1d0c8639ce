using System.CommandLine;
using System.Globalization;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Progress;
using Rosenblatt.Data;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands;

/// <summary><c>rosenblatt data</c>: <c>list</c> the data sets <c>--data</c> accepts, <c>fetch</c> MNIST or Fashion-MNIST into the data folder.</summary>
/// <remarks>
/// Downloading is the library's <see cref="DatasetFetcher"/>: official mirrors in order, every file checked
/// for size and SHA-256 before it is renamed into place, files already present and correct kept. Ctrl+C stops
/// the download; the partial file is deleted and running the command again resumes with the missing files.
/// </remarks>
internal static class DataCommand
{
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "data";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Data sets: list what --data accepts, fetch MNIST or Fashion-MNIST.";

    /// <summary>Builds the command and its subcommands.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("set") { Description = $"The set to download: {string.Join(", ", DatasetFetcher.Names)}." };
        name.AcceptOnlyFromAmong([.. DatasetFetcher.Names]);
        var dataDir = new Option<string?>("--data-dir") { Description = "The data folder (default: $ROSENBLATT_DATA, then ./data); the set goes in its own sub-folder.", HelpName = "folder" };
        var fetch = new Command("fetch", "Download MNIST or Fashion-MNIST (four .gz files, checksums verified) into the data folder.") { name, dataDir };
        fetch.SetAction(parse => Fetch(cli, parse, parse.GetValue(name)!, parse.GetValue(dataDir)));

        var list = new Command("list", "List the data sets --data accepts: built-in, data folder, gates, synthetic.");
        list.SetAction(parse => List(cli, parse));

        return new Command(Name, Description) { list, fetch };
    }

    private static int Fetch(CliContext cli, ParseResult parse, string set, string? directory)
    {
        var fetcher = new DatasetFetcher();
        bool json = cli.IsJson(parse);
        FetchResult result;
        try
        {
            result = json ? fetcher.FetchAsync(set, directory, null, cli.Cancellation).GetAwaiter().GetResult()
                : PhaseStatus.Run(cli, json, $"Fetching {set}", $"Fetched {set}", phase => Download(fetcher, set, directory, phase, cli));
        }
        catch (OperationCanceledException)
        {
            throw new OperationCanceledException($"the download of {set} was stopped (Ctrl+C); no partial file was kept. help: run 'rosenblatt data fetch {set}' again to fetch the missing files.");
        }
        var document = new FetchDocument(result.Dataset, result.Folder,
            [.. result.Files.Select(f => new FetchedRow(f.FileName, f.Bytes, f.Downloaded, f.Source?.ToString()))]);
        return cli.Write(parse, document, console =>
        {
            var table = CliTable.Create("file", "size", "status");
            foreach (var f in document.Files)
                table.AddPlainRow(f.File, Megabytes(f.Bytes), f.Downloaded ? $"downloaded from {f.Source}" : "already present, checksum ok");
            console.Write(table);
            console.WriteLine($"{set} is in {document.Folder}; train on it with: rosenblatt train --data {set}");
        });
    }

    /// <summary>Fetches with a line per file and the byte count as it arrives: the status text on a terminal, the heartbeat's
    /// line about once a second in a log (a 9.5 MB file on a slow link is minutes without one).</summary>
    private static FetchResult Download(DatasetFetcher fetcher, string set, string? directory, IPhase phase, CliContext cli)
    {
        string? current = null;
        var progress = new SyncProgress<FetchProgress>(p =>
        {
            if (p.FileName != current)
            {
                current = p.FileName;
                phase.Say($"downloading {p.FileName} ({Megabytes(p.TotalBytes)}) ...");
            }
            phase.Show(Received(p));
        });
        return fetcher.FetchAsync(set, directory, progress, cli.Cancellation).GetAwaiter().GetResult();
    }

    /// <summary>How much of a file has arrived, e.g. <c>downloading train-images-idx3-ubyte.gz: 4.2 of 9.5 MB</c>.</summary>
    /// <param name="p">The download's progress.</param>
    internal static string Received(FetchProgress p) =>
        $"downloading {p.FileName}: {(p.BytesReceived / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture)} of {Megabytes(p.TotalBytes)}";

    private static int List(CliContext cli, ParseResult parse)
    {
        var rows = new List<SetRow>();
        rows.AddRange(BuiltInDatasets.Catalog.Select(c => new SetRow(c.Name, "built-in",
            $"{c.Samples} rows, {c.Features} features, {c.Classes} classes")));
        rows.Add(new SetRow("mnist, fashion-mnist", "data folder", "70,000 28×28 images; get them with 'rosenblatt data fetch mnist'"));
        rows.Add(new SetRow("and, or, nand, nor, xor, xnor", "gate", "truth tables; andN, orN, parityN for N inputs"));
        rows.Add(new SetRow(string.Join(", ", SyntheticDatasets.Names.Select(n => n == "xor" ? DataArgument.XorBlobs : n)), "synthetic", "2-D points; --samples N, --noise X"));
        rows.Add(new SetRow("path/to/file.csv", "CSV", "numeric features, label in the last column or --label"));
        return cli.Write(parse, rows, console =>
        {
            var table = CliTable.Create("--data", "kind", "what");
            foreach (var r in rows)
                table.AddPlainRow(r.Name, r.Kind, r.Description);
            console.Write(table);
        });
    }

    private static string Megabytes(long bytes) => (bytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>One line of <c>data list</c>.</summary>
    internal sealed record SetRow(string Name, string Kind, string Description);

    /// <summary>One file of <c>data fetch</c>.</summary>
    internal sealed record FetchedRow(string File, long Bytes, bool Downloaded, string? Source);

    /// <summary>The <c>--json</c> document of <c>data fetch</c>.</summary>
    internal sealed record FetchDocument(string Set, string Folder, IReadOnlyList<FetchedRow> Files);
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Rosenblatt.Cli.Tests.Commands;

namespace Rosenblatt.Cli.Tests.BadInput;

/// <summary>
/// The shared bad-input battery at the command line: every command that reads a model file, a data file or a size
/// is fed the same classes of bad input (a device, a file claiming sizes it cannot hold or that overflow 32 bits, data
/// with far more classes than rows per class, rows wider than a small buffer, options that multiply into absurd sizes,
/// outputs that cannot be written) and must answer as a user error does: exit 1, one <c>error: ... help: ...</c> line,
/// no stack trace, quickly and without allocating what the input claims.
/// </summary>
public class CommandBadInputBattery : IClassFixture<CommandBadInputBattery.Files>
{
    private readonly Files _files;

    public CommandBadInputBattery(Files files) => _files = files;

    /// <summary>The bad files, made once for the whole battery.</summary>
    public sealed class Files : IDisposable
    {
        private readonly TempFiles _temp = new();

        public Files()
        {
            Root = _temp.Folder;
            Iris = TrainedModels.Iris;
            foreach (var (name, inputs, units) in new[] { ("claims-46341", 46341, 46341), ("claims-65536", 65536, 65536), ("claims-100000", 100000, 100000), ("claims-40000", 40000, 40000) })
            {
                var root = JsonNode.Parse(File.ReadAllText(Iris))!.AsObject();
                root["architecture"]!["inputs"] = inputs;
                root["architecture"]!["layers"]![0]!["units"] = units;
                root["featureNames"] = null;
                root["preprocessing"] = new JsonObject { ["scaler"] = "none" };
                File.WriteAllText(_temp.PathOf(name + ".json"), root.ToJsonString());
            }
            _temp.Write("not-a-model.json", "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n");
            var many = new StringBuilder("a,b,label\n");
            for (int r = 0; r < 3000; r++)
                many.Append(CultureInfo.InvariantCulture, $"{r % 7},{r % 11},id{r}\n");
            _temp.Write("many-classes.csv", many.ToString());
            var wide = new StringBuilder();
            wide.AppendJoin(',', Enumerable.Range(0, 3200).Select(i => $"f{i}")).Append(",label\n");
            for (int r = 0; r < 40; r++)
                wide.AppendJoin(',', Enumerable.Range(0, 3200).Select(i => ((r * 7 + i) % 13).ToString(CultureInfo.InvariantCulture))).Append(r % 2 == 0 ? ",yes\n" : ",no\n");
            _temp.Write("wide.csv", wide.ToString());
            string mnist = Directory.CreateDirectory(_temp.PathOf(Path.Combine("idx", "mnist"))).FullName;
            // An images header claiming 1.3 million 28×28 images (1 GB) over a file that holds 10.
            File.WriteAllBytes(Path.Combine(mnist, "train-images-idx3-ubyte.gz"), Gzip(Idx(0x803, [1_300_000, 28, 28], new byte[10 * 784])));
            File.WriteAllBytes(Path.Combine(mnist, "train-labels-idx1-ubyte.gz"), Gzip(Idx(0x801, [10], new byte[10])));
            Directory.CreateDirectory(_temp.PathOf("plots"));
        }

        public string Root { get; }

        public string Iris { get; }

        public string PathOf(string name) => _temp.PathOf(name);

        public void Dispose() => _temp.Dispose();

        private static byte[] Idx(int magic, int[] dims, byte[] data)
        {
            var bytes = new byte[4 + 4 * dims.Length + data.Length];
            BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
            for (int d = 0; d < dims.Length; d++)
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
            data.CopyTo(bytes, 4 + 4 * dims.Length);
            return bytes;
        }

        private static byte[] Gzip(byte[] raw)
        {
            using var output = new MemoryStream();
            using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                gz.Write(raw);
            return output.ToArray();
        }
    }

    /// <summary>Every command that reads a model file, with {model} where the file goes.</summary>
    public static TheoryData<string> ModelCommands => new()
    {
        "info --model {model}",
        "evaluate --model {model} --data iris",
        "predict --model {model} --input 5.1,3.5,1.4,0.2",
        "plot --model {model} --out-dir {root}/plots",
    };

    /// <summary>Every command that reads a CSV file, with {csv} where the file goes.</summary>
    public static TheoryData<string> CsvCommands => new()
    {
        "train --data {csv}",
        "mlp --data {csv}",
        "perceptron --data {csv}",
        "separable --data {csv}",
        "evaluate --model {iris} --data {csv}",
        "predict --model {iris} --data {csv}",
        "plot --model {iris} --data {csv} --out-dir {root}/plots",
    };

    private CliRun Run(string line, string? model = null, string? csv = null)
    {
        string[] args = line.Split(' ');
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = args[i].Replace("{model}", model, StringComparison.Ordinal).Replace("{csv}", csv, StringComparison.Ordinal)
                .Replace("{iris}", _files.Iris, StringComparison.Ordinal).Replace("{root}", _files.Root, StringComparison.Ordinal);
        }
        return CliRun.Of(args);
    }

    /// <summary>Runs and asserts a user error within a generous time, returning the error line.</summary>
    private string Refused(string line, string? model = null, string? csv = null, params string[] fragments)
    {
        var clock = Stopwatch.StartNew();
        var run = Run(line, model, csv);
        string error = UserErrors.AssertOneLine(run, fragments);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{line}: {clock.Elapsed}");
        return error;
    }

    [Theory]
    [MemberData(nameof(ModelCommands))]
    public void ModelCommands_DevZeroAsTheModel_AreRefusedAtTheFirstByte(string line)
    {
        if (File.Exists("/dev/zero"))
            Refused(line, model: "/dev/zero", fragments: ["/dev/zero", "does not start with a JSON object"]);
    }

    [Theory]
    [MemberData(nameof(ModelCommands))]
    public void ModelCommands_AModelClaimingSizesThatOverflow32Bits_GiveTheTrue64BitProduct(string line)
    {
        Refused(line, model: _files.PathOf("claims-46341.json"), fragments: ["46,341 inputs × 46,341 units = 2,147,488,281"]);
        Refused(line, model: _files.PathOf("claims-65536.json"), fragments: ["= 4,294,967,296"]);
        string wide = Refused(line, model: _files.PathOf("claims-100000.json"), fragments: ["= 10,000,000,000"]);
        Assert.DoesNotContain("1410065408", wide);
    }

    [Theory]
    [MemberData(nameof(ModelCommands))]
    public void ModelCommands_ASmallFileClaimingAHugeLayer_IsRefusedWithoutAllocatingIt(string line)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Refused(line, model: _files.PathOf("claims-40000.json"), fragments: ["40,000 inputs × 40,000 units"]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 512L << 20, $"{line} allocated {allocated:N0} bytes for a 6 GB claim");
    }

    [Theory]
    [MemberData(nameof(ModelCommands))]
    public void ModelCommands_ADataFileGivenAsTheModel_IsRefused(string line) =>
        Refused(line, model: _files.PathOf("not-a-model.json"), fragments: ["not a Rosenblatt model file"]);

    [Theory]
    [MemberData(nameof(CsvCommands))]
    public void CsvCommands_DevZeroAsTheData_IsRefusedQuickly(string line)
    {
        if (File.Exists("/dev/zero"))
            Refused(line, csv: "/dev/zero", fragments: ["/dev/zero"]);
    }

    [Theory]
    [MemberData(nameof(CsvCommands))]
    public void CsvCommands_FarMoreClassesThanRowsPerClass_GetAClearAnswerQuickly(string line)
    {
        string error = Refused(line, csv: _files.PathOf("many-classes.csv"));
        Assert.DoesNotContain("stratify", error);
        Assert.Contains("class", error);
    }

    [Theory]
    [InlineData("train --data {csv} --epochs 1")]
    [InlineData("mlp --data {csv} --epochs 1")]
    [InlineData("perceptron --data {csv} --epochs 1")]
    public void CsvCommands_RowsOfThousandsOfColumns_Load(string line)
    {
        var run = Run(line, csv: _files.PathOf("wide.csv"));
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.DoesNotContain("MaxBufferSize", run.Err);
    }

    [Theory]
    [InlineData("train --data iris --layers 40000,40000", "--layers 40000,40000", "1,600,")]
    [InlineData("train --data iris --layers 100000,100000,100000", "--layers 100000,100000,100000", "parameters")]
    [InlineData("train --data digits --layers 20000,20000", "--layers 20000,20000", "400,")]
    [InlineData("mlp --gate xor --layers 2,40000,40000,1", "--layers 2,40000,40000,1", "1,600,")]
    [InlineData("mlp --gate xor --layers 2,2000000000,2000000000,1", "--layers", "parameters")]
    [InlineData("train --data circle --samples 2000000000", "--samples", "1,000,000")]
    public void SizeOptions_ThatMultiplyIntoAbsurdSizes_AreRefusedUpFront_NamingTheOptionAndTheSize(string line, string option, string size)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Refused(line, fragments: [option, size, "limit"]);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L << 20);
    }

    [Theory]
    [InlineData("evaluate --model {model} --data circle")]
    [InlineData("plot --model {model} --data circle --out-dir {root}/plots")]
    public void AModelFileRecordingABillionSyntheticSamples_IsNotBelieved(string line)
    {
        var root = JsonNode.Parse(File.ReadAllText(TrainedModels.Moons))!.AsObject();
        root["training"]!["metrics"]!["samples"] = 2e9;
        string model = _files.PathOf($"claims-samples-{line.Split(' ')[0]}.json");
        File.WriteAllText(model, root.ToJsonString());
        long before = GC.GetAllocatedBytesForCurrentThread();
        Refused(line, model: model, fragments: ["2000000000 samples", "cannot be regenerated"]);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L << 20);
    }

    [Fact]
    public void Train_LayersAndBatchThatNeedTooMuchMemory_AreRefusedNamingBothAndTheSize()
    {
        // MNIST-sized data, one 30,000-unit layer (24 M parameters, within the limit) and full batches of 60,000 rows: about 21 GB.
        var settings = new Rosenblatt.Cli.Modeling.TrainSettings("mnist", "network", [30_000], "relu", "adam", 0.001, 0, 30, 1_000_000, 42, 0.2, 0, null,
            "auto", null, new Rosenblatt.Cli.Conventions.DataRequest());
        var e = Assert.Throws<ArgumentException>(() => settings.CheckSize(784, 10, 60_000));
        Assert.Matches(@"--layers 30000 with --batch 1000000 needs about 2\d(\.\d)? GB of memory", e.Message);
        Assert.Contains("the limit is 8 GB", e.Message);
        Assert.Contains("help:", e.Message);
        settings.CheckSize(784, 10, 60_000 / 100);   // the same network in batches of 600 rows fits
    }

    [Fact]
    public void Train_AnIdxHeaderClaimingMillionsOfImages_IsRefusedWithoutAllocatingThem()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Refused($"train --data mnist --data-dir {_files.PathOf("idx")}", fragments: ["1300000 × 28 × 28", "truncated"]);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L << 20);
    }

    [Theory]
    [InlineData("train --data iris --out {root}/missing/model.json", "--out")]
    [InlineData("predict --model {iris} --input 5.1,3.5,1.4,0.2 --out {root}/missing/p.csv", "--out")]
    [InlineData("backprop --dot {root}/missing/graph.dot", "--dot")]
    [InlineData("plot --model {iris} --out-dir {iris}", "--out-dir")]
    [InlineData("demo --out-dir {iris}", "--out-dir")]
    [InlineData("plot --model {iris} --out-dir {iris}/sub", "--out-dir")]
    public void Outputs_ThatCannotBeWritten_AreRefused(string line, string option) =>
        Refused(line, fragments: [option]);

    [Theory]
    [InlineData("train --data iris --out /sys/model.json", "--out")]
    [InlineData("predict --model {iris} --input 5.1,3.5,1.4,0.2 --out /sys/p.csv", "--out")]
    [InlineData("plot --model {iris} --out-dir /sys/plots", "--out-dir")]
    [InlineData("demo --out-dir /sys/demo", "--out-dir")]
    public void Outputs_InAFolderThatAcceptsNoNewFiles_AreRefusedBeforeWork(string line, string option)
    {
        // /sys refuses new files even to root, so this holds however the tests run; elsewhere there is no such folder to try.
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys"))
            return;
        Refused(line, fragments: [option, "does not accept new files"]);
    }
}

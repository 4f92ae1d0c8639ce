using System.Diagnostics;
using System.Text.Json.Nodes;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Serialization;

namespace Rosenblatt.Tests.Serialization;

/// <summary>Sizes a model file claims are checked, in 64-bit arithmetic, against what the file holds and the documented caps,
/// before anything is allocated; a file that is not JSON at all (a device, a data file) is refused at its first byte.</summary>
public sealed class ModelFileClaimTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Edited(string name, Action<JsonObject> edit, bool perceptron = false)
    {
        string path = _folder.File(name);
        if (perceptron)
        {
            var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
            p.Fit(LogicGate.And.X, LogicGate.And.Y);
            ModelFile.Save(path, p);
        }
        else
        {
            ModelFile.Save(path, new Network(2, new Dense(3, "tanh"), new Dense(1, "sigmoid")));
        }
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    [Theory]
    [InlineData(46341, 46341, "2,147,488,281")]
    [InlineData(65536, 65536, "4,294,967,296")]
    [InlineData(100000, 100000, "10,000,000,000")]
    [InlineData(40000, 40000, "1,600,000,000")]
    public void Load_ANetworkClaimingAHugeLayer_IsRefusedWithTheTrueProduct_BeforeAllocating(int inputs, int units, string product)
    {
        string path = Edited($"huge-{inputs}.json", root =>
        {
            root["architecture"]!["inputs"] = inputs;
            root["architecture"]!["layers"]![0]!["units"] = units;
            root["featureNames"] = null;
        });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains($"= {product}", ex.Message);
        Assert.Contains("help:", ex.Message);
        Assert.DoesNotContain("Overflow", ex.Message);
        // Claims of gigabytes were never allocated: the whole load stayed within a few megabytes.
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData(65536, 65537)]
    [InlineData(100000, 3)]
    public void Load_APerceptronClaimingAHugeShape_IsRefusedWithTheTrueProduct(int inputs, int labels)
    {
        string path = Edited($"p-{inputs}.json", root =>
        {
            root["architecture"]!["inputs"] = inputs;
            root["featureNames"] = null;
            if (labels > 2)
            {
                root["labels"]!["names"] = new JsonArray([.. Enumerable.Range(0, labels).Select(i => (JsonNode)JsonValue.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture))!)]);
                root["architecture"]!["layers"]![0]!["units"] = labels;
            }
        }, perceptron: true);
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        long product = (long)inputs * (labels > 2 ? labels : 1);
        Assert.Contains($"= {product:N0}", ex.Message);
    }

    [Fact]
    public void Load_DevZero_IsRefusedAtTheFirstByte_Quickly()
    {
        if (!File.Exists("/dev/zero"))
            return;
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load("/dev/zero"));
        Assert.Contains("does not start with a JSON object", ex.Message);
        Assert.Contains("0x00", ex.Message);
        // Generous: reading all of /dev/zero took 20 s and 4 GB before; refusing at the first byte takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public void Load_ACsvFile_IsRefusedAtTheFirstByte()
    {
        string path = _folder.File("iris.csv");
        File.WriteAllText(path, "a,b,label\n1,2,x\n");
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        Assert.Contains("0x61 ('a')", ex.Message);
    }

    [Fact]
    public void Load_AFileLargerThanTheCap_IsRefusedBeforeReading()
    {
        string path = _folder.File("sparse.json");
        using (var stream = File.Create(path))
        {
            stream.WriteByte((byte)'{');
            stream.SetLength(ModelFile.MaxFileBytes + 1);   // sparse: takes no disk space
        }
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        Assert.Contains("more than a model file may be", ex.Message);
        Assert.Contains("1,073,741,825", ex.Message);
    }
}

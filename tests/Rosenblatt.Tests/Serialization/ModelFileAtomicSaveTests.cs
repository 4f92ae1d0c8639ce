using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Linear;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;

namespace Rosenblatt.Tests.Serialization;

/// <summary>A save that fails at any point leaves the file that was there byte for byte, and no temporary file behind.</summary>
public sealed class ModelFileAtomicSaveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Perceptron Trained(int epochs = 10)
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = epochs });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        return p;
    }

    private (string Path, byte[] Bytes) Existing()
    {
        string path = _folder.File("model.json");
        ModelFile.Save(path, Trained());
        return (path, File.ReadAllBytes(path));
    }

    private void AssertOnlyTheOriginalRemains(string path, byte[] bytes)
    {
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Save_OverAnExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        var (path, before) = Existing();
        ModelFile.Save(path, Trained(epochs: 2), new ModelSaveOptions { FeatureNames = ["x", "y"] });
        Assert.NotEqual(before, File.ReadAllBytes(path));
        Assert.Equal(["x", "y"], ModelFile.Load(path).FeatureNames);
        Assert.Single(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Save_OfAnUnfittedModel_LeavesTheOldFileUntouched()
    {
        var (path, bytes) = Existing();
        Assert.Throws<NotFittedException>(() => ModelFile.Save(path, new Perceptron()));
        AssertOnlyTheOriginalRemains(path, bytes);
    }

    [Fact]
    public void Save_OfAModelThatCannotBeSerialized_LeavesTheOldFileUntouched()
    {
        var (path, bytes) = Existing();
        var p = new Perceptron<double>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, [0.0, 0, 0, 1]);
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(path, p));
        Assert.Contains("labels of type Double cannot be saved", ex.Message);
        AssertOnlyTheOriginalRemains(path, bytes);
    }

    [Fact]
    public void Save_WithAScalerForOtherData_LeavesTheOldFileUntouched()
    {
        var (path, bytes) = Existing();
        var scaler = new StandardScaler().Fit([[1.0, 2, 3], [4, 5, 6]]);
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(path, Trained(), new ModelSaveOptions { Scaler = scaler }));
        Assert.Contains("the scaler was fitted on 3 features but the model has 2", ex.Message);
        ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(path, Trained(), new ModelSaveOptions { Scaler = new MinMaxScaler() }));
        Assert.Contains("has not been fitted", ex.Message);
        AssertOnlyTheOriginalRemains(path, bytes);
    }

    [Fact]
    public void Save_FailingAfterTheTemporaryFileIsWritten_LeavesTheOldFileAndRemovesTheTemporary()
    {
        var (path, bytes) = Existing();
        string? temp = null;
        Rosenblatt.IO.AtomicFile.BeforeReplace.Value = t =>
        {
            temp = t;
            Assert.True(File.Exists(t));
            throw new IOException("disk full (simulated)");
        };
        try
        {
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(path, Trained(epochs: 2)));
            Assert.Contains("disk full (simulated)", ex.Message);
            Assert.Contains("unchanged", ex.Message);
        }
        finally
        {
            Rosenblatt.IO.AtomicFile.BeforeReplace.Value = null;
        }
        Assert.NotNull(temp);
        Assert.Equal(_folder.Path, Path.GetDirectoryName(temp));
        AssertOnlyTheOriginalRemains(path, bytes);
    }

    [Fact]
    public void Save_OntoAFolder_IsAClearErrorAndTouchesNothing()
    {
        string folder = _folder.File("models");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "kept");
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(folder, Trained()));
        Assert.Contains("is a folder", ex.Message);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "keep.txt")));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Save_IntoAMissingFolder_SaysSo()
    {
        string path = Path.Combine(_folder.Path, "no-such-folder", "m.json");
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(path, Trained()));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void Save_AfterAKilledSave_RemovesTheTemporaryFilesItLeftAndKeepsOthers()
    {
        var (path, _) = Existing();
        // What a save killed between writing and renaming leaves behind, in this and earlier versions' names.
        string[] stale =
        [
            _folder.File($".model.json.{Guid.NewGuid():N}.tmp.json"),
            _folder.File($".model.json.{Guid.NewGuid():N}.tmp"),
            _folder.File($".model.{Guid.NewGuid():N}.tmp.json"),
        ];
        foreach (string file in stale)
            File.WriteAllText(file, "half a model");
        string otherTarget = _folder.File($".other.json.{Guid.NewGuid():N}.tmp.json");
        string usersOwn = _folder.File(".model.json.notes");
        File.WriteAllText(otherTarget, "another file's save");
        File.WriteAllText(usersOwn, "mine");

        ModelFile.Save(path, Trained(epochs: 2), new ModelSaveOptions { FeatureNames = ["x", "y"] });

        Assert.All(stale, file => Assert.False(File.Exists(file), file));
        Assert.True(File.Exists(otherTarget));
        Assert.True(File.Exists(usersOwn));
        Assert.Equal(["x", "y"], ModelFile.Load(path).FeatureNames);
    }
}

using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>Two Fit calls on one network at once get "this network is already training", not a matrix-shape error.</summary>
public class ConcurrentFitTests
{
    private sealed class OnEpoch(Action<EpochRecord> action) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => action(value);
    }

    [Fact]
    public async Task Fit_FromAnotherThreadWhileTraining_SaysTheNetworkIsAlreadyTraining()
    {
        var (x, y) = TrainerTests.Blobs(seed: 3, rows: 64);
        var network = new Network(2, [new Dense(8, "tanh"), new Dense(1, "sigmoid")], 1);
        using var started = new ManualResetEventSlim();
        using var checkedSecond = new ManualResetEventSlim();
        var first = Task.Run(() => new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 16 }).Fit(
            network, BinaryCrossEntropy.Instance, new Sgd(0.1), x, y, progress: new OnEpoch(e =>
            {
                if (e.Epoch != 1) return;
                started.Set();
                Assert.True(checkedSecond.Wait(TimeSpan.FromMinutes(2)));
            })));
        Assert.True(started.Wait(TimeSpan.FromMinutes(2)));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 7 }).Fit(network, BinaryCrossEntropy.Instance, new Sgd(0.1), x, y));
        checkedSecond.Set();
        Assert.Contains("this network is already training", error.Message);
        Assert.Contains("help:", error.Message);
        Assert.Equal(3, (await first).Epochs.Count);
    }

    [Fact]
    public void Fit_AfterAFitThatThrew_TrainsAgain()
    {
        var (x, y) = TrainerTests.Blobs(seed: 3, rows: 32);
        var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], 1);
        var trainer = new Trainer(new TrainerOptions { Epochs = 2 });
        Assert.Throws<InvalidOperationException>(() => trainer.Fit(network, BinaryCrossEntropy.Instance, new Sgd(0.1), x, y,
            progress: new OnEpoch(_ => throw new InvalidOperationException("stop"))));
        Assert.Equal(2, trainer.Fit(network, BinaryCrossEntropy.Instance, new Sgd(0.1), x, y).Epochs.Count);
    }
}

using Rosenblatt.Data;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Cli.Modeling;

/// <summary>Compiles the code an epoch on an image set runs, on the spare core, while the images load.</summary>
/// <remarks>
/// <para>Why: the tool ships ReadyToRun code, but the training kernels cannot be among it: they pick their vector width
/// (AVX-512, AVX2 + FMA, or none) on the machine they run on, and the runtime compiles every method that asks the
/// processor such a question when it is first called. So do the generic methods of <c>System.Numerics.Tensors</c> that the
/// kernels call, and the training path's methods marked to be compiled fully optimized. Left to the first epoch, those first
/// calls cost 0.1–0.2 s of compiling on the training threads (bench/RESULTS.md, "JIT share of the first epoch"). Loading MNIST takes about 0.5 s on one core and leaves the other idle: a tiny fit of the same network on
/// random images there (three batches, then a prediction) compiles them before the real epoch starts.</para>
/// <para>The warm-up never touches the user's data, network or random numbers: it has its own, so results are the same
/// bits with or without it. It runs only for the image sets (<c>mnist</c>, <c>fashion-mnist</c>), whose loading gives it
/// the time, and only for networks small enough that it costs a few milliseconds of that idle core. Anything it throws is
/// ignored: the real run then compiles what it needs as before.</para>
/// <para>The CLI turns off tiered compilation (see <c>Rosenblatt.Cli.csproj</c>), so what the warm-up compiles is the
/// final, optimized code: nothing is compiled again during the epoch.</para>
/// </remarks>
internal static class TrainingWarmUp
{
    /// <summary>The side of the images the image sets hold (MNIST and Fashion-MNIST are 28×28).</summary>
    private const int Side = 28;

    /// <summary>Classes in the image sets.</summary>
    private const int Classes = 10;

    /// <summary>Batches the warm-up fit runs: more than one, so the trainer takes the split step an epoch takes.</summary>
    private const int Batches = 3;

    /// <summary>The largest first-layer product (batch × inputs × units) the warm-up runs: past it the network is big
    /// enough that its own first steps dwarf the compiling, and the warm-up would only add work.</summary>
    private const long MaxWork = 64L * 784 * 1024;

    /// <summary>Whether <see cref="Start"/> warms up at all; tests turn it off to show the results do not depend on it.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Starts the warm-up for <paramref name="s"/> on the thread pool, or returns a finished task when it does not apply.</summary>
    /// <param name="s">The run's settings.</param>
    /// <param name="imageSet">Whether <c>--data</c> names an image set from the data folder.</param>
    /// <returns>The warm-up; wait for it before training, so the two do not compete for the cores.</returns>
    public static Task Start(TrainSettings s, bool imageSet)
    {
        if (!Enabled || !imageSet || s.Model != "network" || s.Hidden.Length == 0
            || (long)Math.Min(s.Batch, 1024) * Side * Side * s.Hidden[0] > MaxWork)
            return Task.CompletedTask;
        return Task.Run(() =>
        {
            try
            {
                _ = Run(s);
            }
            catch (Exception)
            {
                // Only compiling was at stake: the real run compiles whatever this did not reach.
            }
        });
    }

    /// <summary>The warm-up itself: one epoch of the run's network on random images, then a prediction.</summary>
    /// <param name="s">The run's settings.</param>
    /// <returns>The rows predicted (three batches).</returns>
    internal static int Run(TrainSettings s)
    {
        int batch = Math.Clamp(s.Batch, 1, 1024);
        int count = batch * Batches;
        var random = new Random(s.Seed);
        var pixels = new byte[count * Side * Side];
        random.NextBytes(pixels);
        var images = new IdxImages(count, Side, Side, pixels);
        string[] labels = [.. Enumerable.Range(0, count).Select(i => (i % Classes).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        Scaler? scaler = Commands.TrainCommand.ScalerFor(s.EffectiveScale(Conventions.DataKind.Images));
        scaler?.Fit(images);
        var network = new MlpClassifier<string>(new MlpOptions
        {
            HiddenLayers = s.Hidden, Activation = s.Activation, Optimizer = s.Optimizer, LearningRate = s.LearningRate, Momentum = s.Momentum,
            Epochs = 1, BatchSize = batch, Seed = s.Seed,
        });
        network.Fit(images, scaler, labels);
        return network.PredictProbabilities(images, scaler).Length;
    }
}

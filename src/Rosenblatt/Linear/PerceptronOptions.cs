using Rosenblatt.Diagnostics;

namespace Rosenblatt.Linear;

/// <summary>The hyperparameters of a <see cref="Perceptron{TLabel}"/>: everything you choose before training.</summary>
/// <remarks>
/// Options are an immutable record, apart from the learned state, so a run is described by one value
/// that can be printed, compared and saved. <see cref="Validate"/> runs before any work starts.
/// The defaults are seed 000's (<c>learning_rate=0.01, n_iters=1000</c>, zero weights, no shuffling).
/// </remarks>
public sealed record PerceptronOptions
{
    /// <summary>The step size lr of the rule <c>w += lr·(target − prediction)·x</c>. With zero initial weights it only scales w, never changes predictions.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>The most passes over the data; training stops earlier after the first epoch with zero mistakes.</summary>
    public int MaxEpochs { get; init; } = 1000;

    /// <summary>How weights and bias start.</summary>
    public WeightInitialization Initialization { get; init; } = WeightInitialization.Zeros;

    /// <summary>The half-width of the uniform range for <see cref="WeightInitialization.SmallRandom"/>.</summary>
    public double InitialScale { get; init; } = 0.01;

    /// <summary>Whether to visit the samples in a new random order every epoch (off: truth-table order, as in the seeds).</summary>
    public bool Shuffle { get; init; }

    /// <summary>The seed for random initial weights and shuffling; the same seed gives the same run.</summary>
    public int Seed { get; init; }

    /// <summary>Which weights to keep at the end.</summary>
    public PerceptronVariant Variant { get; init; } = PerceptronVariant.Classic;

    /// <summary>Whether to record every step of the rule (epoch, sample, prediction, weights before and after). Costs memory: one entry per sample per epoch.</summary>
    public bool RecordSteps { get; init; }

    /// <summary>Whether <see cref="Perceptron{TLabel}.Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel})"/> checks each unit's data for linear
    /// separability after training (on by default), so the report can prove why a run did not converge (XOR) or bound the updates it needs.</summary>
    /// <remarks>The check is exact on small data and capped at 5 million multiply-adds per unit. Data so large that one pass of
    /// its maximum-margin search alone exceeds the cap (rows × (features + 1) × 2 &gt; 5,000,000, e.g. MNIST) is not searched:
    /// each unit's result is <see cref="SeparabilityVerdict.Undecided"/> with an explanation that says so. Turn the option off
    /// for timing: the report then has no separability results and no update bound, and its summary says the data was not
    /// analysed. Training itself is unchanged either way.</remarks>
    public bool AnalyzeSeparability { get; init; } = true;

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Guard.Positive(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1; with zero initial weights any positive value learns the same boundary.");
        Guard.InRange(LearningRate, double.Epsilon, 1e6, nameof(LearningRate), "a learning rate above 1e6 only invites overflow; typical values are 0.01 to 1.");
        Guard.Float32Step(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1; the float32 path (a Matrix or images) would round this rate to nothing.");
        Guard.AtLeast(MaxEpochs, 1, nameof(MaxEpochs), "train for at least one epoch (one pass over the data), e.g. 10 for the logic gates.");
        Guard.AtMost(MaxEpochs, 100_000_000, nameof(MaxEpochs), "that many epochs will not finish; if the data is not separable, more epochs never help.");
        if (Initialization == WeightInitialization.SmallRandom)
            Guard.Positive(InitialScale, nameof(InitialScale), "use a small value such as 0.01.");
        if (!Enum.IsDefined(Variant))
            throw Guard.Error(nameof(Variant), $"Variant {(int)Variant} is not defined.", "use Classic, Pocket or Averaged.");
        if (!Enum.IsDefined(Initialization))
            throw Guard.Error(nameof(Initialization), $"Initialization {(int)Initialization} is not defined.", "use Zeros or SmallRandom.");
    }
}

using Rosenblatt.Diagnostics;

namespace Rosenblatt.Linear;

/// <summary>The hyperparameters of <see cref="LogisticRegression{TLabel}"/>.</summary>
/// <remarks>
/// Training is plain full-batch gradient descent on the cross-entropy by default: the loss is convex,
/// so with a sensible learning rate it always converges, which is the point of comparison with the
/// perceptron. Training stops when the loss has improved by less than <see cref="Tolerance"/> for
/// <see cref="Patience"/> epochs in a row.
/// </remarks>
public sealed record LogisticRegressionOptions
{
    /// <summary>The gradient-descent step size.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>The most epochs (passes over the data).</summary>
    public int MaxEpochs { get; init; } = 5000;

    /// <summary>Samples per step, at least 1; the default, <see cref="Training.TrainerOptions.FullBatch"/>, is the whole data set (full-batch gradient descent).</summary>
    public int BatchSize { get; init; } = Training.TrainerOptions.FullBatch;

    /// <summary>The L2 penalty λ on the weights (not the bias); 0 for none. It keeps weights finite on separable data.</summary>
    /// <remarks>
    /// <para>Full-batch training minimizes the mean cross-entropy plus (λ/2)·‖w‖²: the optimizer adds λ·w to the mean
    /// gradient. scikit-learn's <c>LogisticRegression(C=…)</c> minimizes C·Σ cross-entropy + ½·‖w‖² (the sum over the n
    /// training rows, the intercept unpenalized). Dividing that by C·n gives the same problem, so
    /// <c>L2 = 1 / (C · n)</c> and <c>C = 1 / (L2 · n)</c>: scikit-learn's default C = 1 on the 1,437 digits training rows is
    /// L2 ≈ 6.96e-4. Mini-batches use the same λ per step, so the mapping holds for the full-batch objective they descend.</para>
    /// </remarks>
    public double L2 { get; init; }

    /// <summary>The loss improvement below which an epoch counts as "no progress".</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Epochs without progress before training stops as converged.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>The optimizer's name: sgd (default), momentum, nesterov or adam.</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The seed for shuffling (mini-batches only).</summary>
    public int Seed { get; init; }

    /// <summary>Whether mini-batches visit the rows in a new seeded order every epoch (true, the default); false keeps the
    /// data's order. Full-batch training has one batch of every row either way.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Guard.Positive(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1 for gradient descent on scaled features.");
        Guard.InRange(LearningRate, 0, 10, nameof(LearningRate), "a learning rate above 10 diverges; typical values are 0.01 to 1.");
        Guard.Float32Step(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1 for gradient descent on scaled features.");
        Guard.AtLeast(MaxEpochs, 1, nameof(MaxEpochs), "train for at least one epoch.");
        Guard.AtLeast(BatchSize, 1, nameof(BatchSize), "use a positive batch size such as 32, or TrainerOptions.FullBatch (the default) for full batch.");
        Guard.InRange(L2, 0, 0.999999, nameof(L2), "typical values are 1e-4 to 1e-2; 0 turns the penalty off.");
        Guard.InRange(Tolerance, 0, 1, nameof(Tolerance), "use a small value such as 1e-7.");
        Guard.AtLeast(Patience, 1, nameof(Patience), "wait at least one epoch.");
        Optimizers.OptimizerRegistry.Create(Optimizer, LearningRate, 0, L2);
    }
}

namespace Rosenblatt.Training;

/// <summary>Thrown when the loss becomes NaN or infinite: training stopped instead of returning garbage weights.</summary>
/// <remarks>
/// Once a weight is NaN every later prediction is NaN, so carrying on only hides the problem. The
/// trainer restores the weights from the start of the failing epoch and throws this, with the history
/// so far, so a learner sees where it went wrong. The usual cause is a learning rate that is too large.
/// </remarks>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="epoch">The epoch in which the loss stopped being finite (1-based).</param>
    /// <param name="batch">The batch within that epoch (1-based).</param>
    /// <param name="loss">The non-finite loss.</param>
    /// <param name="learningRate">The learning rate in use.</param>
    /// <param name="history">The epochs completed before it.</param>
    public TrainingDivergedException(int epoch, int batch, double loss, double learningRate, TrainingHistory history)
        : base($"Training diverged in epoch {epoch}, batch {batch}: the loss became {loss}. " +
               $"The weights were restored to the start of epoch {epoch}. help: lower the learning rate (it is {learningRate}; try {learningRate / 10}), " +
               "scale the inputs to about [-1, 1], or use the Adam optimizer.")
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
        LearningRate = learningRate;
        History = history;
    }

    /// <summary>The epoch in which the loss stopped being finite.</summary>
    public int Epoch { get; }

    /// <summary>The batch within that epoch.</summary>
    public int Batch { get; }

    /// <summary>The non-finite loss value.</summary>
    public double Loss { get; }

    /// <summary>The learning rate in use.</summary>
    public double LearningRate { get; }

    /// <summary>The epochs completed before the divergence.</summary>
    public TrainingHistory History { get; }
}

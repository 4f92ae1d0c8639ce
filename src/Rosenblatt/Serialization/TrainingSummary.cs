namespace Rosenblatt.Serialization;

/// <summary>How a saved model was trained: seed, epochs, final metrics, when, and by which Rosenblatt.</summary>
/// <remarks>Stored in every model file so a model can be traced back to its run and compared with others.</remarks>
public sealed record TrainingSummary
{
    /// <summary>The seed of the training run (initial weights, shuffling), when known.</summary>
    public int? Seed { get; init; }

    /// <summary>The number of epochs run, when known.</summary>
    public int? Epochs { get; init; }

    /// <summary>The final metrics by name, e.g. <c>loss</c>, <c>accuracy</c>, <c>training_accuracy</c>, and any the caller added.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When the file was saved (UTC).</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The version of the Rosenblatt library that saved it, e.g. <c>0.1.0</c>.</summary>
    public string? LibraryVersion { get; init; }
}

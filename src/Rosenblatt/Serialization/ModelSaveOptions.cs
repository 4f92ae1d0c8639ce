using Rosenblatt.Preprocessing;

namespace Rosenblatt.Serialization;

/// <summary>What to store with a model besides its weights: the fitted scaler, feature names and extra metrics.</summary>
/// <remarks>The seed, epoch count and final training figures are read from the model itself; these options add what the model cannot know.</remarks>
public sealed record ModelSaveOptions
{
    /// <summary>The scaler fitted on the training features, applied to every row before prediction after loading; null for none.</summary>
    public Scaler? Scaler { get; init; }

    /// <summary>The feature column names in training order (e.g. the CSV header), or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Extra final metrics to store (e.g. <c>test_accuracy</c>); they override the model's own figures of the same name.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>The epochs trained, for a bare <c>Network</c> trained by your own <c>Trainer</c> call (estimators know their own).</summary>
    public int? Epochs { get; init; }
}

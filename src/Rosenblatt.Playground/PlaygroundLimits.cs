namespace Rosenblatt.Playground;

/// <summary>The bounds on everything a page may ask of the server: request sizes, network and data sizes, trainings at once.</summary>
/// <remarks>A local server still answers any page the browser opens, so every request is bounded: a bug or a hostile page can
/// at worst get a clear refusal, never exhaust memory or the two cores. The defaults cover everything the playground draws.</remarks>
public sealed record PlaygroundLimits
{
    /// <summary>The largest request body accepted (uploads included), in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The largest WebSocket message accepted from the page, in bytes.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;

    /// <summary>The most hidden layers a network may have (TensorFlow Playground's limit).</summary>
    public int MaxHiddenLayers { get; init; } = 6;

    /// <summary>The most neurons a hidden layer may have.</summary>
    public int MaxNeuronsPerLayer { get; init; } = 8;

    /// <summary>The most points a data set may have, generated or uploaded (before the train/test split).</summary>
    public int MaxPoints { get; init; } = 5000;

    /// <summary>The most trainings (open live connections) at once; each takes a share of the two cores.</summary>
    public int MaxConcurrentTrainings { get; init; } = 4;

    /// <summary>The most uploaded data sets kept in memory; the oldest is forgotten past it.</summary>
    public int MaxUploads { get; init; } = 8;
}

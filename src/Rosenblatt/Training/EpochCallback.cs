namespace Rosenblatt.Training;

/// <summary>Calls an action for each epoch <see cref="Trainer"/> reports, at once and on the training thread.</summary>
/// <remarks>
/// .NET's <see cref="Progress{T}"/> posts each report to a synchronization context or the thread pool, so its
/// handler may run after training has moved on (or ended). Here the action runs between two epochs, when the weights
/// are exactly those the epoch ended with: the place to look at them, e.g. to print what a NumPy script prints
/// from its last forward pass (made before the last update) by calling <c>Predict</c> after the next-to-last epoch.
/// </remarks>
/// <example>
/// <code>
/// var printed = Array.Empty&lt;float&gt;();
/// trainer.Fit(network, loss, optimizer, x, y, progress: new EpochCallback(e =&gt;
/// {
///     if (e.Epoch == e.TotalEpochs - 1) printed = network.Predict(x).AsSpan().ToArray();
/// }));
/// </code>
/// </example>
/// <param name="action">What to do with each epoch's figures.</param>
public sealed class EpochCallback(Action<EpochRecord> action) : IProgress<EpochRecord>
{
    private readonly Action<EpochRecord> _action = action ?? throw new ArgumentNullException(nameof(action));

    /// <summary>Runs the action for one epoch.</summary>
    /// <param name="value">The epoch's figures.</param>
    public void Report(EpochRecord value) => _action(value);
}

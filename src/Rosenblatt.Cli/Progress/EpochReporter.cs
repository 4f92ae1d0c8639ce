using Rosenblatt.Training;

namespace Rosenblatt.Cli.Progress;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler at once, on the training thread.</summary>
/// <remarks>Unlike <see cref="Progress{T}"/> it does not post to a synchronization context or the thread pool, so
/// epoch lines come out in order and all of them before the command prints its result.</remarks>
/// <param name="handler">What to do with each epoch's figures.</param>
internal sealed class EpochReporter(Action<EpochRecord> handler) : IProgress<EpochRecord>
{
    /// <summary>Forwards one epoch's figures to the handler.</summary>
    /// <param name="value">The epoch's figures.</param>
    public void Report(EpochRecord value) => handler(value);
}

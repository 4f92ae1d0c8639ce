namespace Rosenblatt.Cli.Progress;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler at once, on the reporting thread.</summary>
/// <remarks>Unlike <see cref="Progress{T}"/> it does not post to a synchronization context or the thread pool, so
/// epoch lines come out in order and all of them before the command prints its result.</remarks>
/// <typeparam name="T">What is reported (an epoch's figures, a download's byte count).</typeparam>
/// <param name="handler">What to do with each report.</param>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <summary>Forwards one report to the handler.</summary>
    /// <param name="value">The report.</param>
    public void Report(T value) => handler(value);
}

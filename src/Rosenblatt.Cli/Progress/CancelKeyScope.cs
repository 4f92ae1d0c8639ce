namespace Rosenblatt.Cli.Progress;

/// <summary>Turns the first Ctrl+C into a cancellation request instead of killing the process; the second Ctrl+C kills it as usual.</summary>
/// <remarks>
/// Used once, by <see cref="Program.Main"/>: training reads <see cref="Token"/> after every batch, stops, keeps
/// the best weights so far, writes its report, and exits 130 (<see cref="ExitCodes.Interrupted"/>); its model goes to
/// <c>--out</c> only when that file does not exist yet (or with <c>--save-interrupted</c>), else beside it. A second press means the user does
/// not want to wait, so it is left to the runtime's default (terminate).
/// </remarks>
internal sealed class CancelKeyScope : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Starts listening for Ctrl+C.</summary>
    public CancelKeyScope() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Cancelled at the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
            return;
        e.Cancel = true;
        Console.Error.WriteLine("Ctrl+C: stopping after the current batch (press again to quit at once)...");
        _source.Cancel();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }
}

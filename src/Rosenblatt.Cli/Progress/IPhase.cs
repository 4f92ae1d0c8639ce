namespace Rosenblatt.Cli.Progress;

/// <summary>What a long step tells the user while it runs (see <see cref="PhaseStatus"/>).</summary>
/// <remarks>Two kinds of news: a step (each bench run, each downloaded file) worth a line in a log, and a count that changes
/// too often for one (bytes arriving), which a terminal shows live and a log only in the next heartbeat line.</remarks>
internal interface IPhase
{
    /// <summary>A step: the status text on a terminal, a line of its own in plain mode.</summary>
    /// <param name="line">E.g. <c>run 2/3 ...</c>.</param>
    void Say(string line);

    /// <summary>A count: the status text on a terminal; in plain mode what the next heartbeat line repeats, without a line now.</summary>
    /// <param name="text">E.g. <c>downloading train-images-idx3-ubyte.gz: 4.2 of 9.5 MB</c>.</param>
    void Show(string text);
}

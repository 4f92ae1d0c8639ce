namespace Rosenblatt.Cli;

/// <summary>The exit codes every <c>rosenblatt</c> command promises, so scripts can tell a user's mistake from a bug.</summary>
/// <remarks>
/// 0 and 1 follow the usual shell convention; 2 matches getopt-style tools for bad usage; 70 is
/// <c>EX_SOFTWARE</c> from BSD's <c>sysexits.h</c>, the customary code for "internal software error";
/// 130 is what shells report for a program ended by Ctrl+C (128 + SIGINT), so a script can tell an interrupted run
/// from a finished one even though rosenblatt catches the first Ctrl+C to stop cleanly.
/// </remarks>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but the request was wrong (bad values, unknown gate, missing file): the user can fix it.</summary>
    public const int UserError = 1;

    /// <summary>The command line itself could not be understood (unknown command or option, unparsable value).</summary>
    public const int Usage = 2;

    /// <summary>An unexpected exception: a bug in rosenblatt. The stack trace is printed so it can be reported.</summary>
    public const int InternalError = 70;

    /// <summary>Ctrl+C stopped the command before it finished: training ended early (its report and what it kept or saved
    /// are still printed) or nothing was done. An existing model file is never replaced by an interrupted run unless
    /// <c>train --save-interrupted</c> asks for it.</summary>
    public const int Interrupted = 130;
}

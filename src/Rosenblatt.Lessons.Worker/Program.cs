namespace Rosenblatt.Lessons.Worker;

using Rosenblatt.Lessons;

/// <summary>The worker process that runs learner code, apart from the server and the terminal so a runaway cell can be killed.</summary>
/// <remarks>Started by <c>Rosenblatt.Lessons.Running.WorkerProcess</c>; speaks the line protocol of <c>Rosenblatt.Lessons.Protocol</c>.</remarks>
public static class Program
{
    /// <summary>Runs the worker loop until the host closes standard input.</summary>
    /// <returns>0 on a normal end.</returns>
    public static int Main() => Scripting.WorkerLoop.Run();
}

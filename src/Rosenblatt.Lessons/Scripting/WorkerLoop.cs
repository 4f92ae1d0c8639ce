using System.Text;
using System.Text.Json;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Scripting;

/// <summary>The worker process's main loop: read a request line, run it, write the answer line, until stdin closes.</summary>
/// <remarks>
/// The real standard output is kept for the protocol; <c>Console.Out</c> and <c>Console.Error</c> are replaced by a
/// bounded capture, so whatever a cell prints becomes its output and never corrupts the protocol. Every protocol
/// line starts with <see cref="WorkerMessage.Marker"/>.
/// </remarks>
public static class WorkerLoop
{
    /// <summary>Runs the loop over the process's standard input and output.</summary>
    /// <returns>The exit code: 0 when the host closed stdin.</returns>
    public static int Run()
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var capture = new BoundedWriter();
        Console.SetOut(capture);
        Console.SetError(capture);
        var chain = new ScriptChain(capture);
        chain.WarmUp();
        Send(protocol, new WorkerMessage(0, "ready"));
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var request = JsonSerializer.Deserialize(line, ProtocolJson.Default.WorkerRequest)
                ?? throw new InvalidDataException("the worker received an empty request");
            var result = chain.Run(request, cell => Send(protocol, new WorkerMessage(request.Id, "running", cell)));
            Send(protocol, new WorkerMessage(request.Id, "done", Result: result));
        }
        return 0;
    }

    private static void Send(StreamWriter protocol, WorkerMessage message)
    {
        lock (protocol)
            protocol.WriteLine(WorkerMessage.Marker + JsonSerializer.Serialize(message, ProtocolJson.Default.WorkerMessage));
    }
}

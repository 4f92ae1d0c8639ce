namespace Rosenblatt.Lessons.Protocol;

/// <summary>A cell as the worker sees it: a name for messages and the C# code to run.</summary>
/// <param name="Name">The cell's name in the lesson (e.g. <c>and-neuron</c>).</param>
/// <param name="Code">The C# script code.</param>
public sealed record WorkerCell(string Name, string Code);

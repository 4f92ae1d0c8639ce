using System.Collections;
using Rosenblatt.Optimizers;

namespace Rosenblatt.Networks;

/// <summary>A network's parameters as the read-only list the optimizers take, over the network's own array.</summary>
/// <remarks>
/// <para>Not the array itself: an optimizer indexes the list through <see cref="IReadOnlyList{T}"/> several times per
/// batch, and on an array of a class type that interface call runs the runtime's shared generic array helper. Its
/// precompiled (ReadyToRun) version is slow, and when it gets replaced by optimized code depends on the process's
/// tiering timers, not on this code: the seed 002 replay ran at 4.6 ms or 7.9 ms per run from one process to the
/// next, for the same work. Through this sealed class the call reaches a plain method, the same code in every process.</para>
/// </remarks>
internal sealed class ParameterList : IReadOnlyList<Parameter>
{
    private readonly Parameter[] _items;

    public ParameterList(Parameter[] items) => _items = items;

    public int Count => _items.Length;

    public Parameter this[int index] => _items[index];

    public IEnumerator<Parameter> GetEnumerator() => ((IEnumerable<Parameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

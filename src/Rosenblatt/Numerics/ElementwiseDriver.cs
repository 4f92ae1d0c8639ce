using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>Validates spans and runs an <see cref="IBinaryOperator"/> over them at the widest accelerated width.</summary>
internal static class ElementwiseDriver
{
    public static void Run<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination,
        string xName, string yName)
        where TOp : struct, IBinaryOperator
    {
        SameLength(x.Length, y.Length, xName, yName);
        SameLength(x.Length, destination.Length, xName, nameof(destination));
        NoPartialOverlap(x, destination, xName);
        NoPartialOverlap(y, destination, yName);

        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        ref float pd = ref MemoryMarshal.GetReference(destination);
        int length = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i))
                    .StoreUnsafe(ref pd, (nuint)i);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                TOp.Invoke(Vector128.LoadUnsafe(ref px, (nuint)i), Vector128.LoadUnsafe(ref py, (nuint)i))
                    .StoreUnsafe(ref pd, (nuint)i);
            }
        }
        for (; i < length; i++)
            Unsafe.Add(ref pd, i) = TOp.Invoke(Unsafe.Add(ref px, i), Unsafe.Add(ref py, i));
    }

    /// <summary>Runs <typeparamref name="TOp"/> with every element, tail included, going through the same vector code.</summary>
    /// <remarks>The tail is padded into a full vector rather than finished in scalar code, so an element's value never
    /// depends on the span's length or where it was split: the GEMM epilogue relies on this for bit-identical results
    /// across thread counts (a scalar exp and a vector exp differ in the last bit).</remarks>
    public static void Run<TOp>(ReadOnlySpan<float> x, Span<float> destination, string xName)
        where TOp : struct, IUnaryOperator
    {
        SameLength(x.Length, destination.Length, xName, nameof(destination));
        NoPartialOverlap(x, destination, xName);
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float pd = ref MemoryMarshal.GetReference(destination);
        int length = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
                TOp.Invoke(Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
            if (i < length)
            {
                Span<float> pad = stackalloc float[Vector256<float>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector256.Create<float>(pad)).CopyTo(pad);
                pad[..(length - i)].CopyTo(destination[i..]);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
                TOp.Invoke(Vector128.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
            if (i < length)
            {
                Span<float> pad = stackalloc float[Vector128<float>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector128.Create<float>(pad)).CopyTo(pad);
                pad[..(length - i)].CopyTo(destination[i..]);
            }
        }
        else
        {
            for (; i < length; i++)
                Unsafe.Add(ref pd, i) = TOp.Invoke(Unsafe.Add(ref px, i));
        }
    }

    public static void SameLength(int length, int other, string name, string otherName)
    {
        if (length != other)
            throw Guard.Error(otherName, $"{otherName} must have the same length as {name} ({length}) (received {other}).",
                $"pass spans of equal length; slice {otherName} to {length} elements.");
    }

    /// <summary>Exact aliasing (in-place update) is allowed; a shifted overlap would read values already overwritten.</summary>
    public static void NoPartialOverlap(ReadOnlySpan<float> input, ReadOnlySpan<float> destination, string inputName)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
            throw Guard.Error(nameof(destination),
                $"destination overlaps {inputName} shifted by {offset} elements.",
                $"write in place (destination exactly {inputName}) or to a separate buffer.");
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>Byte pixels to float32 inputs: the conversion every image batch goes through.</summary>
/// <remarks>
/// One pass widens 8 (AVX2) or 16 (AVX-512) bytes to int32, converts them to float and divides by 255.
/// Division, not multiplication by 1/255: IEEE division is correctly rounded, so each value is exactly
/// the scalar <c>pixel / 255f</c> (and 255 gives exactly 1), bit for bit, on every path.
/// </remarks>
internal static unsafe class PixelKernels
{
    /// <summary>destination[i] = pixels[i] / 255f.</summary>
    /// <param name="pixels">Bytes 0–255.</param>
    /// <param name="destination">At least <paramref name="pixels"/>.Length floats; only that many are written.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="pixels"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleToUnit(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        if (destination.Length < pixels.Length)
            throw Guard.Error(nameof(destination), $"destination holds {destination.Length} floats but there are {pixels.Length} pixels.",
                "pass a destination at least as long as the pixels.");
        int n = pixels.Length;
        int i = 0;
        fixed (byte* src = pixels)
        fixed (float* dst = destination)
        {
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                var scale = Vector512.Create(255f);
                for (; i <= n - 16; i += 16)
                {
                    var wide = Avx512F.ConvertToVector512Int32(Vector128.Load(src + i));
                    Vector512.Store(Avx512F.ConvertToVector512Single(wide) / scale, dst + i);
                }
            }
            if (Avx2.IsSupported)
            {
                var scale = Vector256.Create(255f);
                for (; i <= n - 8; i += 8)
                {
                    var wide = Avx2.ConvertToVector256Int32(src + i);
                    Vector256.Store(Avx.ConvertToVector256Single(wide) / scale, dst + i);
                }
            }
            for (; i < n; i++)
                dst[i] = src[i] / 255f;
        }
    }

    /// <summary>destination[p] = table[p · 256 + pixels[p]]: each pixel scaled by its own 256-entry table.</summary>
    /// <remarks>A fitted scaler applied to byte pixels (<c>Scaler.Transform(IdxImages, …)</c>): the table holds each pixel's 256
    /// possible scaled values, so the result is the table's bits whichever path runs (AVX2 gathers 8 at a time).</remarks>
    /// <param name="pixels">Bytes 0–255, one per pixel.</param>
    /// <param name="table">256 floats per pixel, at least <paramref name="pixels"/>.Length · 256.</param>
    /// <param name="destination">At least <paramref name="pixels"/>.Length floats; only that many are written.</param>
    /// <exception cref="ArgumentException">The table or the destination is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Lookup(ReadOnlySpan<byte> pixels, ReadOnlySpan<float> table, Span<float> destination)
    {
        int n = pixels.Length;
        if (destination.Length < n || table.Length < (long)n * 256)
            throw Guard.Error(nameof(table), $"{n} pixels need a table of {(long)n * 256} floats and a destination of {n} (received {table.Length} and {destination.Length}).",
                "pass 256 table entries per pixel and a destination at least as long as the pixels.");
        int i = 0;
        fixed (byte* src = pixels)
        fixed (float* tbl = table)
        fixed (float* dst = destination)
        {
            if (Avx2.IsSupported)
            {
                var lanes = Vector256.Create(0, 256, 512, 768, 1024, 1280, 1536, 1792);
                for (; i <= n - 8; i += 8)
                {
                    var index = Avx2.ConvertToVector256Int32(src + i) + lanes + Vector256.Create(i * 256);
                    Vector256.Store(Avx2.GatherVector256(tbl, index, 4), dst + i);
                }
            }
            for (; i < n; i++)
                dst[i] = tbl[i * 256 + src[i]];
        }
    }

    /// <summary>Asks the CPU to start loading <paramref name="bytes"/> into cache; a hint that changes no value.</summary>
    /// <remarks>A batch gathers images from random places in a set far larger than the caches: each one is a
    /// cache and TLB miss. Prefetching the next images while the current one converts overlaps those waits.</remarks>
    /// <param name="bytes">The region to load; may be empty.</param>
    public static void Prefetch(ReadOnlySpan<byte> bytes)
    {
        if (!Sse.IsSupported || bytes.IsEmpty)
            return;
        fixed (byte* p = bytes)
        {
            for (int offset = 0; offset < bytes.Length; offset += 64)
                Sse.Prefetch0(p + offset);
            Sse.Prefetch0(p + bytes.Length - 1);
        }
    }
}

using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>The one process-wide knob for how many threads the numeric kernels may use.</summary>
/// <remarks>
/// Defaults to <see cref="Environment.ProcessorCount"/>. Set it to 1 to keep the engine on the calling
/// thread (for profiling, or when the application already runs one model per core). The value never
/// changes results: <see cref="Gemm"/> splits work only over independent blocks of the output and never
/// over the inner dimension, so each output element is computed by the same sequence of operations
/// whatever the thread count, and results are bit-identical for 1, 2 or 64 threads.
/// </remarks>
/// <example><code>Parallelism.MaxThreads = 1; // single-threaded, same numbers</code></example>
public static class Parallelism
{
    private static int s_maxThreads = Environment.ProcessorCount;

    /// <summary>Upper bound on the threads one kernel call uses, counting the caller's own thread.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 256.</exception>
    public static int MaxThreads
    {
        get => Volatile.Read(ref s_maxThreads);
        set
        {
            Guard.AtLeast(value, 1, nameof(value), "use 1 for single-threaded work; the default is Environment.ProcessorCount.");
            Guard.AtMost(value, 256, nameof(value), "more threads than cores only adds switching; use Environment.ProcessorCount.");
            Volatile.Write(ref s_maxThreads, value);
        }
    }
}

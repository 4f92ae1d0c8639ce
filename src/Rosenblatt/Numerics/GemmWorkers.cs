namespace Rosenblatt.Numerics;

/// <summary>Splits one GEMM into regions of whole tiles and runs them on <see cref="WorkerPool"/>.</summary>
/// <remarks>
/// Each region is a contiguous run of whole 6-row or 16-column tiles. When the pool is busy (another call, or a
/// training step that already spreads its own work over the threads) the caller computes the whole product
/// itself: regions never change the arithmetic, so the bits are the same.
/// </remarks>
internal static unsafe class GemmWorkers
{
    private static readonly GemmJob s_job = new();

    /// <summary>Computes the whole product split into <paramref name="parts"/> regions, the caller taking region 0.</summary>
    public static void Run(in GemmProblem problem, int parts, bool splitRows)
    {
        if (parts > 1 && Interlocked.CompareExchange(ref s_job.InUse, 1, 0) == 0)
        {
            try
            {
                s_job.Problem = problem;
                s_job.SplitRows = splitRows;
                if (WorkerPool.TryRun(s_job, parts))
                    return;
            }
            finally
            {
                Volatile.Write(ref s_job.InUse, 0);
            }
        }
        GemmBlocked.Run(problem, 0, problem.M, 0, problem.N);
    }

    /// <summary>Splits <paramref name="length"/> into <paramref name="parts"/> runs of whole tiles, as even as possible.</summary>
    internal static (int Start, int End) Slice(int length, int tile, int part, int parts)
    {
        int tiles = (length + tile - 1) / tile;
        int start = (int)((long)tiles * part / parts) * tile;
        int end = (int)((long)tiles * (part + 1) / parts) * tile;
        return (Math.Min(start, length), Math.Min(end, length));
    }

    private sealed class GemmJob : PoolJob
    {
        public int InUse;
        public GemmProblem Problem;
        public bool SplitRows;

        public override void RunPart(int part, int parts)
        {
            ref readonly GemmProblem p = ref Problem;
            if (SplitRows)
            {
                (int start, int end) = Slice(p.M, GemmMicroKernel.MR, part, parts);
                GemmBlocked.Run(p, start, end, 0, p.N);
            }
            else
            {
                (int start, int end) = Slice(p.N, GemmMicroKernel.NR, part, parts);
                GemmBlocked.Run(p, 0, p.M, start, end);
            }
        }
    }
}

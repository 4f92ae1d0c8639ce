namespace Rosenblatt.Numerics;

/// <summary>A small pool of dedicated threads that each compute one region of a GEMM.</summary>
/// <remarks>
/// Dedicated threads instead of <c>Parallel.For</c>: nothing is allocated per call and the job is a plain
/// struct in static fields. One call uses the pool at a time; a concurrent caller does its whole product
/// on its own thread, which gives the same bits because regions never change the arithmetic.
/// </remarks>
internal static unsafe class GemmWorkers
{
    private static readonly Lock s_gate = new();
    private static readonly List<Worker> s_workers = [];
    private static readonly ManualResetEventSlim s_done = CreateDoneEvent();

    private static GemmProblem s_problem;
    private static int s_parts;
    private static bool s_splitRows;
    private static int s_pending;
    private static Exception? s_error;

    /// <summary>Computes the whole product split into <paramref name="parts"/> regions, the caller taking region 0.</summary>
    public static void Run(in GemmProblem problem, int parts, bool splitRows)
    {
        if (parts <= 1 || !s_gate.TryEnter())
        {
            GemmBlocked.Run(problem, 0, problem.M, 0, problem.N);
            return;
        }
        try
        {
            while (s_workers.Count < parts - 1)
                s_workers.Add(new Worker(s_workers.Count + 1));
            s_problem = problem;
            s_parts = parts;
            s_splitRows = splitRows;
            s_error = null;
            s_done.Reset();
            Volatile.Write(ref s_pending, parts - 1);
            for (int w = 0; w < parts - 1; w++)
                s_workers[w].Start.Release();
            RunPart(0);
            s_done.Wait();
            if (s_error is not null)
                throw new InvalidOperationException("a GEMM worker thread failed.", s_error);
        }
        finally
        {
            s_gate.Exit();
        }
    }

    /// <summary>The caller's "all regions done" event, with its internal lock already made.</summary>
    /// <remarks>
    /// The event allocates a lock object the first time a <c>Wait</c> has to block rather than spin. Left
    /// lazy, that first block can fall in any later call (whenever the worker first finishes after the
    /// caller), breaking the promise that a product allocates nothing after warm-up. A 1 ms wait on the
    /// unset event here spins, creates the lock and times out, once per process.
    /// </remarks>
    private static ManualResetEventSlim CreateDoneEvent()
    {
        var done = new ManualResetEventSlim(false, spinCount: 200);
        done.Wait(1);
        return done;
    }

    /// <summary>Region <paramref name="part"/> of the current job: a contiguous run of whole 6-row or 16-column tiles.</summary>
    private static void RunPart(int part)
    {
        ref readonly GemmProblem p = ref s_problem;
        if (s_splitRows)
        {
            (int start, int end) = Slice(p.M, GemmMicroKernel.MR, part, s_parts);
            GemmBlocked.Run(p, start, end, 0, p.N);
        }
        else
        {
            (int start, int end) = Slice(p.N, GemmMicroKernel.NR, part, s_parts);
            GemmBlocked.Run(p, 0, p.M, start, end);
        }
    }

    /// <summary>Splits <paramref name="length"/> into <paramref name="parts"/> runs of whole tiles, as even as possible.</summary>
    internal static (int Start, int End) Slice(int length, int tile, int part, int parts)
    {
        int tiles = (length + tile - 1) / tile;
        int start = (int)((long)tiles * part / parts) * tile;
        int end = (int)((long)tiles * (part + 1) / parts) * tile;
        return (Math.Min(start, length), Math.Min(end, length));
    }

    private sealed class Worker
    {
        public Worker(int index)
        {
            Index = index;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Rosenblatt GEMM worker {index}" };
            thread.Start();
        }

        public int Index { get; }
        public SemaphoreSlim Start { get; } = new(0);

        private void Loop()
        {
            while (true)
            {
                Start.Wait();
                try
                {
                    RunPart(Index);
                }
                catch (Exception e)
                {
                    s_error = e;
                }
                if (Interlocked.Decrement(ref s_pending) == 0)
                    s_done.Set();
            }
        }
    }
}

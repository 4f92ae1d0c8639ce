namespace Rosenblatt.Numerics;

/// <summary>A small pool of dedicated threads that run the parts of one <see cref="PoolJob"/> at a time.</summary>
/// <remarks>
/// <para>Dedicated threads instead of <c>Parallel.For</c>: nothing is allocated per call, and the job object is
/// made once by its owner and reused. The caller runs part 0 itself and returns when every part is done.</para>
/// <para>One job at a time, and not re-entrant: while a job runs (say a training step split over the threads),
/// any other <see cref="TryRun"/> (from another thread, or from inside a part) returns false and that caller
/// does the work on its own thread. Parts never change the arithmetic, so the bits are the same either way.</para>
/// </remarks>
internal static class WorkerPool
{
    private static readonly List<Worker> s_workers = [];
    private static readonly ManualResetEventSlim s_done = CreateDoneEvent();
    private static int s_busy;
    private static PoolJob? s_job;
    private static int s_parts;
    private static int s_pending;
    private static Exception? s_error;

    /// <summary>Runs parts 0..<paramref name="parts"/>−1 of <paramref name="job"/>, part 0 on the calling thread; false (nothing run) when the pool is in use.</summary>
    /// <exception cref="InvalidOperationException">A part failed on a worker thread (the original exception is inside).</exception>
    public static bool TryRun(PoolJob job, int parts)
    {
        if (parts <= 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
            return false;
        try
        {
            while (s_workers.Count < parts - 1)
                s_workers.Add(new Worker(s_workers.Count + 1));
            s_job = job;
            s_parts = parts;
            s_error = null;
            s_done.Reset();
            Volatile.Write(ref s_pending, parts - 1);
            for (int w = 0; w < parts - 1; w++)
                s_workers[w].Start.Release();
            Exception? own = null;
            try
            {
                job.RunPart(0, parts);
            }
            catch (Exception e)
            {
                own = e;
                job.Abort();
            }
            s_done.Wait();
            s_job = null;
            if (own is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(own);
            if (s_error is not null)
                throw new InvalidOperationException("a Rosenblatt worker thread failed.", s_error);
            return true;
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }

    /// <summary>The caller's "all parts done" event, with its internal lock already made.</summary>
    /// <remarks>
    /// The event allocates a lock object the first time a <c>Wait</c> has to block rather than spin. Left
    /// lazy, that first block can fall in any later call (whenever a worker first finishes after the
    /// caller), breaking the promise that a step allocates nothing after warm-up. A 1 ms wait on the
    /// unset event here spins, creates the lock and times out, once per process.
    /// </remarks>
    private static ManualResetEventSlim CreateDoneEvent()
    {
        var done = new ManualResetEventSlim(false, spinCount: 200);
        done.Wait(1);
        return done;
    }

    private sealed class Worker
    {
        public Worker(int index)
        {
            Index = index;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Rosenblatt worker {index}" };
            thread.Start();
        }

        public int Index { get; }

        public SemaphoreSlim Start { get; } = new(0);

        private void Loop()
        {
            while (true)
            {
                Start.Wait();
                var job = s_job!;
                try
                {
                    job.RunPart(Index, s_parts);
                }
                catch (Exception e)
                {
                    s_error = e;
                    job.Abort();
                }
                if (Interlocked.Decrement(ref s_pending) == 0)
                    s_done.Set();
            }
        }
    }
}

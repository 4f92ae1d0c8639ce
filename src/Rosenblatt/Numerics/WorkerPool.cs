namespace Rosenblatt.Numerics;

/// <summary>A small pool of dedicated threads that run the parts of one <see cref="PoolJob"/> at a time.</summary>
/// <remarks>
/// <para>Dedicated threads instead of <c>Parallel.For</c>: nothing is allocated per call, and the job object is
/// made once by its owner and reused. The caller runs part 0 itself and returns when every part is done.</para>
/// <para>Why a worker polls before it sleeps: a training step posts a job every few hundred microseconds, a few
/// microseconds after the last one ended, and a worker asleep in the kernel takes tens of microseconds to wake on
/// a virtual machine, while the caller runs its part alone and then waits. So after each part a worker watches for
/// the next job for <see cref="PollMicroseconds"/> before it blocks: long enough to catch a training loop's next
/// step, short enough to cost nothing noticeable otherwise. The counters it watches sit on a cache line of their
/// own, so the polling never slows the caller's arithmetic.</para>
/// <para>One job at a time, and not re-entrant: while a job runs (say a training step split over the threads),
/// any other <see cref="TryRun"/> (from another thread, or from inside a part) returns false and that caller
/// does the work on its own thread. Parts never change the arithmetic, so the bits are the same either way.</para>
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How long an idle worker polls for the next job before it blocks.</summary>
    internal const int PollMicroseconds = 40;

    private static readonly long s_pollTicks = Math.Max(1, System.Diagnostics.Stopwatch.Frequency * PollMicroseconds / 1_000_000);
    private static readonly Counters s_sync = new();
    private static readonly List<Worker> s_workers = [];
    private static readonly ManualResetEventSlim s_done = CreateDoneEvent();
    private static int s_busy;
    private static PoolJob? s_job;
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
            s_error = null;
            s_done.Reset();
            Volatile.Write(ref s_sync.Pending, parts - 1);
            // The job word: a sequence number above, the part count in the low 16 bits, so a polling worker reads which
            // job and whether it takes part in one atomic read. Exchange publishes it (a full fence) before any wake.
            Interlocked.Exchange(ref s_sync.Job, (((s_sync.Job >> 16) + 1) << 16) | (uint)parts);
            for (int w = 0; w < parts - 1; w++)
                s_workers[w].Wake();
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

        private readonly SemaphoreSlim _start = new(0);
        private int _sleeping;

        public int Index { get; }

        /// <summary>Wakes the worker if it has stopped polling; a polling worker sees the new job by itself.</summary>
        public void Wake()
        {
            if (Volatile.Read(ref _sleeping) == 1)
                _start.Release();
        }

        private void Loop()
        {
            long seen = 0;
            while (true)
            {
                seen = WaitForJob(seen);
                // Every polling worker sees every job; one beyond this job's parts (made for a wider earlier job) sits it out.
                if (Index >= (int)(seen & 0xFFFF))
                    continue;
                var job = s_job!;
                try
                {
                    job.RunPart(Index, (int)(seen & 0xFFFF));
                }
                catch (Exception e)
                {
                    s_error = e;
                    job.Abort();
                }
                if (Interlocked.Decrement(ref s_sync.Pending) == 0)
                    s_done.Set();
            }
        }

        /// <summary>Returns the number of the job after <paramref name="seen"/>: polled for, then slept for.</summary>
        private long WaitForJob(long seen)
        {
            long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + s_pollTicks;
            long job;
            while ((job = Volatile.Read(ref s_sync.Job)) == seen)
            {
                if (System.Diagnostics.Stopwatch.GetTimestamp() <= deadline)
                {
                    Thread.SpinWait(8);
                    continue;
                }
                // Dekker with TryRun: we publish "sleeping" and re-read the job number; TryRun publishes the job number
                // and reads "sleeping". One sees the other's write, so no job is missed. A Release that finds us awake
                // leaves a count behind: the next Wait returns at once and we simply poll again.
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref s_sync.Job) == seen)
                    _start.Wait();
                Volatile.Write(ref _sleeping, 0);
                deadline = System.Diagnostics.Stopwatch.GetTimestamp() + s_pollTicks;
            }
            return job;
        }
    }

    /// <summary>The job number and the parts still running, on a cache line of their own (polled by idle workers).</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
    private sealed class Counters
    {
        [System.Runtime.InteropServices.FieldOffset(64)] public long Job;
        [System.Runtime.InteropServices.FieldOffset(72)] public int Pending;
    }
}

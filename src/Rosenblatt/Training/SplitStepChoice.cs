namespace Rosenblatt.Training;

/// <summary>Whether a split step runs its parts on the worker threads or all of them on the calling thread: measured, not
/// assumed, because which is faster depends on the machine.</summary>
/// <remarks>
/// <para>Why: the two give the same bits (the parts are the same kernels in the same order), but not the same speed. Two
/// threads pay for waking a worker and meeting it twice a step. On the machine of 2026-11-23 that paid off from batches of
/// 16 up; on the 2-vCPU VM of 2026-12-02 (AMD EPYC) an MNIST epoch with Adam and batches of 32 took 0.39–0.42 s on one
/// thread and 0.63–0.95 s on two, while SGD with batches of 128 took 0.22 s on two and 0.29 s on one. So a split step
/// times both ways on its own first steps and keeps the faster.</para>
/// <para>The trial: after <see cref="SkipSteps"/> steps on the threads (first calls, caches), blocks of
/// <see cref="BlockSteps"/> steps alternate between the threads and the calling thread, <see cref="TrialBlocks"/> blocks
/// each; the first step of each block is not timed (it gathers its batch itself, as the way changed). The way with the
/// lower median step time is kept for the rest of the fit. Results do not depend on the choice, only the time does.</para>
/// </remarks>
internal sealed class SplitStepChoice
{
    /// <summary>Steps run on the threads before timing starts.</summary>
    public const int SkipSteps = 8;

    /// <summary>Steps in one block of the trial, run the same way.</summary>
    public const int BlockSteps = 4;

    /// <summary>Blocks of the trial for each way.</summary>
    public const int TrialBlocks = 6;

    /// <summary>Set by tests on their own thread to force one way (true: the threads) for the split steps made there.</summary>
    [ThreadStatic]
    internal static bool? Forced;

    private readonly bool? _forced = Forced;
    private readonly long[] _threaded = new long[TrialBlocks * (BlockSteps - 1)];
    private readonly long[] _single = new long[TrialBlocks * (BlockSteps - 1)];
    private int _step;
    private int _threadedCount;
    private int _singleCount;

    /// <summary>The way chosen after the trial: true for the threads, false for the calling thread, null while timing.</summary>
    public bool? Threads { get; private set; }

    /// <summary>Whether the next step is to run on the threads.</summary>
    public bool NextOnThreads()
    {
        if (_forced is bool forced)
            return forced;
        if (Threads is bool chosen)
            return chosen;
        int trial = _step - SkipSteps;
        return trial < 0 || trial / BlockSteps % 2 == 0;
    }

    /// <summary>Records how long the step just run took, the way <paramref name="onThreads"/> says it ran.</summary>
    /// <param name="onThreads">Whether it ran on the threads.</param>
    /// <param name="ticks">Its <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
    public void Record(bool onThreads, long ticks)
    {
        int trial = _step++ - SkipSteps;
        if (_forced is not null || Threads is not null || trial < 0 || trial % BlockSteps == 0)
            return;
        if (onThreads && _threadedCount < _threaded.Length)
            _threaded[_threadedCount++] = ticks;
        else if (!onThreads && _singleCount < _single.Length)
            _single[_singleCount++] = ticks;
        if (trial + 1 >= 2 * TrialBlocks * BlockSteps)
            Threads = Choose(_threaded.AsSpan(0, _threadedCount), _single.AsSpan(0, _singleCount));
    }

    /// <summary>True when the threads' median step time is below the calling thread's (the threads also win a tie or a
    /// trial with nothing measured on one side).</summary>
    /// <param name="threaded">Step times on the threads.</param>
    /// <param name="single">Step times on the calling thread.</param>
    internal static bool Choose(Span<long> threaded, Span<long> single)
    {
        if (threaded.Length == 0 || single.Length == 0)
            return true;
        return Median(threaded) <= Median(single);
    }

    private static long Median(Span<long> ticks)
    {
        ticks.Sort();
        return ticks[ticks.Length / 2];
    }
}

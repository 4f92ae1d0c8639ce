using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The worker pool runs every part of every job exactly once, whether its workers were polling or asleep when
/// the job came, and is not re-entered from inside a part.</summary>
[Collection(EngineSettingsCollection.Name)]
public class WorkerPoolTests
{
    private sealed class CountingJob : PoolJob
    {
        public readonly int[] Runs = new int[4];
        public bool NestedRan;

        public override void RunPart(int part, int parts)
        {
            Interlocked.Increment(ref Runs[part]);
            if (part == 0 && WorkerPool.TryRun(new CountingJob(), 2))
                NestedRan = true;
        }
    }

    [Fact]
    public void TryRun_ManyJobsWithGapsShortAndLong_RunsEveryPartOnce()
    {
        var job = new CountingJob();
        var random = new Random(3);
        for (int i = 0; i < 400; i++)
        {
            // Gaps shorter than the poll time find a polling worker; longer ones find it asleep.
            int gap = random.Next(3) switch { 0 => 0, 1 => 20, _ => 400 };
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency * gap / 1_000_000;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
            }
            while (!WorkerPool.TryRun(job, 2)) // another test's product may hold the pool for a moment
                Thread.Yield();
        }
        Assert.Equal(400, job.Runs[0]);
        Assert.Equal(400, job.Runs[1]);
        Assert.False(job.NestedRan, "a part must not start a second job on the busy pool");
    }

    private sealed class PartsJob : PoolJob
    {
        public readonly int[,] Runs = new int[2, 4]; // [job kind, part]
        public int Kind;

        public override void RunPart(int part, int parts)
        {
            Assert.True(part < parts);
            Interlocked.Increment(ref Runs[Kind, part]);
        }
    }

    [Fact]
    public void TryRun_NarrowJobsAfterAWideOne_RunOnlyTheirOwnParts()
    {
        // A worker made for a three-part job keeps polling; a later two-part job must not run on it.
        var job = new PartsJob();
        for (int i = 0; i < 300; i++)
        {
            job.Kind = i % 2;
            int parts = job.Kind == 0 ? 3 : 2;
            while (!WorkerPool.TryRun(job, parts))
                Thread.Yield();
        }
        Assert.Equal([150, 150, 150, 0], Enumerable.Range(0, 4).Select(p => job.Runs[0, p]).ToArray());
        Assert.Equal([150, 150, 0, 0], Enumerable.Range(0, 4).Select(p => job.Runs[1, p]).ToArray());
    }
}

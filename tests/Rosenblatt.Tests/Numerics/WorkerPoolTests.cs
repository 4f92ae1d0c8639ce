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

    private sealed class FailingJob : PoolJob
    {
        public int FailingPart;
        public readonly ManualResetEventSlim Released = new(false);
        public int Finished;

        public override void RunPart(int part, int parts)
        {
            if (part == FailingPart)
                throw new InvalidDataException($"part {part} failed.");
            Released.Wait(); // waits for the failing part: only Abort ends the wait
            Interlocked.Increment(ref Finished);
        }

        public override void Abort() => Released.Set();
    }

    [Theory]
    [InlineData(0)]   // the caller's own part: its exception comes out as it is
    [InlineData(1)]   // a worker's part: wrapped, the worker's exception inside
    public async Task TryRun_WhenAPartFails_AbortsTheWaitingPartThrowsAndFreesThePool(int failingPart)
    {
        var job = new FailingJob { FailingPart = failingPart };
        Exception? error = null;
        var run = Task.Run(() =>
        {
            while (true)
            {
                try
                {
                    if (WorkerPool.TryRun(job, 2))
                        return;
                }
                catch (Exception e)
                {
                    error = e;
                    return;
                }
                Thread.Yield(); // another test's product may hold the pool for a moment
            }
        });
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) == run, "the pool hung after a part failed");
        var failure = failingPart == 0 ? error : Assert.IsType<InvalidOperationException>(error).InnerException;
        Assert.Equal("part " + failingPart + " failed.", Assert.IsType<InvalidDataException>(failure).Message);
        Assert.Equal(1, job.Finished);

        var counting = new PartsJob();
        while (!WorkerPool.TryRun(counting, 2))
            Thread.Yield();
        Assert.Equal([1, 1, 0, 0], Enumerable.Range(0, 4).Select(p => counting.Runs[0, p]).ToArray());
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

using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>How a split step chooses between the worker threads and the calling thread: a short timed trial of both, then
/// the faster for good.</summary>
public class SplitStepChoiceTests
{
    [Fact]
    public void Choose_KeepsTheWayWithTheLowerMedianStepTime()
    {
        Assert.True(SplitStepChoice.Choose([5, 5, 900], [6, 6, 6]));    // one slow outlier does not decide
        Assert.False(SplitStepChoice.Choose([9, 9, 1], [6, 6, 6]));
        Assert.True(SplitStepChoice.Choose([6, 6, 6], [6, 6, 6]));      // a tie keeps the threads
        Assert.True(SplitStepChoice.Choose([], [1, 1, 1]));              // nothing timed on one side: the threads
    }

    [Theory]
    [InlineData(10, 5, false)]
    [InlineData(5, 10, true)]
    public void Trial_RunsBlocksOfEachWayInTurn_ThenKeepsTheFaster(long threadTicks, long callingTicks, bool expectThreads)
    {
        SplitStepChoice.Forced = null;
        var choice = new SplitStepChoice();
        int trialSteps = 2 * SplitStepChoice.TrialBlocks * SplitStepChoice.BlockSteps;
        var ways = new List<bool>();
        for (int step = 0; step < SplitStepChoice.SkipSteps + trialSteps; step++)
        {
            Assert.Null(choice.Threads);
            bool onThreads = choice.NextOnThreads();
            ways.Add(onThreads);
            choice.Record(onThreads, onThreads ? threadTicks : callingTicks);
        }
        Assert.Equal(expectThreads, choice.Threads);
        Assert.All(ways.Take(SplitStepChoice.SkipSteps), Assert.True);
        var trial = ways.Skip(SplitStepChoice.SkipSteps).ToList();
        for (int i = 0; i < trialSteps; i++)
            Assert.Equal(i / SplitStepChoice.BlockSteps % 2 == 0, trial[i]);
        for (int step = 0; step < 20; step++)
            Assert.Equal(expectThreads, choice.NextOnThreads());
    }

    [Fact]
    public void Forced_OverridesTheTrial()
    {
        try
        {
            SplitStepChoice.Forced = false;
            var choice = new SplitStepChoice();
            for (int step = 0; step < 100; step++)
            {
                Assert.False(choice.NextOnThreads());
                choice.Record(false, 1);
            }
            Assert.Null(choice.Threads);
        }
        finally
        {
            SplitStepChoice.Forced = null;
        }
    }
}

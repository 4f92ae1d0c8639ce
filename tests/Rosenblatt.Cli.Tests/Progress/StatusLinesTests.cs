using Rosenblatt.Cli.Progress;

namespace Rosenblatt.Cli.Tests.Progress;

public class StatusLinesTests
{
    private static (List<string> Lines, ManualClock Clock, StatusLines Status) Start(string doing)
    {
        var lines = new List<string>();
        var clock = new ManualClock();
        return (lines, clock, new StatusLines(lines.Add, clock, doing));
    }

    [Fact]
    public void Start_PrintsTheStepAtOnce()
    {
        var (lines, _, status) = Start("Loading mnist");
        using (status)
            Assert.Equal(["Loading mnist ..."], lines);
    }

    [Fact]
    public void ASecondOfSilence_PrintsAHeartbeatWithTheTimeSoFar_AndNoneBefore()
    {
        var (lines, clock, status) = Start("Evaluating on 70000 rows");
        using (status)
        {
            clock.Advance(TimeSpan.FromSeconds(0.8));
            Assert.Single(lines);
            clock.Advance(TimeSpan.FromSeconds(0.2));
            Assert.Equal(["Evaluating on 70000 rows ...", "Evaluating on 70000 rows ... 0.9s"], lines);
            clock.Advance(TimeSpan.FromSeconds(3));
        }
        Assert.Equal(5, lines.Count);
        Assert.Equal("Evaluating on 70000 rows ... 3.6s", lines[^1]);
    }

    [Fact]
    public void NoTwoLines_AreMoreThanASecondApart_OverALongStep()
    {
        var stamps = new List<TimeSpan>();
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        using (new StatusLines(_ => stamps.Add(clock.GetUtcNow() - start), clock, "Training the perceptron on 60000 rows"))
            clock.Advance(TimeSpan.FromSeconds(100));
        Assert.InRange(stamps.Count, 100, 112);
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.InRange((pair.Second - pair.First).TotalSeconds, 0.1, 1.0));
    }

    [Fact]
    public void Say_PrintsAtOnce_AndPutsOffTheHeartbeat_WhichThenRepeatsIt()
    {
        var (lines, clock, status) = Start("Loading MNIST");
        using (status)
        {
            clock.Advance(TimeSpan.FromSeconds(0.5));
            status.Say("run 1/3 ...");
            clock.Advance(TimeSpan.FromSeconds(0.8));
            Assert.Equal(["Loading MNIST ...", "run 1/3 ..."], lines);
            clock.Advance(TimeSpan.FromSeconds(0.2));
            Assert.Equal("run 1/3 ... 1.4s", lines[^1]);
        }
    }

    [Fact]
    public void Show_ChangesWhatTheHeartbeatRepeats_WithoutALine()
    {
        var (lines, clock, status) = Start("Fetching mnist");
        using (status)
        {
            status.Show("downloading train-images-idx3-ubyte.gz: 4.2 of 9.5 MB");
            Assert.Single(lines);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("downloading train-images-idx3-ubyte.gz: 4.2 of 9.5 MB ... 0.9s", lines[^1]);
        }
    }

    [Fact]
    public void AfterDispose_NothingMoreIsPrinted()
    {
        var (lines, clock, status) = Start("Loading mnist");
        status.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        status.Say("too late");
        Assert.Equal(["Loading mnist ..."], lines);
    }
}

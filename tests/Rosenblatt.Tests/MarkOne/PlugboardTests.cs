using Rosenblatt.MarkOne;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.MarkOne;

public class PlugboardTests
{
    [Fact]
    public void Wire_WithTheSameSeed_GivesTheSameBoard_AndAnotherSeedAnother()
    {
        var a = Plugboard.Wire(new MarkOneOptions { Seed = 7 });
        var b = Plugboard.Wire(new MarkOneOptions { Seed = 7 });
        var c = Plugboard.Wire(new MarkOneOptions { Seed = 8 });
        Assert.True(a.SameWiring(b));
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.False(a.SameWiring(c));
    }

    [Fact]
    public void Wire_GivesEachUnitDistinctPointsOnTheRetina_SplitIntoExcitatoryAndInhibitory()
    {
        var board = Plugboard.Wire(new MarkOneOptions { AssociationUnits = 300, ExcitatoryConnections = 4, InhibitoryConnections = 3, Threshold = 1, Seed = 3 });
        Assert.Equal(300 * 7, board.ToArray().Length);
        for (int a = 0; a < board.Units; a++)
        {
            var plus = board.ExcitatoryPoints(a);
            var minus = board.InhibitoryPoints(a);
            Assert.Equal(4, plus.Count);
            Assert.Equal(3, minus.Count);
            Assert.Equal(7, plus.Concat(minus).Distinct().Count());
            Assert.All(plus.Concat(minus), p => Assert.InRange(p, 0, 399));
        }
    }

    [Fact]
    public void Wire_UsesEveryRetinaPointAboutEquallyOften()
    {
        var board = Plugboard.Wire(new MarkOneOptions { AssociationUnits = 4000, Seed = 5 });
        var counts = new int[400];
        foreach (int p in board.ToArray()) counts[p]++;
        // 40,000 wires over 400 points: 100 each on average; a uniform draw stays within ±50 of that.
        Assert.All(counts, n => Assert.InRange(n, 50, 150));
    }

    [Fact]
    public void Activity_IsTheSignedCountOfLitPointsReachingTheThreshold_ForRandomImages()
    {
        var board = Plugboard.Wire(new MarkOneOptions { RetinaWidth = 13, RetinaHeight = 7, AssociationUnits = 77, ExcitatoryConnections = 3, InhibitoryConnections = 2, Threshold = 1, Seed = 11 });
        var random = new SeededRandom(2);
        for (int trial = 0; trial < 50; trial++)
        {
            var retina = new byte[91];
            for (int p = 0; p < retina.Length; p++) retina[p] = random.NextDouble() < 0.3 ? (byte)1 : (byte)0;
            var fires = board.Activity(retina);
            var sums = board.Sums(retina);
            for (int a = 0; a < board.Units; a++)
            {
                int expected = board.ExcitatoryPoints(a).Count(p => retina[p] == 1) - board.InhibitoryPoints(a).Count(p => retina[p] == 1);
                Assert.Equal(expected, sums[a]);
                Assert.Equal(expected >= 1, fires[a]);
            }
        }
    }

    [Fact]
    public void Activity_OnADarkRetina_FiresOnlyUnitsWithThresholdAtMostZero()
    {
        var dark = new byte[400];
        Assert.DoesNotContain(true, Plugboard.Wire(new MarkOneOptions { Threshold = 1 }).Activity(dark));
        Assert.DoesNotContain(false, Plugboard.Wire(new MarkOneOptions { Threshold = 0 }).Activity(dark));
    }

    [Fact]
    public void Activity_WithAnImageOfTheWrongSize_SaysTheRetinaSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugboard.Wire(new MarkOneOptions()).Activity(new byte[784]));
        Assert.Contains("the image has 784 points but the retina has 20×20 = 400", ex.Message);
    }

    [Fact]
    public void Restore_FromToArray_GivesTheSameBoard()
    {
        var board = Plugboard.Wire(new MarkOneOptions { Seed = 4 });
        var back = Plugboard.Restore(20, 20, board.Excitatory, board.Inhibitory, board.Threshold, board.ToArray());
        Assert.True(board.SameWiring(back));
    }

    [Fact]
    public void Restore_WithAWireOffTheRetinaOrARepeatedPoint_SaysWhichUnit()
    {
        var off = Assert.Throws<ArgumentException>(() => Plugboard.Restore(2, 2, 1, 1, 1, [0, 1, 2, 4]));
        Assert.Contains("unit 2's wire 2 goes to point 4, off the 2×2 retina", off.Message);
        var twice = Assert.Throws<ArgumentException>(() => Plugboard.Restore(2, 2, 1, 1, 1, [3, 3]));
        Assert.Contains("unit 1 is wired to point 3 twice", twice.Message);
        var ragged = Assert.Throws<ArgumentException>(() => Plugboard.Restore(2, 2, 1, 1, 1, [0, 1, 2]));
        Assert.Contains("not a whole number of units of 2 wires", ragged.Message);
    }

    [Fact]
    public void Print_ListsEachUnitsWiresAsRowAndColumn()
    {
        var board = Plugboard.Restore(3, 2, 1, 1, 1, [0, 5, 4, 1]);
        Assert.Equal(
            "Plugboard: 3×2 retina → 2 A-units, 1 excitatory + 1 inhibitory wires each, threshold θ = 1\n" +
            "A1: +(0,0) −(1,2)\nA2: +(1,1) −(0,1)\n",
            board.Print().ReplaceLineEndings("\n"));
    }
}

using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.Numerics;

public class PlugboardKernelsTests
{
    [Fact]
    public void Activate_ForEveryRetinaLength0To100_MatchesTheScalarSumOverWires()
    {
        var random = new SeededRandom(1);
        for (int pixels = 1; pixels <= 100; pixels++)
        {
            int units = 1 + random.NextInt(40), e = 1 + random.NextInt(Math.Min(pixels, 3)), i = random.NextInt(Math.Min(pixels - e, 3) + 1);
            var wires = new int[units][];
            for (int a = 0; a < units; a++)
            {
                var deck = Enumerable.Range(0, pixels).ToArray();
                random.Shuffle(deck.AsSpan());
                wires[a] = deck[..(e + i)];
            }
            var (es, eu) = FanOut(wires, 0, e, pixels);
            var (@is, iu) = FanOut(wires, e, i, pixels);
            var retina = new byte[pixels];
            for (int p = 0; p < pixels; p++) retina[p] = (byte)random.NextInt(2);
            int threshold = 1 - i + random.NextInt(e + i);
            var sums = new int[units];
            var active = new int[units];
            int n = PlugboardKernels.Activate(retina, es, eu, @is, iu, threshold, sums, active);
            var expected = Enumerable.Range(0, units).Where(a => wires[a][..e].Count(p => retina[p] == 1) - wires[a][e..].Count(p => retina[p] == 1) >= threshold).ToArray();
            Assert.Equal(expected, active[..n]);
            for (int a = 0; a < units; a++)
                Assert.Equal(wires[a][..e].Count(p => retina[p] == 1) - wires[a][e..].Count(p => retina[p] == 1), sums[a]);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(3)]
    [InlineData(10)]
    public void RespondAndReinforce_MatchTheScalarSumsOverActiveRows(int responses)
    {
        var random = new SeededRandom(responses);
        int units = 50;
        var weights = Enumerable.Range(0, units * responses).Select(_ => (float)random.NextInt(7) - 3).ToArray();
        var bias = Enumerable.Range(0, responses).Select(_ => (float)random.NextInt(5)).ToArray();
        int[] active = [0, 3, 4, 17, 49];
        var response = new float[responses];
        PlugboardKernels.Respond(active, weights, bias, response);
        for (int r = 0; r < responses; r++)
            Assert.Equal(bias[r] + active.Sum(a => weights[a * responses + r]), response[r]);

        var delta = Enumerable.Range(0, responses).Select(r => (float)(r % 3 - 1)).ToArray();
        var before = (float[])weights.Clone();
        var biasBefore = (float[])bias.Clone();
        PlugboardKernels.Reinforce(active, weights, bias, delta);
        for (int a = 0; a < units; a++)
            for (int r = 0; r < responses; r++)
                Assert.Equal(before[a * responses + r] + (active.Contains(a) ? delta[r] : 0), weights[a * responses + r]);
        for (int r = 0; r < responses; r++)
            Assert.Equal(biasBefore[r] + delta[r], bias[r]);
    }

    private static (int[] Start, int[] Units) FanOut(int[][] wires, int first, int count, int pixels)
    {
        var lists = Enumerable.Range(0, pixels).Select(_ => new List<int>()).ToArray();
        for (int a = 0; a < wires.Length; a++)
            for (int k = first; k < first + count; k++)
                lists[wires[a][k]].Add(a);
        var start = new int[pixels + 1];
        for (int p = 0; p < pixels; p++) start[p + 1] = start[p] + lists[p].Count;
        return (start, lists.SelectMany(l => l).ToArray());
    }
}

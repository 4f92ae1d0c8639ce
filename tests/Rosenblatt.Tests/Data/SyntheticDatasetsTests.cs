using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class SyntheticDatasetsTests
{
    public static TheoryData<string> AllNames => new(SyntheticDatasets.Names);

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Generate_SameSeed_GivesTheSamePoints_OtherSeedDiffers(string name)
    {
        var a = SyntheticDatasets.Generate(name, 101, 0.2, seed: 5);
        var b = SyntheticDatasets.Generate(name, 101, 0.2, seed: 5);
        var c = SyntheticDatasets.Generate(name, 101, 0.2, seed: 6);
        Assert.Equal(101, a.Count);
        Assert.Equal(2, a.FeatureCount);
        Assert.Equal(a.Features.AsSpan().ToArray(), b.Features.AsSpan().ToArray());
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features.AsSpan().ToArray(), c.Features.AsSpan().ToArray());
        Assert.Equal(name, a.Name);
    }

    [Fact]
    public void Circle_WithoutNoise_LabelsTheInnerDiscOne()
    {
        var circle = SyntheticDatasets.Circle(401, 0, seed: 1);
        Assert.Equal([200, 201], circle.ClassCounts());
        for (int i = 0; i < circle.Count; i++)
        {
            double r = Math.Sqrt(Math.Pow(circle.Features[i, 0], 2) + Math.Pow(circle.Features[i, 1], 2));
            if (circle.Labels[i] == 1)
                Assert.InRange(r, 0, 2.5);
            else
                Assert.InRange(r, 3.5 - 1e-5, 5 + 1e-5);
        }
    }

    [Fact]
    public void Circle_WithNoise_MislabelsSomePointsButDoesNotMoveThem()
    {
        var circle = SyntheticDatasets.Circle(1000, 0.5, seed: 2);
        int flipped = 0;
        for (int i = 0; i < circle.Count; i++)
        {
            double r = Math.Sqrt(Math.Pow(circle.Features[i, 0], 2) + Math.Pow(circle.Features[i, 1], 2));
            Assert.True(r <= 2.5 + 1e-5 || r >= 3.5 - 1e-5, $"point {i} at radius {r} lies in the gap");
            if ((r < 2.5) != (circle.Labels[i] == 1))
                flipped++;
        }
        Assert.InRange(flipped, 1, 999);
    }

    [Fact]
    public void Xor_WithoutNoise_LabelsByQuadrantAndKeepsAGapAtTheAxes()
    {
        var xor = SyntheticDatasets.Xor(500, 0, seed: 3);
        for (int i = 0; i < xor.Count; i++)
        {
            float x = xor.Features[i, 0], y = xor.Features[i, 1];
            Assert.True(Math.Abs(x) >= 0.3f - 1e-6 && Math.Abs(y) >= 0.3f - 1e-6);
            Assert.True(Math.Abs(x) <= 5.3f + 1e-5 && Math.Abs(y) <= 5.3f + 1e-5);
            Assert.Equal(x * y >= 0 ? 1 : 0, xor.Labels[i]);
        }
    }

    [Fact]
    public void Gaussian_CentresTheClassesAtPlusAndMinusTwo()
    {
        var g = SyntheticDatasets.Gaussian(4000, 0, seed: 4);
        for (int label = 0; label < 2; label++)
        {
            var rows = Enumerable.Range(0, g.Count).Where(i => g.Labels[i] == label).ToArray();
            double mx = rows.Average(i => g.Features[i, 0]), my = rows.Average(i => g.Features[i, 1]);
            double expected = label == 1 ? 2 : -2;
            Assert.InRange(mx, expected - 0.1, expected + 0.1);
            Assert.InRange(my, expected - 0.1, expected + 0.1);
            // variance 0.5 + 7·0 = 0.5
            double vx = rows.Average(i => Math.Pow(g.Features[i, 0] - mx, 2));
            Assert.InRange(vx, 0.45, 0.55);
        }
    }

    [Fact]
    public void Spiral_WithoutNoise_PutsEachArmOnItsCurve()
    {
        var s = SyntheticDatasets.Spiral(200, 0, seed: 5);
        Assert.Equal([100, 100], s.ClassCounts());
        for (int i = 0; i < s.Count; i++)
        {
            double x = s.Features[i, 0], y = s.Features[i, 1];
            double r = Math.Sqrt(x * x + y * y);
            Assert.True(r < 5);
            // r = 5k/n and angle t = 1.75·2π·k/n (+π for class 0): recover k and check the angle.
            double k = r / 5 * 100;
            Assert.Equal(Math.Round(k), k, 3);
            double t = 1.75 * 2 * Math.PI * Math.Round(k) / 100 + (s.Labels[i] == 1 ? 0 : Math.PI);
            if (r > 1e-6)
            {
                Assert.Equal(r * Math.Sin(t), x, 4);
                Assert.Equal(r * Math.Cos(t), y, 4);
            }
        }
    }

    [Fact]
    public void TwoMoons_WithoutNoise_LieOnTheirArcs()
    {
        var m = SyntheticDatasets.TwoMoons(100, 0, seed: 6);
        Assert.Equal([50, 50], m.ClassCounts());
        for (int i = 0; i < m.Count; i++)
        {
            double x = m.Features[i, 0], y = m.Features[i, 1];
            if (m.Labels[i] == 0)
            {
                Assert.Equal(1, x * x + y * y, 5);
                Assert.True(y >= -1e-6);
            }
            else
            {
                Assert.Equal(1, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 5);
                Assert.True(y <= 0.5 + 1e-6);
            }
        }
    }

    [Fact]
    public void Blobs_WithoutNoise_PutEveryClassOnOneCentre()
    {
        var b = SyntheticDatasets.Blobs(10, 0, centers: 3, seed: 7);
        Assert.Equal([4, 3, 3], b.ClassCounts());
        for (int k = 0; k < 3; k++)
        {
            var points = Enumerable.Range(0, b.Count).Where(i => b.Labels[i] == k).Select(i => (b.Features[i, 0], b.Features[i, 1])).Distinct().ToArray();
            Assert.Single(points);
            Assert.InRange(points[0].Item1, -10, 10);
        }
    }

    [Fact]
    public void Generate_ShufflesTheClassesTogether()
    {
        var s = SyntheticDatasets.Spiral(200, 0.1, seed: 8);
        Assert.Contains(0, s.Labels[..20]);
        Assert.Contains(1, s.Labels[..20]);
    }

    [Fact]
    public void Generate_ByName_EqualsTheNamedMethod()
    {
        var a = SyntheticDatasets.Generate("Two-Moons", 50, null, seed: 9);
        var b = SyntheticDatasets.TwoMoons(50, 0.1, seed: 9);
        Assert.Equal(b.Features.AsSpan().ToArray(), a.Features.AsSpan().ToArray());
        Assert.True(SyntheticDatasets.Contains("SPIRAL"));
        Assert.False(SyntheticDatasets.Contains("iris"));
    }

    [Fact]
    public void BadArguments_AreRejectedWithTheValueAndAFix()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Circle(1));
        Assert.Contains("size must be >= 2 (received 1)", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Xor(100, -0.1));
        Assert.Contains("received -0.1", e.Message);
        Assert.Contains("help:", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Spiral(100, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Gaussian(100, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Blobs(2, 1, centers: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Blobs(100, 1, centers: 1));
        var a = Assert.Throws<ArgumentException>(() => SyntheticDatasets.Generate("donut"));
        Assert.Contains("circle, xor, gaussian, spiral, moons, blobs", a.Message);
    }
}

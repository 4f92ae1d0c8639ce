using Rosenblatt.Data.Retina;

namespace Rosenblatt.Tests.Data.Retina;

public class RetinaGeneratorTests
{
    private static IEnumerable<(int Row, int Column)> Lit(RetinaDataset set, int index)
    {
        var images = set.Images;
        for (int r = 0; r < images.Height; r++)
            for (int c = 0; c < images.Width; c++)
                if (images.IsLit(index, r, c)) yield return (r, c);
    }

    private static RetinaDataset Clean(int count = 200, long seed = 1) => RetinaShapes.Generate(new RetinaTaskOptions { Count = count, Seed = seed });

    [Fact]
    public void Shapes_WithTheSameSeed_AreTheSameImages_AndAnotherSeedOthers()
    {
        Assert.Equal(Clean(seed: 4).Images.Pixels, Clean(seed: 4).Images.Pixels);
        Assert.Equal(Clean(seed: 4).Labels, Clean(seed: 4).Labels);
        Assert.NotEqual(Clean(seed: 4).Images.Pixels, Clean(seed: 5).Images.Pixels);
    }

    [Fact]
    public void Shapes_AreBalanced_AndVaryInSizeAndPosition()
    {
        var set = Clean(400);
        Assert.Equal([100, 100, 100, 100], set.ClassCounts());
        Assert.True(set.Figures!.Select(f => f.Height).Distinct().Count() >= 6);
        Assert.True(set.Figures!.Select(f => (f.Top, f.Left)).Distinct().Count() > 100);
        Assert.All(set.Figures!, f => Assert.InRange(f.Height, 7, 14));
    }

    [Fact]
    public void Square_LightsExactlyTheBorderOfItsBox()
    {
        var set = Clean();
        foreach (int i in Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == 0))
        {
            var f = set.Figures![i];
            var expected = new HashSet<(int, int)>();
            for (int k = 0; k < f.Height; k++)
            {
                expected.Add((f.Top, f.Left + k)); expected.Add((f.Top + f.Height - 1, f.Left + k));
                expected.Add((f.Top + k, f.Left)); expected.Add((f.Top + k, f.Left + f.Height - 1));
            }
            Assert.Equal(expected.Order(), Lit(set, i).Order());
            Assert.Equal(4 * (f.Height - 1), Lit(set, i).Count());
        }
    }

    [Fact]
    public void Cross_LightsTheMiddleRowAndColumnOfItsBox()
    {
        var set = Clean();
        foreach (int i in Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == 3))
        {
            var f = set.Figures![i];
            int row = f.Top + f.Height / 2, column = f.Left + f.Height / 2;
            Assert.All(Lit(set, i), p => Assert.True(p.Row == row || p.Column == column));
            Assert.Equal(2 * f.Height - 1, Lit(set, i).Count());
        }
    }

    [Fact]
    public void Circle_LightsARingWithinHalfAPointOfItsRadius_AndNoCorner()
    {
        var set = Clean();
        foreach (int i in Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == 1))
        {
            var f = set.Figures![i];
            double centre = (f.Height - 1) / 2.0;
            Assert.All(Lit(set, i), p =>
                Assert.InRange(Math.Sqrt(Math.Pow(p.Row - f.Top - centre, 2) + Math.Pow(p.Column - f.Left - centre, 2)), centre - 0.5, centre + 0.5));
            Assert.False(set.Images.IsLit(i, f.Top, f.Left));
            Assert.True(set.Images.IsLit(i, f.Top + (int)Math.Round(centre), f.Left), "the ring touches the box's left side");
        }
    }

    [Fact]
    public void Triangle_HasItsApexAtTheTopMiddle_AndAFullBase()
    {
        var set = Clean();
        foreach (int i in Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == 2))
        {
            var f = set.Figures![i];
            Assert.Equal([(f.Top, f.Left + (f.Height - 1) / 2)], Lit(set, i).Where(p => p.Row == f.Top));
            Assert.Equal(f.Height, Lit(set, i).Count(p => p.Row == f.Top + f.Height - 1));
            Assert.All(Lit(set, i), p => Assert.InRange(p.Row, f.Top, f.Top + f.Height - 1));
        }
    }

    [Fact]
    public void Letters_EAndFDifferOnlyInTheBottomBar()
    {
        var set = RetinaLetters.Generate(new RetinaTaskOptions { Count = 100, Seed = 3 });
        Assert.Equal(["E", "F", "X", "O"], set.ClassNames);
        foreach (int i in Enumerable.Range(0, set.Count).Where(i => set.Labels[i] is 0 or 1))
        {
            var f = set.Figures![i];
            Assert.Equal(RetinaLetters.WidthFor(f.Height), f.Width);
            int bottom = f.Top + f.Height - 1;
            int litInBottomRow = Lit(set, i).Count(p => p.Row == bottom);
            int leftStroke = Lit(set, i).Count(p => p.Row == bottom && p.Column < f.Left + Math.Max(1, f.Width / 5 + (f.Width % 5 == 0 ? 0 : 1)));
            if (set.Labels[i] == 0)
                Assert.Equal(f.Width, litInBottomRow);
            else
                Assert.Equal(leftStroke, litInBottomRow);
            Assert.All(Enumerable.Range(f.Top, f.Height), r => Assert.True(set.Images.IsLit(i, r, f.Left), "the left stroke runs top to bottom"));
        }
    }

    [Fact]
    public void Letters_DrawTheGlyphScaledIntoTheirBox()
    {
        var image = new byte[20 * 20];
        RetinaLetters.Draw(image, 20, 'X', 2, 3, 7);
        var glyph = RetinaLetters.Glyph('X');
        for (int r = 0; r < 7; r++)
            for (int c = 0; c < 5; c++)
                Assert.Equal(glyph[r][c] == '#' ? 1 : 0, image[(2 + r) * 20 + 3 + c]);
        Assert.Equal(glyph.Sum(row => row.Count(ch => ch == '#')), image.Sum(b => b));
    }

    [Fact]
    public void Noise_FlipsAboutTheRequestedShareOfPoints()
    {
        var clean = Clean(500, 7);
        var noisy = RetinaShapes.Generate(new RetinaTaskOptions { Count = 500, Seed = 7, Noise = 0.05 });
        int flipped = clean.Images.Pixels.Zip(noisy.Images.Pixels).Count(p => p.First != p.Second);
        Assert.InRange(flipped / (double)clean.Images.Pixels.Length, 0.045, 0.055);
        Assert.Equal(clean.Labels, noisy.Labels);
    }

    [Fact]
    public void Split_IsSeeded_AndKeepsEveryImageOnce()
    {
        var set = Clean(100);
        var (train, test) = set.Split(0.2, seed: 3);
        Assert.Equal(80, train.Count);
        Assert.Equal(20, test.Count);
        var again = set.Split(0.2, seed: 3);
        Assert.Equal(test.Images.Pixels, again.Test.Images.Pixels);
        Assert.Equal(set.ClassCounts().Sum(), train.ClassCounts().Sum() + test.ClassCounts().Sum());
    }

    [Fact]
    public void Generate_WithAFigureLargerThanTheRetina_SaysSo()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => RetinaShapes.Generate(new RetinaTaskOptions { MaxSize = 21 }));
        Assert.Contains("MaxSize must be <= 20 (received 21)", ex.Message);
        var letters = Assert.ThrowsAny<ArgumentException>(() => RetinaLetters.Generate(null, "EQ"));
        Assert.Contains("there is no glyph for 'Q'", letters.Message);
    }
}

using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Retina;

/// <summary>The drawing behind the retina generators: figures in a box, placement, noise, and the set they make.</summary>
internal static class RetinaCanvas
{
    /// <summary>Draws <paramref name="options"/>.Count images of balanced classes; <paramref name="draw"/> paints class k at a size into a box it returns.</summary>
    internal static RetinaDataset Generate(string name, IReadOnlyList<string> classNames, RetinaTaskOptions options,
        Func<int, int, (int Height, int Width)> boxOf, Action<Span<byte>, int, int, int, int, int, int> draw)
    {
        var random = new SeededRandom(options.Seed);
        // Noise has its own stream, so the same seed draws the same figures in the same places at every noise level.
        var noise = new SeededRandom(unchecked((long)((ulong)options.Seed ^ 0xA5A5_5A5A_C3C3_3C3CUL)));
        int n = options.Count, w = options.Width, h = options.Height, points = w * h;
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % classNames.Count;
        random.Shuffle(labels.AsSpan());
        var pixels = new byte[n * points];
        var figures = new RetinaFigure[n];
        for (int i = 0; i < n; i++)
        {
            int size = options.MinSize + random.NextInt(options.MaxSize - options.MinSize + 1);
            var (boxHeight, boxWidth) = boxOf(labels[i], size);
            int top = random.NextInt(h - boxHeight + 1), left = random.NextInt(w - boxWidth + 1);
            var image = pixels.AsSpan(i * points, points);
            draw(image, w, labels[i], top, left, boxHeight, boxWidth);
            figures[i] = new RetinaFigure(labels[i], top, left, boxHeight, boxWidth);
            if (options.Noise > 0)
            {
                for (int p = 0; p < points; p++)
                    if (noise.NextDouble() < options.Noise) image[p] ^= 1;
            }
        }
        return new RetinaDataset(name, new RetinaImages(n, w, h, pixels), labels, classNames, figures);
    }

    /// <summary>Lights the points of a straight line from (r0, c0) to (r1, c1) (Bresenham).</summary>
    internal static void Line(Span<byte> image, int width, int r0, int c0, int r1, int c1)
    {
        int dr = Math.Abs(r1 - r0), dc = Math.Abs(c1 - c0), sr = r0 < r1 ? 1 : -1, sc = c0 < c1 ? 1 : -1, err = dc - dr;
        while (true)
        {
            image[r0 * width + c0] = 1;
            if (r0 == r1 && c0 == c1) return;
            int e2 = 2 * err;
            if (e2 > -dr) { err -= dr; c0 += sc; }
            if (e2 < dc) { err += dc; r0 += sr; }
        }
    }
}

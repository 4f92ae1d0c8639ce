namespace Rosenblatt.Data.Retina;

/// <summary>Outline shapes on the retina (square, circle, triangle, cross) at random positions and sizes: the geometric forms of the 1960 demonstrations.</summary>
/// <remarks>
/// Each figure is drawn in an s × s box (s between <see cref="RetinaTaskOptions.MinSize"/> and
/// <see cref="RetinaTaskOptions.MaxSize"/>) placed anywhere on the retina, one point thick:
/// <list type="bullet">
/// <item><b>square</b>: the box's border (4(s − 1) points);</item>
/// <item><b>circle</b>: the points whose centre lies within half a point of the circle of radius (s − 1)/2 about the box's centre;</item>
/// <item><b>triangle</b>: apex at the middle of the top row, base along the bottom row, sides drawn as straight lines;</item>
/// <item><b>cross</b>: a plus sign, the box's middle row and middle column (row and column s/2, rounded down).</item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 2000, Seed = 1 });
/// var (train, test) = shapes.Split(0.25, seed: 1);
/// Console.WriteLine(shapes.Images.ToText(0));
/// </code>
/// </example>
public static class RetinaShapes
{
    /// <summary>The class names in index order: square, circle, triangle, cross.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["square", "circle", "triangle", "cross"];

    /// <summary>The smallest size drawn legibly.</summary>
    public const int SmallestSize = 5;

    /// <summary>Draws a balanced set of the four shapes.</summary>
    /// <param name="options">Count, retina, sizes, noise, seed; defaults when null.</param>
    /// <returns>The images with their labels and figure boxes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static RetinaDataset Generate(RetinaTaskOptions? options = null)
    {
        options ??= new RetinaTaskOptions();
        options.Validate(SmallestSize);
        return RetinaCanvas.Generate("shapes", ClassNames, options, (_, size) => (size, size), Draw);
    }

    /// <summary>Paints shape <paramref name="shape"/> (a class index) in the box at (<paramref name="top"/>, <paramref name="left"/>) of side <paramref name="size"/>.</summary>
    /// <param name="image">A retina of <paramref name="width"/> columns.</param>
    /// <param name="width">Retina columns.</param>
    /// <param name="shape">0 square, 1 circle, 2 triangle, 3 cross.</param>
    /// <param name="top">The box's first row.</param>
    /// <param name="left">The box's first column.</param>
    /// <param name="size">The box's side.</param>
    /// <exception cref="ArgumentOutOfRangeException">The box is off the retina or the shape index is unknown.</exception>
    public static void Draw(Span<byte> image, int width, int shape, int top, int left, int size)
    {
        if (top < 0 || left < 0 || left + size > width || (top + size) * width > image.Length || size < 1)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"the {size}×{size} box at ({top}, {left}) is off the retina. help: place the box inside the retina.");
        int last = size - 1;
        switch (shape)
        {
            case 0:
                for (int k = 0; k < size; k++)
                {
                    image[top * width + left + k] = image[(top + last) * width + left + k] = 1;
                    image[(top + k) * width + left] = image[(top + k) * width + left + last] = 1;
                }
                break;
            case 1:
                double centre = last / 2.0, radius = last / 2.0;
                for (int r = 0; r < size; r++)
                    for (int c = 0; c < size; c++)
                        if (Math.Abs(Math.Sqrt((r - centre) * (r - centre) + (c - centre) * (c - centre)) - radius) < 0.5)
                            image[(top + r) * width + left + c] = 1;
                break;
            case 2:
                int apex = left + last / 2;
                RetinaCanvas.Line(image, width, top, apex, top + last, left);
                RetinaCanvas.Line(image, width, top, apex, top + last, left + last);
                RetinaCanvas.Line(image, width, top + last, left, top + last, left + last);
                break;
            case 3:
                for (int k = 0; k < size; k++)
                {
                    image[(top + size / 2) * width + left + k] = 1;
                    image[(top + k) * width + left + size / 2] = 1;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, $"shape {shape} is not known. help: use 0 square, 1 circle, 2 triangle or 3 cross.");
        }
    }

    private static void Draw(Span<byte> image, int width, int shape, int top, int left, int height, int boxWidth) =>
        Draw(image, width, shape, top, left, height);
}

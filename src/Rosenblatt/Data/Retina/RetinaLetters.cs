using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data.Retina;

/// <summary>Block capital letters on the retina (E, F, X, O and more) at random positions and sizes: the letters the Mark I was taught to tell apart.</summary>
/// <remarks>
/// Each letter is a 5 × 7 dot-matrix glyph (<see cref="Glyph"/>) scaled by nearest neighbour into an h × w box,
/// h between <see cref="RetinaTaskOptions.MinSize"/> and <see cref="RetinaTaskOptions.MaxSize"/> (at least 7, so no
/// glyph row is lost) and w = round(5h/7). Point (i, j) of the box is lit when glyph row ⌊7i/h⌋, column ⌊5j/w⌋ is.
/// E and F differ only in the bottom bar: the pair the record says the machine learned above 80% from 60 images.
/// </remarks>
/// <example>
/// <code>
/// var letters = RetinaLetters.Generate(new RetinaTaskOptions { Count = 1000, Seed = 2 }, "EFXO");
/// </code>
/// </example>
public static class RetinaLetters
{
    /// <summary>The letters drawn when none are named: E, F, X, O.</summary>
    public const string DefaultLetters = "EFXO";

    /// <summary>Every letter with a glyph.</summary>
    public const string Available = "EFXOTLHC";

    /// <summary>The smallest letter height drawn (the glyph's 7 rows).</summary>
    public const int SmallestSize = 7;

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['C'] = [".####", "#....", "#....", "#....", "#....", "#....", ".####"],
    };

    /// <summary>A letter's 5 × 7 glyph, one string per row, <c>#</c> lit and <c>.</c> dark.</summary>
    /// <param name="letter">One of <see cref="Available"/>.</param>
    /// <exception cref="ArgumentException">No glyph for that letter.</exception>
    public static IReadOnlyList<string> Glyph(char letter) =>
        Glyphs.TryGetValue(letter, out var rows) ? rows
            : throw Guard.Error(nameof(letter), $"there is no glyph for '{letter}'.", $"use letters from {Available}.");

    /// <summary>The box width of a letter of height <paramref name="height"/>: round(5·height/7).</summary>
    /// <param name="height">The letter's height in points.</param>
    public static int WidthFor(int height) => (int)Math.Round(5.0 * height / 7, MidpointRounding.AwayFromZero);

    /// <summary>Draws a balanced set of the named letters.</summary>
    /// <param name="options">Count, retina, sizes, noise, seed; defaults when null.</param>
    /// <param name="letters">The classes, e.g. "EFXO" (each at most once, each from <see cref="Available"/>).</param>
    /// <returns>The images with their labels ("E", "F", …) and figure boxes.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 letters, a repeat, a letter without a glyph, or an option out of range.</exception>
    public static RetinaDataset Generate(RetinaTaskOptions? options = null, string letters = DefaultLetters)
    {
        options ??= new RetinaTaskOptions();
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Length < 2 || letters.Distinct().Count() != letters.Length)
            throw Guard.Error(nameof(letters), $"letters is \"{letters}\"; name at least 2 distinct letters.", $"e.g. \"{DefaultLetters}\"; available: {Available}.");
        foreach (char c in letters) Glyph(c);
        options.Validate(SmallestSize);
        var names = letters.Select(c => c.ToString()).ToArray();
        return RetinaCanvas.Generate("letters", names, options, (_, size) => (size, WidthFor(size)),
            (image, width, k, top, left, h, w) => Draw(image, width, letters[k], top, left, h));
    }

    /// <summary>Paints <paramref name="letter"/> with its top-left corner at (<paramref name="top"/>, <paramref name="left"/>), <paramref name="height"/> points high.</summary>
    /// <param name="image">A retina of <paramref name="width"/> columns.</param>
    /// <param name="width">Retina columns.</param>
    /// <param name="letter">One of <see cref="Available"/>.</param>
    /// <param name="top">The box's first row.</param>
    /// <param name="left">The box's first column.</param>
    /// <param name="height">The letter's height; its width is <see cref="WidthFor"/>.</param>
    /// <exception cref="ArgumentException">No glyph, or the box is off the retina.</exception>
    public static void Draw(Span<byte> image, int width, char letter, int top, int left, int height)
    {
        var glyph = Glyph(letter);
        int w = WidthFor(height);
        if (top < 0 || left < 0 || left + w > width || (top + height) * width > image.Length || height < 1)
            throw new ArgumentOutOfRangeException(nameof(height), height, $"the {height}×{w} box at ({top}, {left}) is off the retina. help: place the box inside the retina.");
        for (int i = 0; i < height; i++)
            for (int j = 0; j < w; j++)
                if (glyph[7 * i / height][5 * j / w] == '#')
                    image[(top + i) * width + left + j] = 1;
    }
}

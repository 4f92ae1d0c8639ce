using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data.Retina;

/// <summary>MNIST and Fashion-MNIST on the Mark I's retina: the centre 20×20 of each 28×28 image, binarised.</summary>
/// <remarks>
/// <para>MNIST's digits were size-normalised to fit a 20×20 box and then centred (by centre of mass) in 28×28, so
/// the centre 20×20 (rows and columns 4–23) holds almost all of every digit: the Mark I's own retina size.
/// Fashion-MNIST's items fill more of the frame and lose some of their edges to the crop.</para>
/// <para>A point is lit when its grey value is ≥ <see cref="DefaultThreshold"/> (128, half of 255): the photocell
/// saw ink or it did not. About a quarter of the cropped MNIST points are lit (25.1% over the 60,000 training digits).</para>
/// </remarks>
/// <example>
/// <code>
/// RetinaDataset train = RetinaCrop.Mnist(train: true);   // 60,000 binary 20×20 digits
/// </code>
/// </example>
public static class RetinaCrop
{
    /// <summary>The grey value (0–255) from which a point is lit: 128.</summary>
    public const byte DefaultThreshold = 128;

    /// <summary>The retina side the crop produces: 20.</summary>
    public const int Side = 20;

    /// <summary>Crops the centre <paramref name="side"/> × <paramref name="side"/> of every image and binarises it.</summary>
    /// <param name="images">Greyscale images, e.g. from <see cref="IdxReader.ReadImages(string)"/>.</param>
    /// <param name="side">The crop's side, at most the images' smaller side (20 for the Mark I).</param>
    /// <param name="threshold">Grey values ≥ this are lit (1..255).</param>
    /// <returns>Binary images of side × side.</returns>
    /// <exception cref="ArgumentException">The crop is larger than the images, or the threshold is 0.</exception>
    public static RetinaImages Binarise(IdxImages images, int side = Side, byte threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(images);
        Guard.AtLeast(side, 1, nameof(side), "the Mark I's retina is 20 points wide.");
        Guard.AtMost(side, Math.Min(images.Rows, images.Columns), nameof(side), $"the images are {images.Rows}×{images.Columns}; crop at most their smaller side.");
        Guard.AtLeast(threshold, 1, nameof(threshold), "at 0 every point would be lit; the default is 128.");
        int top = (images.Rows - side) / 2, left = (images.Columns - side) / 2;
        var pixels = new byte[images.Count * side * side];
        for (int i = 0; i < images.Count; i++)
        {
            var image = images.Image(i);
            var target = pixels.AsSpan(i * side * side, side * side);
            for (int r = 0; r < side; r++)
                for (int c = 0; c < side; c++)
                    target[r * side + c] = image[(top + r) * images.Columns + left + c] >= threshold ? (byte)1 : (byte)0;
        }
        return new RetinaImages(images.Count, side, side, pixels);
    }

    /// <summary>MNIST's training (60,000) or test (10,000) digits, cropped to 20×20 and binarised at 128.</summary>
    /// <param name="directory">The data folder (or the <c>mnist</c> folder itself); null searches <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <param name="train">True for the training files, false for the test files.</param>
    /// <exception cref="FileNotFoundException">The files are not found; the message lists where it looked and how to fetch them.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated.</exception>
    public static RetinaDataset Mnist(string? directory = null, bool train = true) =>
        Load(Data.Mnist.FolderName, "mnist", Data.Mnist.ClassNames, directory, train);

    /// <summary>Fashion-MNIST's training or test images, cropped to 20×20 and binarised at 128.</summary>
    /// <param name="directory">The data folder (or the <c>fashion-mnist</c> folder itself); null searches <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <param name="train">True for the training files, false for the test files.</param>
    /// <exception cref="FileNotFoundException">The files are not found.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated.</exception>
    public static RetinaDataset FashionMnist(string? directory = null, bool train = true) =>
        Load(Data.FashionMnist.FolderName, "fashion", Data.FashionMnist.ClassNames, directory, train);

    /// <summary>Crops and binarises an IDX image/label pair already in memory (e.g. built by a test).</summary>
    /// <param name="name">The set's name.</param>
    /// <param name="images">The greyscale images.</param>
    /// <param name="labels">One label byte per image.</param>
    /// <param name="classNames">The class names; every label must index one.</param>
    /// <exception cref="ArgumentException">The counts differ or a label is out of range.</exception>
    public static RetinaDataset FromIdx(string name, IdxImages images, byte[] labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new RetinaDataset(name, Binarise(images), Array.ConvertAll(labels, l => (int)l), classNames);
    }

    private static RetinaDataset Load(string folder, string name, IReadOnlyList<string> classNames, string? directory, bool train)
    {
        string prefix = train ? "train" : "t10k";
        var images = IdxReader.ReadImages(DataDirectory.FindFile(folder, $"{prefix}-images-idx3-ubyte.gz", directory));
        var labels = IdxReader.ReadLabels(DataDirectory.FindFile(folder, $"{prefix}-labels-idx1-ubyte.gz", directory));
        return FromIdx($"{name}-{(train ? "train" : "test")}", images, labels, classNames);
    }
}

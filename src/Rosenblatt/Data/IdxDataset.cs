using System.Globalization;

namespace Rosenblatt.Data;

/// <summary>Loads an MNIST-layout pair of IDX files (images + labels) into a <see cref="Dataset"/>.</summary>
internal static class IdxDataset
{
    internal static Dataset Load(string folder, string displayName, string? directory, bool train, IReadOnlyList<string> classNames)
    {
        string prefix = train ? "train" : "t10k";
        string imagesPath = DataDirectory.FindFile(folder, $"{prefix}-images-idx3-ubyte.gz", directory);
        string labelsPath = DataDirectory.FindFile(folder, $"{prefix}-labels-idx1-ubyte.gz", directory);
        IdxImages images = IdxReader.ReadImages(imagesPath);
        byte[] raw = IdxReader.ReadLabels(labelsPath);
        if (raw.Length != images.Count)
            throw new InvalidDataException(
                $"{displayName}: '{imagesPath}' holds {images.Count} images but '{labelsPath}' holds {raw.Length} labels. help: the two files are from different sets; download both again.");
        var labels = new int[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] >= classNames.Count)
                throw new InvalidDataException(
                    $"{displayName}: label {i} in '{labelsPath}' is {raw[i]} but the set has {classNames.Count} classes (0..{classNames.Count - 1}). help: the file is corrupt; download it again.");
            labels[i] = raw[i];
        }
        return new Dataset($"{folder}-{(train ? "train" : "test")}", images, labels, classNames, PixelNames(images.Rows, images.Columns));
    }

    internal static string[] PixelNames(int rows, int columns)
    {
        var names = new string[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                names[r * columns + c] = string.Create(CultureInfo.InvariantCulture, $"pixel_{r}_{c}");
        return names;
    }
}

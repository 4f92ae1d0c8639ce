namespace Rosenblatt.Data;

/// <summary>Fashion-MNIST (Zalando Research): 70,000 28×28 greyscale photos of clothing in 10 classes, MNIST's drop-in replacement.</summary>
/// <remarks>
/// <para>Same file names and IDX layout as <see cref="Mnist"/>, read from the <c>fashion-mnist/</c>
/// sub-folder of the data directory. It is harder than the digits (a linear model reaches about 84%
/// instead of 92%), which makes the benefit of hidden layers visible.</para>
/// <para>Credit: H. Xiao, K. Rasul, R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking
/// Machine Learning Algorithms", arXiv:1708.07747, 2017. MIT License, Copyright (c) 2017 Zalando SE.</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset train = FashionMnist.Load(train: true);
/// string name = train.ClassNames[9]; // "Ankle boot"
/// </code>
/// </example>
public static class FashionMnist
{
    /// <summary>The folder name under the data directory: <c>fashion-mnist</c>.</summary>
    public const string FolderName = "fashion-mnist";

    /// <summary>The ten class names, index i naming label i.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the training set (60,000 images) or the test set (10,000).</summary>
    /// <param name="directory">The data folder (or the <c>fashion-mnist</c> folder itself); null searches <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <param name="train">True for the training files, false for the test files.</param>
    /// <exception cref="FileNotFoundException">The files are not found; the message lists where it looked and how to fetch them.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated.</exception>
    public static Dataset Load(string? directory = null, bool train = true) =>
        IdxDataset.Load(FolderName, "Fashion-MNIST", directory, train, ClassNames);
}

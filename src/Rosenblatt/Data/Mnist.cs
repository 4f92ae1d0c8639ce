namespace Rosenblatt.Data;

/// <summary>The MNIST handwritten digits (LeCun, Cortes, Burges): 60,000 training and 10,000 test images of 28×28.</summary>
/// <remarks>
/// <para>The files are not shipped with the library (11 MB); they are read from the data folder that
/// <see cref="DataDirectory"/> resolves, sub-folder <c>mnist/</c>, with their official names
/// (<c>train-images-idx3-ubyte.gz</c>, <c>t10k-labels-idx1-ubyte.gz</c>, …).</para>
/// <para>Features are the 784 pixels scaled to [0, 1]; classes are "0" … "9". Credit: Y. LeCun,
/// C. Cortes and C.J.C. Burges, "The MNIST database of handwritten digits".</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset train = Mnist.Load(train: true);          // $ROSENBLATT_DATA/mnist or ./data/mnist
/// Dataset test = Mnist.Load("/data", train: false);
/// </code>
/// </example>
public static class Mnist
{
    /// <summary>The folder name under the data directory: <c>mnist</c>.</summary>
    public const string FolderName = "mnist";

    /// <summary>The class names "0" … "9": class i is the digit i.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Loads the training set (60,000 images) or the test set (10,000).</summary>
    /// <param name="directory">The data folder (or the <c>mnist</c> folder itself); null searches <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
    /// <param name="train">True for the training files (<c>train-*</c>), false for the test files (<c>t10k-*</c>).</param>
    /// <exception cref="FileNotFoundException">The files are not found; the message lists where it looked and how to fetch them.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or truncated.</exception>
    public static Dataset Load(string? directory = null, bool train = true) =>
        IdxDataset.Load(FolderName, "MNIST", directory, train, ClassNames);
}

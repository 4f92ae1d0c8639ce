using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Retina;

/// <summary>Labelled retina images: a task for the Mark I (shapes, letters, cropped digits) and for any other classifier.</summary>
/// <remarks>Generated sets also keep each image's <see cref="Figures"/> (class and bounding box), so a test or a lesson can check what was drawn where.</remarks>
public sealed class RetinaDataset
{
    /// <summary>Creates a labelled set.</summary>
    /// <param name="name">A short name, e.g. <c>shapes-train</c>.</param>
    /// <param name="images">The images.</param>
    /// <param name="labels">One class index per image, each in 0..classNames.Count − 1.</param>
    /// <param name="classNames">The class names in index order.</param>
    /// <param name="figures">Where each figure was drawn (generated sets), or null.</param>
    /// <exception cref="ArgumentException">The label or figure count differs from the image count, or a label is out of range.</exception>
    public RetinaDataset(string name, RetinaImages images, int[] labels, IReadOnlyList<string> classNames, IReadOnlyList<RetinaFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (labels.Length != images.Count)
            throw Guard.Error(nameof(labels), $"labels has {labels.Length} entries but there are {images.Count} images.", "pass one label per image.");
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw Guard.Error(nameof(labels), $"labels[{i}] is {labels[i]} but there are {classNames.Count} classes (0..{classNames.Count - 1}).", "pass class indices.");
        }
        if (figures is not null && figures.Count != images.Count)
            throw Guard.Error(nameof(figures), $"figures has {figures.Count} entries but there are {images.Count} images.", "pass one figure per image, or none.");
        Name = name;
        Images = images;
        Labels = labels;
        ClassNames = classNames.ToArray();
        Figures = figures?.ToArray();
    }

    /// <summary>The set's name.</summary>
    public string Name { get; }

    /// <summary>The images.</summary>
    public RetinaImages Images { get; }

    /// <summary>One class index per image.</summary>
    public int[] Labels { get; }

    /// <summary>The class names in index order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Where each figure was drawn, for generated sets; null otherwise.</summary>
    public IReadOnlyList<RetinaFigure>? Figures { get; }

    /// <summary>The number of images.</summary>
    public int Count => Images.Count;

    /// <summary>Each image's class name (the labels a string-labelled classifier takes).</summary>
    public string[] LabelNames() => Array.ConvertAll(Labels, l => ClassNames[l]);

    /// <summary>The images named by <paramref name="indices"/>, in that order, with their labels and figures.</summary>
    /// <param name="indices">Image indices.</param>
    /// <param name="name">The new set's name; this one's when null.</param>
    public RetinaDataset Subset(IReadOnlyList<int> indices, string? name = null) =>
        new(name ?? Name, Images.Subset(indices), indices.Select(i => Labels[i]).ToArray(), ClassNames, Figures is null ? null : indices.Select(i => Figures[i]).ToArray());

    /// <summary>Splits the set at random (seeded) into a training part and a test part.</summary>
    /// <param name="testFraction">The share of images in the test part, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction leaves one part empty.</exception>
    public (RetinaDataset Train, RetinaDataset Test) Split(double testFraction, long seed = 0)
    {
        Guard.InRange(testFraction, 0, 1, nameof(testFraction), "use e.g. 0.2 for a fifth of the images as the test set.");
        int test = (int)Math.Round(Count * testFraction);
        if (test < 1 || test >= Count)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"a test fraction of {testFraction} of {Count} images leaves one part empty. help: use more images or a fraction nearer 0.5.");
        var order = Enumerable.Range(0, Count).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());
        return (Subset(order[test..], Name + "-train"), Subset(order[..test], Name + "-test"));
    }

    /// <summary>How many images each class has, in class-index order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassNames.Count];
        foreach (int l in Labels) counts[l]++;
        return counts;
    }

    /// <summary>The shape, e.g. <c>shapes: 1000 images of 20×20, 4 classes</c>.</summary>
    public override string ToString() => $"{Name}: {Count} images of {Images.Width}×{Images.Height}, {ClassNames.Count} classes";
}

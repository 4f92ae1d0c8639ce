using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Preprocessing;

/// <summary>A per-column rescaling of features, learned from the training rows and then applied unchanged to any rows.</summary>
/// <remarks>
/// <para>Gradient descent and the perceptron rule both move every weight by a step proportional to its
/// feature's value, so a feature measured in thousands drowns one measured in tenths. A scaler puts
/// every column on a comparable scale first.</para>
/// <para>Fit it on the <em>training</em> rows only, then transform the training, validation and test rows
/// with the same learned numbers: fitting on test rows leaks their statistics into the model and makes
/// the test score optimistic. The learned state is stored in model files (<c>ModelFile</c>), so
/// predictions on new data are scaled exactly as the training data was.</para>
/// <para>Statistics are computed in double precision; a float32 <see cref="Matrix"/> is transformed in
/// double and rounded once per value.</para>
/// </remarks>
public abstract class Scaler
{
    private float[]? _pixelTable;

    /// <summary>The scaler's name in model files and CLI flags: <c>standard</c> or <c>minmax</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether <see cref="Fit(Matrix)"/> has run (or the state was restored from a model file).</summary>
    public abstract bool IsFitted { get; }

    /// <summary>The number of feature columns the scaler was fitted on.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public int FeatureCount => Columns(nameof(FeatureCount));

    /// <summary>Learns the per-column statistics of the training features.</summary>
    /// <param name="x">The training features, n × d, all finite, n ≥ 1.</param>
    /// <returns>This scaler, fitted.</returns>
    /// <exception cref="ArgumentException">The matrix is empty or holds a NaN or infinite value (the message names the cell).</exception>
    public Scaler Fit(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0 || x.Columns == 0)
            throw Guard.Error(nameof(x), $"x is empty ({x.Rows} rows × {x.Columns} columns).", "fit the scaler on the training rows: at least one row of features.");
        CheckFinite(x, nameof(x));
        LearnInBlocks(x.Rows, x.Columns, (first, columns) =>
        {
            for (int i = 0; i < x.Rows; i++)
            {
                var row = x.Row(i);
                for (int c = 0; c < columns.Length; c++)
                    columns[c][i] = row[first + c];
            }
        });
        return this;
    }

    /// <summary>Learns the per-column statistics of greyscale images kept as bytes, exactly as <see cref="Fit(Matrix)"/> would on
    /// <see cref="IdxImages.ToMatrix()"/> (pixel / 255), without making that float32 copy of the set.</summary>
    /// <remarks>MNIST's training images are 47 MB as bytes; as a float32 matrix they are 188 MB and as the double rows of
    /// <see cref="Fit(IReadOnlyList{double[]})"/> 376 MB. Columns are read a block at a time, so the extra memory is one block of
    /// columns in double precision (a few MB). Pair it with <see cref="Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>.</remarks>
    /// <param name="images">The training images.</param>
    /// <returns>This scaler, fitted.</returns>
    /// <exception cref="ArgumentException">There are no images.</exception>
    public Scaler Fit(IdxImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
            throw Guard.Error(nameof(images), "images is empty (received 0 images).", "fit the scaler on the training images: at least one.");
        var unit = PixelValues();
        int width = images.PixelsPerImage;
        var pixels = images.Pixels;
        if (TryLearnPixels(images, unit))
        {
            _pixelTable = null;
            return this;
        }
        LearnInBlocks(images.Count, width, (first, columns) =>
        {
            for (int i = 0; i < images.Count; i++)
            {
                int offset = i * width + first;
                for (int c = 0; c < columns.Length; c++)
                    columns[c][i] = unit[pixels[offset + c]];
            }
        });
        _pixelTable = null;
        return this;
    }

    /// <summary>Copies images <paramref name="indices"/>, in order, into <paramref name="destination"/> as float32 rows scaled
    /// exactly as <see cref="TransformInPlace(Matrix)"/> scales the rows of <see cref="IdxImages.ToMatrix()"/>, bit for bit.</summary>
    /// <remarks>A pixel takes one of 256 values, so the scaler becomes a table of 256 floats per pixel (computed once, 0.8 MB for
    /// 28×28 images) and scaling a row is one look-up per pixel. This is how training and prediction read images a batch at a
    /// time without a float32 copy of the set.</remarks>
    /// <param name="images">The images, <see cref="FeatureCount"/> pixels each.</param>
    /// <param name="indices">The images to copy.</param>
    /// <param name="destination">At least indices × pixels floats.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">The images have another pixel count, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the images.</exception>
    public void Transform(IdxImages images, ReadOnlySpan<int> indices, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(images);
        var table = PixelTable(images.PixelsPerImage);
        int width = images.PixelsPerImage;
        if (destination.Length < (long)indices.Length * width)
            throw Guard.Error(nameof(destination), $"destination holds {destination.Length} floats but {indices.Length} images need {(long)indices.Length * width}.",
                "pass a destination of at least indices × pixels floats.");
        for (int i = 0; i < indices.Length; i++)
            PixelKernels.Lookup(images.Image(indices[i]), table, destination.Slice(i * width, width));
    }

    /// <summary>The per-pixel look-up table: entry <c>p · 256 + b</c> is pixel p's byte value b scaled (see <see cref="Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>).</summary>
    internal float[] PixelTable(int pixelsPerImage)
    {
        CheckWidth(pixelsPerImage, "images", nameof(Transform));
        if (_pixelTable is { } cached)
            return cached;
        var unit = PixelValues();
        var table = new float[pixelsPerImage * 256];
        for (int p = 0; p < pixelsPerImage; p++)
            for (int b = 0; b < 256; b++)
                table[p * 256 + b] = (float)Apply(unit[b], p);
        return _pixelTable = table;
    }

    /// <summary>The per-pixel look-up table in double precision: entry <c>p · 256 + b</c> is pixel p's byte value b scaled and not
    /// rounded to float32, the value <see cref="Transform(IReadOnlyList{double[]})"/> gives on the rows of <see cref="IdxImages.ToMatrix()"/>
    /// widened to double. 1.6 MB for 28×28 images; made on each call, for double-precision scoring of images kept as bytes.</summary>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">The scaler was fitted on another pixel count.</exception>
    internal double[] PixelTableDouble(int pixelsPerImage)
    {
        CheckWidth(pixelsPerImage, "images", nameof(Transform));
        var unit = PixelValues();
        var table = new double[pixelsPerImage * 256];
        for (int p = 0; p < pixelsPerImage; p++)
            for (int b = 0; b < 256; b++)
                table[p * 256 + b] = Apply(unit[b], p);
        return table;
    }

    /// <summary>The 256 values a pixel byte takes in <see cref="IdxImages.ToMatrix()"/> (b / 255 in float32), widened to double.</summary>
    internal static double[] PixelValues()
    {
        Span<byte> bytes = stackalloc byte[256];
        for (int b = 0; b < 256; b++)
            bytes[b] = (byte)b;
        Span<float> unit = stackalloc float[256];
        PixelKernels.ScaleToUnit(bytes, unit);
        var values = new double[256];
        for (int b = 0; b < 256; b++)
            values[b] = unit[b];
        return values;
    }

    /// <summary>Learns the state a block of columns at a time: <paramref name="fill"/>(first, columns) writes columns
    /// first.. into the buffers (one per column, one value per row, in row order).</summary>
    private void LearnInBlocks(int rows, int width, Action<int, double[][]> fill)
    {
        const int block = 16;
        BeginLearning(width);
        var buffers = new double[Math.Min(block, width)][];
        for (int c = 0; c < buffers.Length; c++)
            buffers[c] = new double[rows];
        for (int first = 0; first < width; first += block)
        {
            int count = Math.Min(block, width - first);
            var columns = count == buffers.Length ? buffers : buffers[..count];
            fill(first, columns);
            for (int c = 0; c < count; c++)
                LearnColumn(first + c, columns[c]);
        }
        EndLearning();
        _pixelTable = null;
    }

    /// <summary>Learns the per-column statistics of the training rows.</summary>
    /// <param name="x">One row of finite features per training sample, all rows the same length.</param>
    /// <returns>This scaler, fitted.</returns>
    /// <exception cref="ArgumentException">Empty or ragged rows, or a NaN or infinite value (the message names the cell).</exception>
    public Scaler Fit(IReadOnlyList<double[]> x)
    {
        int width = Guard.Features(x, nameof(x));
        LearnInBlocks(x.Count, width, (first, columns) =>
        {
            for (int c = 0; c < columns.Length; c++)
                for (int i = 0; i < x.Count; i++)
                    columns[c][i] = x[i][first + c];
        });
        return this;
    }

    /// <summary>Returns a new matrix holding the scaled features; <paramref name="x"/> is unchanged.</summary>
    /// <param name="x">n × <see cref="FeatureCount"/> finite features.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A different column count, or a NaN or infinite value.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var copy = x.Clone();
        TransformInPlace(copy);
        return copy;
    }

    /// <summary>Scales the features of <paramref name="x"/> in place (no copy: for large data sets).</summary>
    /// <param name="x">n × <see cref="FeatureCount"/> finite features; overwritten.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A different column count, or a NaN or infinite value; <paramref name="x"/> is then unchanged.</exception>
    public void TransformInPlace(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckWidth(x.Columns, nameof(x), nameof(TransformInPlace));
        CheckFinite(x, nameof(x));
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                row[j] = (float)Apply(row[j], j);
        }
    }

    /// <summary>Returns new rows holding the scaled features; <paramref name="x"/> is unchanged.</summary>
    /// <param name="x">Rows of <see cref="FeatureCount"/> finite features.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A row of another length, or a NaN or infinite value.</exception>
    public double[][] Transform(IReadOnlyList<double[]> x)
    {
        int width = Columns(nameof(Transform));
        if (x is { Count: > 0 } && x[0] is { } first && first.Length != width)
            throw FeatureMismatch(first.Length, width, nameof(x));
        Guard.Features(x, nameof(x), width);
        var result = new double[x.Count][];
        for (int i = 0; i < x.Count; i++)
        {
            var row = new double[width];
            for (int j = 0; j < width; j++)
                row[j] = Apply(x[i][j], j);
            result[i] = row;
        }
        return result;
    }

    /// <summary>Fits on <paramref name="x"/> and returns it scaled: the usual call on training features.</summary>
    /// <param name="x">The training features.</param>
    /// <exception cref="ArgumentException">See <see cref="Fit(Matrix)"/>.</exception>
    public Matrix FitTransform(Matrix x) => Fit(x).Transform(x);

    /// <summary>Fits on <paramref name="x"/> and returns the rows scaled.</summary>
    /// <param name="x">The training rows.</param>
    /// <exception cref="ArgumentException">See <see cref="Fit(IReadOnlyList{double[]})"/>.</exception>
    public double[][] FitTransform(IReadOnlyList<double[]> x) => Fit(x).Transform(x);

    /// <summary>Learns the state from byte images directly when the scaler has a faster way than reading every column in
    /// double precision (min-max: the smallest and largest byte of each pixel); returns false to take the general way.</summary>
    /// <param name="images">The training images, at least one.</param>
    /// <param name="unitValues">The 256 values a byte stands for (b / 255 in float32, widened).</param>
    private protected virtual bool TryLearnPixels(IdxImages images, double[] unitValues) => false;

    /// <summary>Starts learning the state of <paramref name="columns"/> columns.</summary>
    private protected abstract void BeginLearning(int columns);

    /// <summary>Learns column <paramref name="column"/>'s state from its values in row order (each finite, at least one).</summary>
    private protected abstract void LearnColumn(int column, ReadOnlySpan<double> values);

    /// <summary>Makes the learned state the scaler's state.</summary>
    private protected abstract void EndLearning();

    /// <summary>The scaled value of <paramref name="value"/> in column <paramref name="column"/>.</summary>
    private protected abstract double Apply(double value, int column);

    /// <summary>The learned column count, or <see cref="NotFittedException"/> naming <paramref name="member"/>.</summary>
    private protected abstract int Columns(string member);

    private protected NotFittedException NotFitted(string member) =>
        new(GetType().Name, member, $"call {GetType().Name}.Fit(trainingFeatures) first, on the training rows only.");

    private void CheckWidth(int columns, string paramName, string member)
    {
        int width = Columns(member);
        if (columns != width)
            throw FeatureMismatch(columns, width, paramName);
    }

    private ArgumentException FeatureMismatch(int received, int expected, string paramName) =>
        Guard.Error(paramName, $"{paramName} has {received} features but the {Kind} scaler was fitted on {expected}.",
            $"pass rows of {expected} features, in the same column order as the training data.");

    private static void CheckFinite(Matrix x, string paramName)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                if (!float.IsFinite(row[j]))
                    throw Guard.Error(paramName, $"{paramName}[{i}][{j}] is {Guard.Format(row[j])}, not a finite number.",
                        "remove or impute NaN and infinite values before scaling.");
            }
        }
    }

    /// <summary>Rejects a column whose statistics overflowed double (values near ±1.8e308), which would scale to NaN.</summary>
    private protected static void CheckLearned(double value, int column, string statistic)
    {
        if (!double.IsFinite(value))
            throw Guard.Error("x", $"column {column}'s {statistic} overflows a double (its values are near ±1.8e308).",
                "divide that column by a large constant first; no feature needs values that large.");
    }

    private protected static double[] CheckState(IReadOnlyList<double>? values, string name, int? length)
    {
        if (values is null)
            throw new ArgumentNullException(name, $"{name} is missing. help: restore a scaler from the state a fitted scaler exposes.");
        if (values.Count == 0 || (length is int n && values.Count != n))
            throw Guard.Error(name, $"{name} has {values.Count} values{(length is int m ? $" but {m} are needed" : "")}.", "pass one value per feature column.");
        for (int j = 0; j < values.Count; j++)
        {
            if (!double.IsFinite(values[j]))
                throw Guard.Error(name, $"{name}[{j}] is {Guard.Format(values[j])}, not a finite number.", "a fitted scaler's state is always finite; the stored state is damaged.");
        }
        return values.ToArray();
    }
}

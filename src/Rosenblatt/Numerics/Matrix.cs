using System.Globalization;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>A dense float32 matrix stored row-major in one contiguous array.</summary>
/// <remarks>
/// Element (r, c) lives at <c>data[r · Columns + c]</c>. Layers use it for weights (inputs × outputs)
/// and activations (batch × features). Row-major with no padding is what the kernels in
/// <see cref="Gemm"/> and <see cref="RowKernels"/> take as spans, so a matrix passes to them
/// through <see cref="AsSpan"/> without copying. float32 because it halves memory traffic against
/// double and every fast CPU path (AVX2, BLAS, PyTorch) trains in single precision.
/// </remarks>
/// <example>
/// <code>
/// var x = Matrix.FromRows(new[] { new float[] { 1, 2 }, new float[] { 3, 4 } });
/// x[1, 0] = 5;              // row 1, column 0
/// Span&lt;float&gt; row = x.Row(1); // [5, 4]
/// </code>
/// </example>
public sealed class Matrix
{
    private readonly float[] _data;

    /// <summary>Creates a zero-filled matrix of the given shape.</summary>
    /// <param name="rows">Number of rows, &gt;= 0.</param>
    /// <param name="columns">Number of columns, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the product is too large for one array.</exception>
    public Matrix(int rows, int columns)
    {
        ValidateShape(rows, columns);
        Rows = rows;
        Columns = columns;
        _data = new float[rows * columns];
    }

    /// <summary>Wraps an existing row-major array without copying it.</summary>
    /// <remarks>Writes through the matrix are visible in <paramref name="data"/> and the other way round;
    /// that is the point: a caller can hand a pooled buffer to the kernels with no copy.</remarks>
    /// <param name="rows">Number of rows, &gt;= 0.</param>
    /// <param name="columns">Number of columns, &gt;= 0.</param>
    /// <param name="data">Exactly <paramref name="rows"/> · <paramref name="columns"/> values, row after row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has the wrong length.</exception>
    public Matrix(int rows, int columns, float[] data)
    {
        ValidateShape(rows, columns);
        if (data is null)
            throw new ArgumentNullException(nameof(data), "data is null. help: pass rows · columns values, row after row.");
        if (data.Length != rows * columns)
            throw Guard.Error(nameof(data),
                $"data must hold rows · columns = {rows} · {columns} = {rows * columns} values (received {data.Length}).",
                "pass exactly one value per element, row after row, or change rows/columns to match.");
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows (for activations: the batch size).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (for activations: the feature count).</summary>
    public int Columns { get; }

    /// <summary>Number of elements, <see cref="Rows"/> · <see cref="Columns"/>.</summary>
    public int Length => _data.Length;

    /// <summary>The element at <paramref name="row"/>, <paramref name="column"/>.</summary>
    /// <remarks>Checked on every access, so it is for tests and small code paths; kernels take <see cref="AsSpan"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public float this[int row, int column]
    {
        get => _data[Index(row, column)];
        set => _data[Index(row, column)] = value;
    }

    /// <summary>All elements, row-major, as a writable span over the backing array (no copy).</summary>
    public Span<float> AsSpan() => _data;

    /// <summary>Row <paramref name="row"/> as a writable span of <see cref="Columns"/> values (no copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the matrix.</exception>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
            throw RowOutOfRange(row);
        return _data.AsSpan(row * Columns, Columns);
    }

    /// <summary>Copies a jagged array of rows into a new matrix.</summary>
    /// <param name="rows">At least one row; every row the same length.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static Matrix FromRows(float[][] rows)
    {
        int columns = RectangularWidth(rows);
        var m = new Matrix(rows.Length, columns);
        for (int r = 0; r < rows.Length; r++)
            rows[r].CopyTo(m.Row(r));
        return m;
    }

    /// <summary>Converts a jagged array of double rows into a new float32 matrix.</summary>
    /// <remarks>Each value is rounded to the nearest float; the rest of the library's tables are double
    /// for readability, the engine is float32 for speed.</remarks>
    /// <param name="rows">At least one row; every row the same length.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static Matrix FromRows(double[][] rows)
    {
        int columns = RectangularWidth(rows);
        var m = new Matrix(rows.Length, columns);
        for (int r = 0; r < rows.Length; r++)
        {
            Span<float> dst = m.Row(r);
            for (int c = 0; c < columns; c++)
                dst[c] = (float)rows[r][c];
        }
        return m;
    }

    /// <summary>A deep copy: same shape, its own array.</summary>
    public Matrix Clone() => new(Rows, Columns, (float[])_data.Clone());

    /// <summary>Copies the matrix out as a jagged array, one array per row.</summary>
    public float[][] ToRows()
    {
        var result = new float[Rows][];
        for (int r = 0; r < Rows; r++)
            result[r] = Row(r).ToArray();
        return result;
    }

    /// <summary>Copies the matrix out as a rectangular array indexed [row, column].</summary>
    public float[,] ToArray2D()
    {
        var result = new float[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                result[r, c] = _data[r * Columns + c];
        return result;
    }

    /// <summary>The shape and the values as NumPy prints them, e.g. <c>Matrix 2×2</c> then <c>[[1 2]</c>, <c> [3 4]]</c>.</summary>
    /// <remarks>Beyond six rows or columns only the first and last three are shown, with <c>...</c> between, because a
    /// matrix can hold millions of values; up to 4 significant digits each.</remarks>
    public override string ToString() => MatrixFormat.Format(this);

    private int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows)
            throw RowOutOfRange(row);
        if ((uint)column >= (uint)Columns)
            throw new ArgumentOutOfRangeException(nameof(column), column,
                $"column must be in 0..{Columns - 1} for a {Rows}×{Columns} matrix (received {column}). help: columns are numbered from 0.");
        return row * Columns + column;
    }

    private ArgumentOutOfRangeException RowOutOfRange(int row) =>
        new(nameof(row), row,
            $"row must be in 0..{Rows - 1} for a {Rows}×{Columns} matrix (received {row}). help: rows are numbered from 0.");

    private static void ValidateShape(int rows, int columns)
    {
        Guard.AtLeast(rows, 0, nameof(rows), "a matrix has zero or more rows.");
        Guard.AtLeast(columns, 0, nameof(columns), "a matrix has zero or more columns.");
        if ((long)rows * columns > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(columns), columns,
                $"rows · columns must fit in one array (received {rows} · {columns} = {(long)rows * columns}). help: split the data into smaller batches.");
    }

    private static int RectangularWidth<T>(T[]?[]? rows)
    {
        if (rows is null)
            throw new ArgumentNullException(nameof(rows), "rows is null. help: pass one array per row.");
        if (rows.Length == 0)
            return 0;
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r] is null)
                throw new ArgumentNullException(nameof(rows), $"rows[{r}] is null. help: every row must be an array of values.");
        }
        int width = rows[0]!.Length;
        for (int r = 1; r < rows.Length; r++)
        {
            if (rows[r]!.Length != width)
                throw Guard.Error(nameof(rows),
                    $"rows must all have the same length: row 0 has {width} values, row {r} has {rows[r]!.Length}.",
                    "pad or trim the ragged row so the table is rectangular.");
        }
        return width;
    }
}

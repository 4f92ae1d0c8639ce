using System.Runtime.CompilerServices;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>General matrix multiply, C = op(A)·op(B) + beta·C, in float32 on row-major spans.</summary>
/// <remarks>
/// <para>The one entry point for every product a network needs. With X the batch (batch × in), W the
/// weights (in × out) and dZ the output gradient (batch × out): forward Z = X·W; weight gradient
/// dW = Xᵀ·dZ (<c>transposeA</c>, and <c>beta = 1</c> to accumulate over micro-batches); input
/// gradient dX = dZ·Wᵀ (<c>transposeB</c>). op(A) is m×k and op(B) is k×n; a transposed operand is
/// passed as stored (Aᵀ stored k×m, Bᵀ stored n×k) and never copied out.</para>
/// <para>How: tiny products (at most 4096 multiply-adds, e.g. XOR's 4×2·2×4) run a direct loop; shallow ones
/// (k ≤ 16, e.g. dL/dH behind a 10-class output) compute rows from a packed B (<see cref="GemmShallow"/>); larger
/// ones pack blocks of A and B into contiguous panels and run a 6×16 register-tiled AVX2/FMA kernel
/// (12×16 with AVX-512, two 6-row tiles at once with the same bits; a Vector128 kernel on CPUs without FMA), blocked for L1/L2/L3 as in Goto and van de Geijn's
/// BLAS. Large products are split over up to <see cref="Parallelism.MaxThreads"/> threads by whole
/// blocks of output rows or columns, never over k, so each element is computed by the same operations
/// whatever the thread count: the result is bit-identical for 1 or N threads.</para>
/// <para>No allocation per call once warm: packing buffers are per thread and reused.</para>
/// </remarks>
/// <example>
/// <code>
/// // Z (128×10) = H (128×128) · W (128×10)
/// Gemm.Multiply(h, w, z, m: 128, n: 10, k: 128);
/// // dW (128×10) += Hᵀ · dZ
/// Gemm.Multiply(h, dz, dw, m: 128, n: 10, k: 128, transposeA: true, beta: 1f);
/// </code>
/// </example>
public static unsafe class Gemm
{
    /// <summary>Below this many multiply-adds per thread, another thread costs more to wake than it saves.</summary>
    internal const long MinWorkPerThread = 1L << 19;

    /// <summary>Computes C = op(A)·op(B) + beta·C.</summary>
    /// <param name="a">op(A) is m×k: A stored m×k row-major, or k×m when <paramref name="transposeA"/>.</param>
    /// <param name="b">op(B) is k×n: B stored k×n row-major, or n×k when <paramref name="transposeB"/>.</param>
    /// <param name="c">m×n row-major output; must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of C (for a layer: the batch size).</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The shared inner dimension.</param>
    /// <param name="transposeA">Use Aᵀ: <paramref name="a"/> holds the k×m matrix whose transpose is multiplied.</param>
    /// <param name="transposeB">Use Bᵀ: <paramref name="b"/> holds the n×k matrix whose transpose is multiplied.</param>
    /// <param name="beta">Weight of the old C. 0 overwrites C without reading it (NaN in C is ignored); 1 accumulates.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length, or <paramref name="c"/> overlaps an input.</exception>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float beta = 0f)
    {
        Validate(a, b, c, m, n, k, transposeA, transposeB);
        Run(a, b, default, c, m, n, k, transposeA, transposeB, beta, GemmEpilogue.None);
    }

    /// <summary>Computes C = epilogue(op(A)·op(B) + bias), the bias row added to every row: a dense layer's forward pass in one call.</summary>
    /// <remarks>The bias and activation are applied to each block of C right after its product, while it
    /// is still in cache. The result equals <see cref="Multiply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, bool, bool, float)"/>
    /// followed by <see cref="RowKernels.AddRowVector"/> and the activation kernel, bit for bit.</remarks>
    /// <param name="a">op(A) is m×k: A stored m×k row-major, or k×m when <paramref name="transposeA"/>.</param>
    /// <param name="b">op(B) is k×n: B stored k×n row-major, or n×k when <paramref name="transposeB"/>.</param>
    /// <param name="bias">n values, one per column of C.</param>
    /// <param name="c">m×n row-major output, overwritten; must not overlap an input.</param>
    /// <param name="m">Rows of C (the batch size).</param>
    /// <param name="n">Columns of C (the layer's outputs).</param>
    /// <param name="k">The shared inner dimension (the layer's inputs).</param>
    /// <param name="epilogue">Activation applied after the bias.</param>
    /// <param name="transposeA">Use Aᵀ.</param>
    /// <param name="transposeB">Use Bᵀ (e.g. weights stored out × in).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or <paramref name="epilogue"/> is not defined.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length, or <paramref name="c"/> overlaps an input.</exception>
    public static void MultiplyAddBias(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c,
        int m, int n, int k, GemmEpilogue epilogue = GemmEpilogue.None, bool transposeA = false, bool transposeB = false)
    {
        Validate(a, b, c, m, n, k, transposeA, transposeB);
        if (bias.Length != n)
            throw Guard.Error(nameof(bias), $"bias must hold n = {n} values, one per column of C (received {bias.Length}).",
                "pass one bias per output unit.");
        if (bias.Overlaps(c))
            throw Guard.Error(nameof(bias), "bias overlaps c.", "keep the bias in its own buffer; C is overwritten.");
        if ((uint)epilogue > (uint)GemmEpilogue.Sigmoid) // not Enum.IsDefined, which boxes: no allocation per call
            throw new ArgumentOutOfRangeException(nameof(epilogue), epilogue,
                $"epilogue must be None, Relu or Sigmoid (received {(int)epilogue}). help: use a GemmEpilogue member.");
        Run(a, b, bias, c, m, n, k, transposeA, transposeB, 0f, epilogue);
    }

    /// <summary>Computes <paramref name="c"/> = op(<paramref name="a"/>)·op(<paramref name="b"/>) + beta·<paramref name="c"/>, shapes taken from the matrices.</summary>
    /// <param name="a">Left operand; its transpose is used when <paramref name="transposeA"/>.</param>
    /// <param name="b">Right operand; its transpose is used when <paramref name="transposeB"/>.</param>
    /// <param name="c">Output, rows of op(A) × columns of op(B).</param>
    /// <param name="transposeA">Use Aᵀ.</param>
    /// <param name="transposeB">Use Bᵀ.</param>
    /// <param name="beta">Weight of the old C: 0 overwrites, 1 accumulates.</param>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not fit together, or <paramref name="c"/> is <paramref name="a"/> or <paramref name="b"/>.</exception>
    public static void Multiply(Matrix a, Matrix b, Matrix c, bool transposeA = false, bool transposeB = false, float beta = 0f)
    {
        (int m, int n, int k) = Shapes(a, b, c, transposeA, transposeB);
        Multiply(a.AsSpan(), b.AsSpan(), c.AsSpan(), m, n, k, transposeA, transposeB, beta);
    }

    /// <summary>Returns a new matrix op(<paramref name="a"/>)·op(<paramref name="b"/>).</summary>
    /// <remarks>Allocates the result; in a training loop, reuse an output with the overload that takes <c>c</c>.</remarks>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="transposeA">Use Aᵀ.</param>
    /// <param name="transposeB">Use Bᵀ.</param>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    public static Matrix Multiply(Matrix a, Matrix b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = new Matrix(transposeA ? a.Columns : a.Rows, transposeB ? b.Rows : b.Columns);
        Multiply(a, b, c, transposeA, transposeB);
        return c;
    }

    /// <summary>Computes <paramref name="c"/> = epilogue(op(<paramref name="a"/>)·op(<paramref name="b"/>) + bias), shapes taken from the matrices.</summary>
    /// <param name="a">Left operand (the batch).</param>
    /// <param name="b">Right operand (the weights).</param>
    /// <param name="bias">One value per column of <paramref name="c"/>.</param>
    /// <param name="c">Output, overwritten.</param>
    /// <param name="epilogue">Activation applied after the bias.</param>
    /// <param name="transposeA">Use Aᵀ.</param>
    /// <param name="transposeB">Use Bᵀ.</param>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not fit together.</exception>
    public static void MultiplyAddBias(Matrix a, Matrix b, ReadOnlySpan<float> bias, Matrix c,
        GemmEpilogue epilogue = GemmEpilogue.None, bool transposeA = false, bool transposeB = false)
    {
        (int m, int n, int k) = Shapes(a, b, c, transposeA, transposeB);
        MultiplyAddBias(a.AsSpan(), b.AsSpan(), bias, c.AsSpan(), m, n, k, epilogue, transposeA, transposeB);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c,
        int m, int n, int k, bool transposeA, bool transposeB, float beta, GemmEpilogue epilogue)
    {
        if (m == 0 || n == 0)
            return;
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            if (GemmSmall.Handles(m, n, k))
            {
                // Tiny shapes: plain arguments, no problem description to build (its cost rivals the arithmetic).
                GemmSmall.Run(pa, pb, pc, bias.IsEmpty ? null : pbias, m, n, k, transposeA, transposeB, beta, epilogue);
                return;
            }
            var problem = new GemmProblem(pa, pb, pc, bias.IsEmpty ? null : pbias, m, n, k,
                transposeA, transposeB, beta, epilogue);
            (int parts, bool splitRows) = Partition(m, n, k, Parallelism.MaxThreads);
            if (parts == 1 && GemmShallow.Handles(k, beta))
            {
                GemmShallow.Run(problem); // k ≤ 16: the same bits as the blocked path, without its packing and tiles
                return;
            }
            GemmWorkers.Run(problem, parts, splitRows);
        }
    }

    /// <summary>Computes only columns [<paramref name="first"/>, <paramref name="end"/>) of C = epilogue(op(A)·B + bias), on the
    /// calling thread: one thread's share of a product whose columns a split training step divides itself.</summary>
    /// <remarks>The columns get exactly the bits the whole product gives them (a region never changes the
    /// arithmetic). Only for products too large for the tiny-shape path, which a region cannot reproduce;
    /// <paramref name="first"/> must start a 16-column tile. Arguments are checked by the caller, once per training run.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyColumns(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c,
        int m, int n, int k, bool transposeA, GemmEpilogue epilogue, int first, int end)
    {
        CheckColumnBlock(!GemmSmall.Handles(m, n, k), m, n, k, first, end);
        if (m == 0 || first == end)
            return;
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            var problem = new GemmProblem(pa, pb, pc, bias.IsEmpty ? null : pbias, m, n, k, transposeA, false, 0f, epilogue);
            GemmBlocked.Run(problem, 0, m, first, end);
        }
    }

    /// <summary>Columns [<paramref name="first"/>, <paramref name="end"/>) of W += rate·(Aᵀ·B), with A stored k×m, in one pass:
    /// a plain SGD step (rate = −lr) fused into the weight gradient's product, so the gradient is never stored and
    /// the weights are read and written once. Returns false when a gradient value was NaN or ±∞ (the weights of the
    /// block are then not to be trusted).</summary>
    /// <remarks>Each weight gets exactly the bits of computing the gradient with <see cref="Multiply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, bool, bool, float)"/>
    /// and then <c>TensorPrimitives.MultiplyAdd(gradient, rate, w, w)</c>: the product's accumulator is the same, then
    /// one multiply and one add. Only when <see cref="CanDescend"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool DescendColumns(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> w, int m, int n, int k, float rate, int first, int end)
    {
        CheckColumnBlock(CanDescend(m, n, k), m, n, k, first, end);
        if (m == 0 || first == end)
            return true;
        GemmMicroKernel.t_nonFinite = false;
        fixed (float* pa = a, pb = b, pw = w)
        {
            var problem = new GemmProblem(pa, pb, pw, null, m, n, k, transposeA: true, transposeB: false, rate, GemmEpilogue.None, descend: true);
            GemmBlocked.Run(problem, 0, m, first, end);
        }
        return !GemmMicroKernel.t_nonFinite;
    }

    /// <summary>Refuses a column block that the region kernels cannot compute apart with the whole product's bits: a shape off
    /// their path, or a block not starting on a 16-column tile. A caller's mistake, never the user's: arguments are checked once per run.</summary>
    private static void CheckColumnBlock(bool onPath, int m, int n, int k, int first, int end)
    {
        if (!onPath || first % GemmMicroKernel.NR != 0 || first < 0 || end > n || first > end)
            throw new InvalidOperationException($"a column block [{first}, {end}) of a {m}×{n}×{k} product cannot be computed apart.");
    }

    /// <summary>Whether <see cref="DescendColumns"/> can run this shape: one depth block (each weight's gradient is
    /// complete when it is stored) and not a tiny product (whose direct loop has no fused store).</summary>
    internal static bool CanDescend(int m, int n, int k) => k <= GemmBlocked.KC && !GemmSmall.Handles(m, n, k);

    /// <summary>How many threads and along which dimension; changes speed only, never results.</summary>
    internal static (int Parts, bool SplitRows) Partition(int m, int n, int k, int maxThreads)
    {
        long work = (long)m * n * k;
        int parts = (int)Math.Clamp(work / MinWorkPerThread, 1, maxThreads);
        int rowTiles = (m + GemmMicroKernel.MR - 1) / GemmMicroKernel.MR;
        int colTiles = (n + GemmMicroKernel.NR - 1) / GemmMicroKernel.NR;
        // Split the longer side: each thread then repacks only the other, smaller operand.
        bool splitRows = rowTiles * GemmMicroKernel.MR >= colTiles * GemmMicroKernel.NR;
        // Except when every thread's columns are few enough to read A in place: then splitting rows makes each
        // thread pack all of B, splitting columns only its share. Worth it once B is at least as large as A
        // (a layer's forward pass X·W with as many inputs as the batch has rows).
        if (splitRows && parts > 1 && colTiles >= parts && n <= GemmBlocked.DirectAMaxColumns && (long)k * n >= (long)m * k)
            splitRows = false;
        return (Math.Min(parts, splitRows ? rowTiles : colTiles), splitRows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Validate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA, bool transposeB)
    {
        if ((m | n | k) < 0) // one test on the hot path; the Guard calls name the culprit
        {
            Guard.AtLeast(m, 0, nameof(m), "m is the number of rows of C; use 0 for an empty batch.");
            Guard.AtLeast(n, 0, nameof(n), "n is the number of columns of C.");
            Guard.AtLeast(k, 0, nameof(k), "k is the inner dimension shared by op(A) and op(B).");
        }
        if (a.Length != (long)m * k)
            throw LengthError(a.Length, (long)m * k, nameof(a), transposeA ? $"Aᵀ stored k×m = {k}×{m}" : $"A stored m×k = {m}×{k}");
        if (b.Length != (long)k * n)
            throw LengthError(b.Length, (long)k * n, nameof(b), transposeB ? $"Bᵀ stored n×k = {n}×{k}" : $"B stored k×n = {k}×{n}");
        if (c.Length != (long)m * n)
            throw LengthError(c.Length, (long)m * n, nameof(c), $"C stored m×n = {m}×{n}");
        if (c.Overlaps(a))
            throw Guard.Error(nameof(c), "c overlaps a.", "write the product to its own buffer; GEMM reads A while it writes C.");
        if (c.Overlaps(b))
            throw Guard.Error(nameof(c), "c overlaps b.", "write the product to its own buffer; GEMM reads B while it writes C.");
    }

    private static ArgumentException LengthError(int length, long expected, string name, string what) =>
        Guard.Error(name, $"{name} must hold {expected} floats for {what} (received {length}).",
            "check m, n, k and the transpose flags, or slice the span to exactly the matrix.");

    private static (int M, int N, int K) Shapes(Matrix a, Matrix b, Matrix c, bool transposeA, bool transposeB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int m = transposeA ? a.Columns : a.Rows, ka = transposeA ? a.Rows : a.Columns;
        int kb = transposeB ? b.Columns : b.Rows, n = transposeB ? b.Rows : b.Columns;
        string opA = transposeA ? "aᵀ" : "a", opB = transposeB ? "bᵀ" : "b";
        if (ka != kb)
            throw Guard.Error(nameof(b),
                $"{opA} is {m}×{ka} but {opB} is {kb}×{n}: the inner dimensions {ka} and {kb} differ.",
                "the columns of the left operand must equal the rows of the right; check the transpose flags.");
        if (c.Rows != m || c.Columns != n)
            throw Guard.Error(nameof(c), $"c must be {m}×{n} for {opA}·{opB} (received {c.Rows}×{c.Columns}).",
                "allocate c with the rows of the left operand and the columns of the right.");
        return (m, n, ka);
    }
}

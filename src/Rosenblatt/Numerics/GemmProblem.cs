namespace Rosenblatt.Numerics;

/// <summary>One validated matrix product, as raw pointers and strides, shared by the GEMM internals.</summary>
/// <remarks>
/// op(A)[i, p] = A[i·ARowStride + p·AColStride] and op(B)[p, j] = B[p·BRowStride + j·BColStride], so a
/// transposed operand is only a swap of strides. The caller pins the spans for the whole call.
/// </remarks>
internal readonly unsafe struct GemmProblem
{
    public GemmProblem(float* a, float* b, float* c, float* bias, int m, int n, int k,
        bool transposeA, bool transposeB, float beta, GemmEpilogue epilogue, bool descend = false)
    {
        Descend = descend;
        A = a;
        B = b;
        C = c;
        Bias = bias;
        M = m;
        N = n;
        K = k;
        ARowStride = transposeA ? 1 : k;
        AColStride = transposeA ? m : 1;
        BRowStride = transposeB ? 1 : n;
        BColStride = transposeB ? k : 1;
        Beta = beta;
        Epilogue = epilogue;
    }

    public float* A { get; }
    public float* B { get; }
    public float* C { get; }

    /// <summary>Null when no bias is added.</summary>
    public float* Bias { get; }
    public int M { get; }
    public int N { get; }
    public int K { get; }
    public int ARowStride { get; }
    public int AColStride { get; }
    public int BRowStride { get; }
    public int BColStride { get; }
    public float Beta { get; }
    public GemmEpilogue Epilogue { get; }

    /// <summary>C holds weights and gets C = op(A)·op(B)·beta + C in one depth block: an SGD step fused into the gradient's product.</summary>
    public bool Descend { get; }
    public bool HasEpilogue => Bias != null || Epilogue != GemmEpilogue.None;
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rosenblatt.Numerics;

/// <summary>The cache-blocked GEMM loop nest (Goto/BLIS order) over one rectangular region of C.</summary>
/// <remarks>
/// Loops, outer to inner: columns by NC (B block in L3), depth by KC (shared by every region),
/// rows by MC (packed A block in L2), then 16-column B panels (in L1) and 6-row A panels.
/// The depth blocks depend only on K, never on the region, so a region computed alone gives exactly
/// the bits it gets as part of the whole product; the thread partition in <see cref="Gemm"/> relies on it.
/// </remarks>
internal static unsafe class GemmBlocked
{
    public const int MC = 144;
    public const int KC = 256;
    public const int NC = 2048;

    /// <summary>Column blocks up to this wide read A in place instead of packing it.</summary>
    public const int DirectAMaxColumns = 8 * GemmMicroKernel.NR;

    private const int MR = GemmMicroKernel.MR;
    private const int NR = GemmMicroKernel.NR;

    [ThreadStatic] private static float[]? t_packA;
    [ThreadStatic] private static float[]? t_packB;

    /// <summary>Depth-block size for a product of depth k: blocks as equal as possible, none over KC.</summary>
    /// <remarks>784 becomes 4 × 196 rather than 3 × 256 + 16: a short last block would pay the C load/store for little work.</remarks>
    public static int DepthBlock(int k)
    {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /// <summary>Computes C[rowStart..rowEnd, colStart..colEnd] = op(A)·op(B) + beta·C, then the epilogue.</summary>
    public static void Run(in GemmProblem p, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int kcMax = DepthBlock(p.K);
        int mcMax = Math.Min(MC, RoundUp(rowEnd - rowStart, MR));
        int ncMax = Math.Min(NC, RoundUp(colEnd - colStart, NR));
        float* packA = Buffer(ref t_packA, mcMax * kcMax);
        float* packB = Buffer(ref t_packB, ncMax * kcMax);
        bool wide = GemmWideKernel.IsActive;

        for (int jc = colStart; jc < colEnd; jc += NC)
        {
            int nc = Math.Min(NC, colEnd - jc);
            // With few column panels each A panel is used only a few times: reading A in place beats packing it.
            bool directA = nc <= DirectAMaxColumns;
            for (int pc = 0; pc < p.K; pc += kcMax)
            {
                int kc = Math.Min(kcMax, p.K - pc);
                int mode = pc > 0 ? GemmMicroKernel.Accumulate
                    : p.Descend ? GemmMicroKernel.Descend
                    : p.Beta == 0f ? GemmMicroKernel.Overwrite : GemmMicroKernel.ScaleAndAdd;
                GemmPacking.PackB(packB, p, pc, kc, jc, nc);
                for (int ic = rowStart; ic < rowEnd; ic += MC)
                {
                    int mc = Math.Min(MC, rowEnd - ic);
                    if (!directA)
                        GemmPacking.PackA(packA, p, ic, mc, pc, kc);
                    for (int jr = 0; jr < nc; jr += NR)
                    {
                        int nr = Math.Min(NR, nc - jr);
                        float* b = packB + (long)jr * kc;
                        float* c = p.C + (long)ic * p.N + jc + jr;
                        int ir = 0;
                        if (wide)
                        {
                            // Two 6-row tiles per call while 12 rows remain: same bits, twice the work per instruction.
                            for (; ir + GemmWideKernel.Rows <= mc; ir += GemmWideKernel.Rows)
                            {
                                float* cTile = c + (long)ir * p.N;
                                if (!directA)
                                    GemmWideKernel.Run(kc, packA + (long)ir * kc, packA + (long)(ir + MR) * kc, MR, b, cTile, p.N, nr, mode, p.Beta);
                                else if (p.AColStride == 1)
                                    GemmWideKernel.RunRows(kc, p.A + (long)(ic + ir) * p.ARowStride + pc, p.ARowStride, b, cTile, p.N, nr, mode, p.Beta);
                                else
                                {
                                    float* top = p.A + (long)pc * p.AColStride + ic + ir;
                                    GemmWideKernel.Run(kc, top, top + MR, p.AColStride, b, cTile, p.N, nr, mode, p.Beta);
                                }
                            }
                        }
                        for (; ir < mc; ir += MR)
                        {
                            int mr = Math.Min(MR, mc - ir);
                            float* cTile = c + (long)ir * p.N;
                            if (!directA)
                            {
                                GemmMicroKernel.Run(kc, packA + (long)ir * kc, MR, b, cTile, p.N, mr, nr, mode, p.Beta);
                            }
                            else if (p.AColStride == 1)
                            {
                                GemmMicroKernel.RunRows(kc, p.A + (long)(ic + ir) * p.ARowStride + pc, p.ARowStride,
                                    b, cTile, p.N, mr, nr, mode, p.Beta);
                            }
                            else if (mr == MR)
                            {
                                GemmMicroKernel.Run(kc, p.A + (long)pc * p.AColStride + ic + ir, p.AColStride,
                                    b, cTile, p.N, mr, nr, mode, p.Beta);
                            }
                            else
                            {
                                // Aᵀ's last rows: reading six in place would run past the matrix, so pack them.
                                GemmPacking.PackA(packA, p, ic + ir, mr, pc, kc);
                                GemmMicroKernel.Run(kc, packA, MR, b, cTile, p.N, mr, nr, mode, p.Beta);
                            }
                        }
                    }
                }
            }
        }
        GemmEpilogueKernel.Apply(p, rowStart, rowEnd, colStart, colEnd);
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>A thread's packing buffer, grown on demand, pinned and 64-byte aligned; no allocation once warm.</summary>
    private static float* Buffer(ref float[]? store, int floats)
    {
        const int Pad = 16; // floats of slack to align the start to a cache line
        if (store is null || store.Length < floats + Pad)
            store = GC.AllocateUninitializedArray<float>(floats + Pad, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(store));
        nint aligned = (address + 63) & ~(nint)63;
        return (float*)aligned;
    }
}

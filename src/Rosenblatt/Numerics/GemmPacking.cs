using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Copies blocks of op(A) and op(B) into the contiguous, zero-padded panels the micro-kernel streams.</summary>
/// <remarks>
/// Packing turns whatever layout the caller has (plain or transposed) into one layout: the kernel then
/// reads both operands strictly sequentially, which keeps them in L1/L2 and lets the hardware prefetch.
/// Panels are zero-padded to the full tile so the kernel never branches on the edge.
/// </remarks>
internal static unsafe class GemmPacking
{
    private const int MR = GemmMicroKernel.MR;
    private const int NR = GemmMicroKernel.NR;

    /// <summary>Packs rows i0..i0+mc, depth p0..p0+kc of op(A) as ceil(mc/6) panels of kc·6 floats.</summary>
    public static void PackA(float* dst, in GemmProblem p, int i0, int mc, int p0, int kc)
    {
        int rs = p.ARowStride, cs = p.AColStride;
        for (int ir = 0; ir < mc; ir += MR)
        {
            int mr = Math.Min(MR, mc - ir);
            float* panel = dst + (long)ir * kc;
            if (cs == 1 && mr == MR)
            {
                // A as stored, full panel: read six row streams, write the panel sequentially.
                float* r0 = p.A + (long)(i0 + ir) * rs + p0;
                float* r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs, r4 = r3 + rs, r5 = r4 + rs;
                float* d = panel;
                for (int q = 0; q < kc; q++, d += MR)
                {
                    d[0] = r0[q];
                    d[1] = r1[q];
                    d[2] = r2[q];
                    d[3] = r3[q];
                    d[4] = r4[q];
                    d[5] = r5[q];
                }
            }
            else if (cs == 1)
            {
                // A as stored, edge panel: each row is contiguous in k; scatter it into every 6th slot.
                for (int r = 0; r < mr; r++)
                {
                    float* src = p.A + (long)(i0 + ir + r) * rs + p0;
                    float* d = panel + r;
                    for (int q = 0; q < kc; q++)
                        d[q * MR] = src[q];
                }
            }
            else
            {
                // Aᵀ as stored: the 6 rows of one k step are contiguous.
                for (int q = 0; q < kc; q++)
                {
                    float* src = p.A + (long)(p0 + q) * cs + i0 + ir;
                    float* d = panel + q * MR;
                    for (int r = 0; r < mr; r++)
                        d[r] = src[r];
                }
            }
            if (mr < MR)
            {
                for (int q = 0; q < kc; q++)
                    for (int r = mr; r < MR; r++)
                        panel[q * MR + r] = 0f;
            }
        }
    }

    /// <summary>Packs depth p0..p0+kc, columns j0..j0+nc of op(B) as ceil(nc/16) panels of kc·16 floats.</summary>
    public static void PackB(float* dst, in GemmProblem p, int p0, int kc, int j0, int nc)
    {
        int rs = p.BRowStride, cs = p.BColStride;
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = Math.Min(NR, nc - jr);
            float* panel = dst + (long)jr * kc;
            if (cs == 1)
            {
                // B as stored: the 16 columns of one k step are contiguous.
                for (int q = 0; q < kc; q++)
                {
                    float* src = p.B + (long)(p0 + q) * rs + j0 + jr;
                    float* d = panel + q * NR;
                    if (nr == NR)
                    {
                        Vector256.Store(Vector256.Load(src), d);
                        Vector256.Store(Vector256.Load(src + 8), d + 8);
                    }
                    else
                    {
                        int j = 0;
                        for (; j < nr; j++)
                            d[j] = src[j];
                        for (; j < NR; j++)
                            d[j] = 0f;
                    }
                }
            }
            else
            {
                // Bᵀ as stored: each column is contiguous in k; scatter it into every 16th slot.
                for (int j = 0; j < nr; j++)
                {
                    float* src = p.B + (long)(j0 + jr + j) * cs + p0;
                    float* d = panel + j;
                    for (int q = 0; q < kc; q++)
                        d[q * NR] = src[q];
                }
                for (int q = 0; q < kc && nr < NR; q++)
                    for (int j = nr; j < NR; j++)
                        panel[q * NR + j] = 0f;
            }
        }
    }
}

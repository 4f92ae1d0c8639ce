namespace Rosenblatt.Benchmarks;

/// <summary>One product to time: C (m×n) = op(A)·op(B), op(A) m×k.</summary>
public sealed record GemmShape(string Name, int M, int N, int K, bool TransposeA = false, bool TransposeB = false)
{
    public double Flops => 2.0 * M * N * K;

    public override string ToString() => Name;

    /// <summary>Square sizes, then the 784-128-10 MLP at batch 128: forward, weight gradients, input gradient.</summary>
    public static IReadOnlyList<GemmShape> All { get; } =
    [
        new("64³", 64, 64, 64),
        new("128³", 128, 128, 128),
        new("256³", 256, 256, 256),
        new("512³", 512, 512, 512),
        new("1024³", 1024, 1024, 1024),
        new("2048³", 2048, 2048, 2048),
        new("fwd1 X·W1 128×784·784×128", 128, 128, 784),
        new("fwd2 H·W2 128×128·128×10", 128, 10, 128),
        new("dW1 Xᵀ·dZ1 784×128·128×128", 784, 128, 128, TransposeA: true),
        new("dW2 Hᵀ·dZ2 128×128·128×10", 128, 10, 128, TransposeA: true),
        new("dH dZ2·W2ᵀ 128×10·10×128", 128, 128, 10, TransposeB: true),
    ];
}

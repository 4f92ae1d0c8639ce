namespace Rosenblatt.Numerics;

/// <summary>The activation <see cref="Gemm.MultiplyAddBias(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmEpilogue, bool, bool)"/> applies to each output element after adding the bias.</summary>
/// <remarks>Fusing it saves one more pass over the output while that block is still in cache;
/// the result equals the unfused kernels element for element.</remarks>
public enum GemmEpilogue
{
    /// <summary>No activation: <c>C = A·B + bias</c>.</summary>
    None = 0,

    /// <summary>Rectified linear unit: <c>C = max(A·B + bias, 0)</c>.</summary>
    Relu = 1,

    /// <summary>Logistic sigmoid: <c>C = 1 / (1 + exp(−(A·B + bias)))</c>.</summary>
    Sigmoid = 2,
}

using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>An elementwise operation f(x, y) written once per vector width, in the TensorPrimitives pattern.</summary>
/// <remarks>Implementations must do the same arithmetic in every method so scalar tails and vector
/// bodies round identically.</remarks>
internal interface IBinaryOperator
{
    static abstract float Invoke(float x, float y);

    static abstract Vector128<float> Invoke(Vector128<float> x, Vector128<float> y);

    static abstract Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);
}

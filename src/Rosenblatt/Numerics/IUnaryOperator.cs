using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>An elementwise operation f(x) written once per vector width, in the TensorPrimitives pattern.</summary>
internal interface IUnaryOperator
{
    static abstract float Invoke(float x);

    static abstract Vector128<float> Invoke(Vector128<float> x);

    static abstract Vector256<float> Invoke(Vector256<float> x);
}

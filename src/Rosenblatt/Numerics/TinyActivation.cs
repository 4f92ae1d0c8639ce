namespace Rosenblatt.Numerics;

/// <summary>The elementwise activations whose derivative <see cref="TinyAffine.Backward"/> applies in its pass, computed from the activation's output.</summary>
/// <remarks>Each derivative is the one the activation's own backward kernel applies, in the same float operations:
/// sigmoid <c>g·(a·(1 − a))</c>, tanh <c>g·(1 − a·a)</c>, ReLU <c>a &gt; 0 ? g : 0</c> (a ReLU layer keeps
/// <c>max(z, 0)</c>, positive exactly where z is), identity <c>g</c>.</remarks>
internal enum TinyActivation
{
    /// <summary>Not one of the others (softmax, leaky ReLU, step): the general path applies it.</summary>
    Other = 0,

    /// <summary><c>a = z</c>.</summary>
    Identity,

    /// <summary><c>a = 1 / (1 + e^(−z))</c>.</summary>
    Sigmoid,

    /// <summary><c>a = tanh(z)</c>.</summary>
    Tanh,

    /// <summary><c>a = max(z, 0)</c>.</summary>
    Relu,
}

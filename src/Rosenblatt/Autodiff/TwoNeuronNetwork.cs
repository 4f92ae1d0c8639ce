namespace Rosenblatt.Autodiff;

/// <summary>The numbers of the "two-neuron network" that backpropagation is first worked by hand on: one input, two sigmoid neurons in a row, one target.</summary>
/// <remarks>
/// <para>
/// Forward: <c>z1 = w1·x + b1</c>, <c>h = σ(z1)</c>, <c>z2 = w2·h + b2</c>, <c>y = σ(z2)</c>,
/// <c>d = y − t</c>, <c>L = ½·d²</c>. The ½ makes <c>∂L/∂y = y − t</c>, the error term the seed's numpy
/// network starts its backward pass from (<c>dz2 = (a2 − y) · σ'(z2)</c>).
/// </para>
/// <para>
/// The defaults (x = 1, t = 0, w1 = 0.5, b1 = 0, w2 = −0.5, b2 = 0) keep every number small and
/// distinct, so each chain-rule product can be checked with a pocket calculator.
/// </para>
/// </remarks>
/// <param name="X">The input.</param>
/// <param name="Target">The desired output t.</param>
/// <param name="W1">The hidden neuron's weight.</param>
/// <param name="B1">The hidden neuron's bias.</param>
/// <param name="W2">The output neuron's weight.</param>
/// <param name="B2">The output neuron's bias.</param>
public sealed record TwoNeuronNetwork(
    double X = 1.0, double Target = 0.0, double W1 = 0.5, double B1 = 0.0, double W2 = -0.5, double B2 = 0.0)
{
    /// <summary>The default numbers used by <c>rosenblatt backprop</c>.</summary>
    public static TwoNeuronNetwork Default { get; } = new();
}

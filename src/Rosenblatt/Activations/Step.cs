namespace Rosenblatt.Activations;

/// <summary>The Heaviside step: 1 when <c>z &gt;= 0</c>, else 0, as in the seeds' code.</summary>
/// <remarks>
/// Rosenblatt's perceptron fires or stays silent; there is no "how much". The threshold is inclusive
/// (<c>z &gt;= 0</c> fires) to match the tutorials' <c>np.where(x &gt;= 0, 1, 0)</c>, so a neuron with all-zero
/// weights answers 1. Its derivative is zero everywhere except at 0, where it does not exist, so
/// gradient descent cannot learn through it: use <see cref="Sigmoid"/> for that.
/// </remarks>
public sealed class Step : Activation
{
    /// <summary>The shared instance; the step function has no parameters.</summary>
    public static Step Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override bool IsDifferentiable => false;

    /// <inheritdoc />
    public override double Apply(double z) => z >= 0 ? 1.0 : 0.0;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Always: the step function cannot be trained through.</exception>
    public override double Derivative(double z) =>
        throw new InvalidOperationException(
            "The step activation has no gradient: its slope is 0 everywhere except at 0, where it jumps, so backpropagation " +
            "would learn nothing. help: use the sigmoid activation (a smooth step) for layers trained by gradient descent, " +
            "or train a single step neuron with Rosenblatt's rule (Perceptron).");
}

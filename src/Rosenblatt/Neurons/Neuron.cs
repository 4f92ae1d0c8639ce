using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Neurons;

/// <summary>One artificial neuron with weights you set by hand: <c>output = f(w·x + b)</c>.</summary>
/// <remarks>
/// This is step 1 of the path from one neuron to a network: multiply, add, compare. No learning
/// happens here; the "intelligence" lives entirely in the numbers you pass in. With weights [1, 1],
/// bias −1.5 and the step activation the neuron computes logical AND.
/// <see cref="Trace"/> shows every term of the sum, so a learner can follow one prediction by hand.
/// </remarks>
/// <example>
/// <code>
/// var and = new Neuron([1, 1], bias: -1.5);
/// and.Predict([1, 1]); // 1
/// and.Predict([1, 0]); // 0
/// Console.WriteLine(and.Trace([1, 0]));
/// </code>
/// </example>
public sealed class Neuron
{
    private readonly double[] _weights;

    /// <summary>Creates a neuron from hand-set weights, a bias and an activation (the step function by default).</summary>
    /// <param name="weights">One weight per input; copied.</param>
    /// <param name="bias">The bias, added to the weighted sum; it shifts the threshold.</param>
    /// <param name="activation">The activation; <see cref="Step"/> when null.</param>
    /// <exception cref="ArgumentException">No weights, or a weight or the bias is NaN or infinite.</exception>
    public Neuron(double[] weights, double bias, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length == 0)
            throw Guard.Error(nameof(weights), "weights is empty.", "a neuron needs one weight per input, e.g. [1, 1] for two inputs.");
        for (int i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]))
                throw Guard.Error(nameof(weights), $"weights[{i}] is {Guard.Format(weights[i])}.", "weights must be finite numbers.");
        }
        if (!double.IsFinite(bias))
            throw Guard.Error(nameof(bias), $"bias is {Guard.Format(bias)}.", "the bias must be a finite number.");
        _weights = (double[])weights.Clone();
        Bias = bias;
        Activation = activation ?? Step.Instance;
    }

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias.</summary>
    public double Bias { get; }

    /// <summary>The activation applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>The number of inputs the neuron expects.</summary>
    public int InputCount => _weights.Length;

    /// <summary>The weighted sum <c>z = b + Σ xᵢ·wᵢ</c>, before the activation.</summary>
    /// <param name="inputs">One value per weight.</param>
    /// <exception cref="ArgumentException">Wrong number of inputs, or a NaN/infinite input.</exception>
    public double WeightedSum(ReadOnlySpan<double> inputs)
    {
        CheckInputs(inputs);
        double total = Bias;
        for (int i = 0; i < _weights.Length; i++)
            total += inputs[i] * _weights[i];
        return total;
    }

    /// <summary>The neuron's output <c>f(w·x + b)</c> for one input vector.</summary>
    /// <param name="inputs">One value per weight.</param>
    /// <exception cref="ArgumentException">Wrong number of inputs, or a NaN/infinite input.</exception>
    public double Predict(ReadOnlySpan<double> inputs) => Activation.Apply(WeightedSum(inputs));

    /// <summary>Every step of one prediction: each term xᵢ·wᵢ, the bias, the sum and the output.</summary>
    /// <param name="inputs">One value per weight.</param>
    /// <returns>A trace whose <see cref="NeuronTrace.ToString"/> prints the arithmetic.</returns>
    /// <exception cref="ArgumentException">Wrong number of inputs, or a NaN/infinite input.</exception>
    public NeuronTrace Trace(ReadOnlySpan<double> inputs)
    {
        CheckInputs(inputs);
        var terms = new NeuronTerm[_weights.Length];
        double total = Bias;
        for (int i = 0; i < _weights.Length; i++)
        {
            terms[i] = new NeuronTerm(inputs[i], _weights[i], inputs[i] * _weights[i]);
            total += terms[i].Product;
        }
        return new NeuronTrace(terms, Bias, total, Activation.Name, Activation.Apply(total));
    }

    private void CheckInputs(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _weights.Length)
            throw Guard.Error(nameof(inputs),
                $"the neuron has {_weights.Length} weights but received {inputs.Length} inputs.",
                $"pass exactly {_weights.Length} input values, one per weight.");
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!double.IsFinite(inputs[i]))
                throw Guard.Error(nameof(inputs), $"inputs[{i}] is {Guard.Format(inputs[i])}.", "inputs must be finite numbers.");
        }
    }
}

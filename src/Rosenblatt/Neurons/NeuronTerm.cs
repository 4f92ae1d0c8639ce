namespace Rosenblatt.Neurons;

/// <summary>One term of a neuron's weighted sum: an input, its weight, and their product.</summary>
/// <param name="Input">The input value xᵢ.</param>
/// <param name="Weight">The weight wᵢ.</param>
/// <param name="Product">xᵢ·wᵢ.</param>
public readonly record struct NeuronTerm(double Input, double Weight, double Product);

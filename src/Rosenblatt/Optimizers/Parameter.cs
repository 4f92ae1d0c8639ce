namespace Rosenblatt.Optimizers;

/// <summary>A trainable tensor and its gradient, as a layer exposes them to an optimizer.</summary>
/// <remarks>
/// Layers own their parameters; optimizers only see this pair of flat arrays, so any optimizer works
/// with any layer. The gradient is overwritten by every backward pass.
/// </remarks>
public sealed class Parameter
{
    /// <summary>Wraps a layer's values and allocates a gradient of the same length.</summary>
    /// <param name="name">A readable name such as <c>dense_1.weights</c>.</param>
    /// <param name="value">The values, shared with the layer (not copied).</param>
    /// <param name="decays">Whether L2 weight decay applies (weights: yes; biases: no, by convention).</param>
    public Parameter(string name, float[] value, bool decays)
    {
        Name = name;
        Value = value;
        Gradient = new float[value.Length];
        Decays = decays;
    }

    /// <summary>The parameter's readable name.</summary>
    public string Name { get; }

    /// <summary>The values the optimizer updates in place.</summary>
    public float[] Value { get; }

    /// <summary>dL/dValue from the last backward pass.</summary>
    /// <remarks>One exception: when <c>Trainer</c> splits a step over threads with plain SGD, the first layer's weight
    /// update rides in the product that computes its gradient, and that gradient is never stored; after such a
    /// <c>Fit</c> the first layer's weight gradient holds older values. <see cref="Networks.Network.Backward"/> always
    /// fills every gradient.</remarks>
    public float[] Gradient { get; }

    /// <summary>Whether L2 weight decay applies to this parameter.</summary>
    public bool Decays { get; }
}

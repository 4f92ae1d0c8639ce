namespace Rosenblatt.MarkOne;

/// <summary>The Mark I Perceptron with integer labels (class 0, 1, …): the common case of <see cref="MarkOnePerceptron{TLabel}"/>.</summary>
/// <example>
/// <code>
/// var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 2000, Seed = 1 });
/// var machine = new MarkOnePerceptron(new MarkOneOptions { Seed = 1 });
/// machine.Fit(shapes.Images, shapes.Labels);
/// </code>
/// </example>
public sealed class MarkOnePerceptron : MarkOnePerceptron<int>
{
    /// <summary>Builds an untrained machine: options validated, plugboard wired from the seed.</summary>
    /// <param name="options">The build sheet; the 1960 machine (20×20, 512 A, 8 R) when null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MarkOnePerceptron(MarkOneOptions? options = null) : base(options)
    {
    }

    internal MarkOnePerceptron(MarkOneOptions options, Plugboard plugboard) : base(options, plugboard)
    {
    }
}

using Rosenblatt.Data;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Linear;

/// <summary>Rosenblatt's perceptron for integer labels (0/1, −1/+1, or several classes).</summary>
/// <remarks>The common case of <see cref="Perceptron{TLabel}"/>, so the tutorials' code reads the same in C#.</remarks>
/// <example>
/// <code>
/// var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
/// p.Fit(LogicGate.And.X, LogicGate.And.Y);
/// p.Predict(LogicGate.And.X); // [0, 0, 0, 1]
/// </code>
/// </example>
public sealed class Perceptron : Perceptron<int>
{
    /// <summary>Creates an untrained perceptron; the options are validated now, before any data is seen.</summary>
    /// <param name="options">Hyperparameters; seed 000's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Perceptron(PerceptronOptions? options = null) : base(options)
    {
    }
}

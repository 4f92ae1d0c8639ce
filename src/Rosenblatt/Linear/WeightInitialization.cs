namespace Rosenblatt.Linear;

/// <summary>How a perceptron's weights and bias start.</summary>
public enum WeightInitialization
{
    /// <summary>All zeros, as in the seeds' code. The convergence theorem's bound assumes this start.</summary>
    Zeros,

    /// <summary>Small uniform random values in [−scale, scale] drawn from the options' seed, as Rosenblatt's step-by-step description has it.</summary>
    SmallRandom,
}

namespace Rosenblatt.Networks;

/// <summary>A multilayer-perceptron classifier for integer labels.</summary>
/// <remarks>The common case of <see cref="MlpClassifier{TLabel}"/>.</remarks>
public sealed class MlpClassifier : MlpClassifier<int>
{
    /// <summary>Creates an untrained classifier; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public MlpClassifier(MlpOptions? options = null) : base(options)
    {
    }
}

namespace Rosenblatt.Linear;

/// <summary>Logistic regression for integer labels.</summary>
/// <remarks>The common case of <see cref="LogisticRegression{TLabel}"/>.</remarks>
public sealed class LogisticRegression : LogisticRegression<int>
{
    /// <summary>Creates an untrained model; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public LogisticRegression(LogisticRegressionOptions? options = null) : base(options)
    {
    }
}

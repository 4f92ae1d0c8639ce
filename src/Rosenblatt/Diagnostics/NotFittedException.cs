namespace Rosenblatt.Diagnostics;

/// <summary>Thrown when learned state is read before the model has learned anything.</summary>
/// <remarks>
/// Learned state (weights, classes, training history) exists only after <c>Fit</c>. Returning zeros
/// instead would look like a trained model and give silent wrong answers, so reading it throws.
/// </remarks>
public sealed class NotFittedException : InvalidOperationException
{
    /// <summary>Creates the error for a member of a model that has not been fitted.</summary>
    /// <param name="model">The model's type name, e.g. <c>Perceptron</c>.</param>
    /// <param name="member">The member that was read, e.g. <c>Weights</c>.</param>
    public NotFittedException(string model, string member)
        : this(model, member, $"call {model}.Fit(X, y) first.")
    {
    }

    /// <summary>Creates the error with a fix of the caller's own (for objects that are fitted differently, e.g. scalers).</summary>
    /// <param name="model">The type name, e.g. <c>StandardScaler</c>.</param>
    /// <param name="member">The member that was read.</param>
    /// <param name="help">What to call first, ending with a full stop.</param>
    public NotFittedException(string model, string member, string help)
        : base($"{model}.{member} is not available before training. help: {help}")
    {
        Model = model;
        Member = member;
    }

    /// <summary>The model's type name.</summary>
    public string Model { get; }

    /// <summary>The member that was read too early.</summary>
    public string Member { get; }
}

namespace Rosenblatt.Linear;

/// <summary>How <see cref="LogisticRegression{TLabel}"/> finds its weights.</summary>
/// <remarks>The loss is convex, so every solver heads for the same optimum; they differ in how close they get for the
/// work done. L-BFGS reaches it to a gradient tolerance in tens to hundreds of full passes; gradient descent is the
/// textbook method (and the one the lessons compare with the perceptron), but at a fixed step it can stop well short
/// of the optimum on badly scaled data.</remarks>
public enum LogisticRegressionSolver
{
    /// <summary>L-BFGS when training is full batch with the default "sgd" optimizer, gradient descent otherwise (a
    /// mini-batch size or another optimizer asks for it).</summary>
    Auto,

    /// <summary>Full-batch L-BFGS in double precision, stopping when the largest gradient component is at most
    /// <see cref="LogisticRegressionOptions.GradientTolerance"/> (scikit-learn's default solver and stopping rule).</summary>
    Lbfgs,

    /// <summary>Epochs of gradient descent by the shared trainer with <see cref="LogisticRegressionOptions.Optimizer"/>,
    /// <see cref="LogisticRegressionOptions.LearningRate"/> and <see cref="LogisticRegressionOptions.BatchSize"/>, stopping
    /// when the loss stops improving (<see cref="LogisticRegressionOptions.Tolerance"/>, <see cref="LogisticRegressionOptions.Patience"/>).</summary>
    GradientDescent,
}

namespace Rosenblatt;

/// <summary>The contract every Rosenblatt classifier keeps: learn from labelled rows, then label new rows.</summary>
/// <remarks>
/// One contract for every model (as in scikit-learn) lets a learner swap a perceptron for logistic
/// regression or a network without changing the code around it, and lets one battery of bad-input
/// tests run against them all. Rows are plain <c>double[]</c> feature vectors so the API reads like the
/// tutorials' <c>X</c> and <c>y</c>.
/// </remarks>
/// <typeparam name="TLabel">The label type: int (0/1, −1/+1, digits), string, or any value with equality and order.</typeparam>
public interface IClassifier<TLabel> where TLabel : notnull
{
    /// <summary>The distinct labels seen during training, in sorted order.</summary>
    /// <exception cref="Diagnostics.NotFittedException">Read before training.</exception>
    IReadOnlyList<TLabel> Classes { get; }

    /// <summary>The number of features per row the model was trained on.</summary>
    /// <exception cref="Diagnostics.NotFittedException">Read before training.</exception>
    int FeatureCount { get; }

    /// <summary>Learns from the rows of <paramref name="x"/> and their labels <paramref name="y"/>.</summary>
    /// <param name="x">One row of feature values per sample.</param>
    /// <param name="y">One label per row.</param>
    void Train(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y);

    /// <summary>The predicted label for each row.</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    TLabel[] Predict(IReadOnlyList<double[]> x);

    /// <summary>The fraction of rows whose predicted label equals the given one (accuracy).</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    /// <param name="y">The true labels.</param>
    double Score(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y);
}

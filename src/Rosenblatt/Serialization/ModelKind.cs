namespace Rosenblatt.Serialization;

/// <summary>What a model file holds; its name in the file is the kebab-case form (e.g. <c>mlp-classifier</c>).</summary>
public enum ModelKind
{
    /// <summary>A <c>Perceptron</c> (any variant; one unit, or one per class one-vs-rest). File name: <c>perceptron</c>.</summary>
    Perceptron,

    /// <summary>A <c>LogisticRegression</c> (binary sigmoid, or multinomial softmax). File name: <c>logistic-regression</c>.</summary>
    LogisticRegression,

    /// <summary>An <c>MlpClassifier</c>. File name: <c>mlp-classifier</c>.</summary>
    MlpClassifier,

    /// <summary>An <c>MlpRegressor</c>. File name: <c>mlp-regressor</c>.</summary>
    MlpRegressor,

    /// <summary>A bare <c>Network</c> of Dense layers, without labels. File name: <c>network</c>.</summary>
    Network,

    /// <summary>A <c>MarkOnePerceptron</c>: its plugboard (the fixed S→A wiring), R-unit code and weights. File name: <c>mark-one</c>.</summary>
    MarkOne,
}

namespace Rosenblatt.Playground.Training;

/// <summary>What the page paints after some training: figures, weights, and the heat maps, as one message.</summary>
/// <remarks>Heat maps travel as base64 bytes, row by row from the top (x2 = +6) down, left (x1 = −6) to right: 0–255 is the
/// value mapped from its range (probability 0–1, class index, or a value clamped to [−1, 1]). A 100×100 map is 10 kB
/// instead of about 60 kB of JSON numbers, so 20+ frames a second cost little even for the largest network.</remarks>
public sealed record NetworkFrame
{
    /// <summary>Always <c>frame</c>.</summary>
    public string Type => "frame";

    /// <summary>Epochs trained so far.</summary>
    public required int Epoch { get; init; }

    /// <summary>Whether training is running (play) or paused.</summary>
    public required bool Running { get; init; }

    /// <summary>The mean loss over the training points; null when it is not a finite number (hand-set weights can overflow).</summary>
    public required double? TrainLoss { get; init; }

    /// <summary>The mean loss over the test points; null when it is not a finite number.</summary>
    public required double? TestLoss { get; init; }

    /// <summary>Training accuracy (classification), else null.</summary>
    public double? TrainAccuracy { get; init; }

    /// <summary>Test accuracy (classification), else null.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>The test set's confusion matrix, rows actual, columns predicted (classification), else null.</summary>
    public int[][]? Confusion { get; init; }

    /// <summary>Each layer's weights, inputs × units, row-major.</summary>
    public required float[][] Weights { get; init; }

    /// <summary>Each layer's biases.</summary>
    public required float[][] Biases { get; init; }

    /// <summary>The output heat map's side in cells.</summary>
    public required int Grid { get; init; }

    /// <summary>The output heat map: P(class 1) for two classes, the predicted class for more, the value for regression.</summary>
    public required string Output { get; init; }

    /// <summary>With more than two classes, the winning class's probability per cell; else null.</summary>
    public string? Confidence { get; init; }

    /// <summary>The neuron heat maps' side in cells.</summary>
    public required int NeuronGrid { get; init; }

    /// <summary>Per layer, every neuron's activation over the plot (units × side², neuron after neuron), clamped to [−1, 1].</summary>
    public required string[] Neurons { get; init; }

    /// <summary>Every test point's prediction, in the test set's order: class index, or value for regression.</summary>
    public required float[] TestPredictions { get; init; }
}

namespace Rosenblatt.Linear;

/// <summary>Which weights a perceptron keeps when training ends.</summary>
/// <remarks>
/// On separable data all three agree in spirit. On data that is not separable the classic rule never
/// settles: its last weights are whatever the last mistake left. The pocket and averaged variants
/// turn the rule into something useful there.
/// </remarks>
public enum PerceptronVariant
{
    /// <summary>Rosenblatt's rule as in the seeds: the final weights are the last ones.</summary>
    Classic,

    /// <summary>Gallant's pocket algorithm with ratchet: keep ("pocket") the weights with the fewest training mistakes seen so far, checked whenever the current weights beat the longest run of correct guesses and at the end of every epoch.</summary>
    Pocket,

    /// <summary>The averaged perceptron (Freund and Schapire; Collins): the final weights are the average of the weights after every sample visit, which damps the oscillation on noisy data.</summary>
    Averaged,
}

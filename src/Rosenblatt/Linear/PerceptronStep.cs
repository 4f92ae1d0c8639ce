namespace Rosenblatt.Linear;

/// <summary>One application of Rosenblatt's rule to one sample: what the neuron saw, guessed, and changed.</summary>
/// <remarks>Recorded only when <see cref="PerceptronOptions.RecordSteps"/> is on. A correct guess has error 0 and changes nothing.</remarks>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Sample">The sample's row index in X.</param>
/// <param name="Unit">The one-vs-rest unit (the class index) for more than two classes; 0 for binary problems.</param>
/// <param name="Input">The sample's features.</param>
/// <param name="Target">The target as the rule sees it: 1 for the unit's positive class, else 0.</param>
/// <param name="Prediction">The step output before the update: 1 when w·x + b &gt;= 0.</param>
/// <param name="Error">target − prediction: −1, 0 or +1.</param>
/// <param name="WeightsBefore">w before the update.</param>
/// <param name="BiasBefore">b before the update.</param>
/// <param name="WeightsAfter">w after <c>w += lr·error·x</c>.</param>
/// <param name="BiasAfter">b after <c>b += lr·error</c>.</param>
public sealed record PerceptronStep(
    int Epoch, int Sample, int Unit, double[] Input, int Target, int Prediction, int Error,
    double[] WeightsBefore, double BiasBefore, double[] WeightsAfter, double BiasAfter);

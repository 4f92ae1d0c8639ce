namespace Rosenblatt.Metrics;

/// <summary>Precision, recall, F1 and support for one class, or one of a report's averages.</summary>
/// <param name="Name">The class name, or <c>macro avg</c> / <c>weighted avg</c>.</param>
/// <param name="Precision">TP / (TP + FP): of the samples predicted as this class, the share that are it (0 when none were predicted).</param>
/// <param name="Recall">TP / (TP + FN): of the samples that are this class, the share found (0 when there are none).</param>
/// <param name="F1">The harmonic mean 2TP / (2TP + FP + FN) of precision and recall (0 when TP + FP + FN = 0).</param>
/// <param name="Support">The number of samples that truly are this class (for an average: all samples).</param>
public sealed record ClassScores(string Name, double Precision, double Recall, double F1, int Support);

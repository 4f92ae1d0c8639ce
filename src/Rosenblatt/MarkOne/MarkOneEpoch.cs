namespace Rosenblatt.MarkOne;

/// <summary>One finished pass of Mark I training, as reported to a progress listener.</summary>
/// <param name="Epoch">The pass just finished, from 1.</param>
/// <param name="TotalEpochs">The most passes the run will make.</param>
/// <param name="Images">Images shown in the pass.</param>
/// <param name="Mistakes">Images whose class was wrong when shown.</param>
/// <param name="Corrections">R-unit corrections made.</param>
/// <param name="Elapsed">Wall time of the pass (A-layer sums, responses and corrections).</param>
public sealed record MarkOneEpoch(int Epoch, int TotalEpochs, int Images, int Mistakes, int Corrections, TimeSpan Elapsed);

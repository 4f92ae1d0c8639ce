namespace Rosenblatt.Training;

/// <summary>One batch's figures, reported by <see cref="Trainer.BatchProgress"/> right after the batch's update.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch within the epoch, from 1.</param>
/// <param name="BatchesPerEpoch">How many batches an epoch has.</param>
/// <param name="Rows">The rows in this batch (the last one may be short).</param>
/// <param name="Loss">The batch's mean loss, measured before its update.</param>
public sealed record BatchRecord(int Epoch, int Batch, int BatchesPerEpoch, int Rows, double Loss);

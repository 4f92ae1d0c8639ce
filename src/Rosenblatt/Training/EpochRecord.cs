namespace Rosenblatt.Training;

/// <summary>One epoch's figures: the line of a training log.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TotalEpochs">The most epochs the run may take.</param>
/// <param name="Loss">The mean training loss over the epoch's batches (each measured before its update).</param>
/// <param name="Accuracy">The training accuracy over the epoch's batches, for classifiers; null for regression.</param>
/// <param name="ValidationLoss">The loss on the validation rows after the epoch, when there are any.</param>
/// <param name="ValidationAccuracy">The validation accuracy, for classifiers with validation rows.</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EpochRecord(
    int Epoch, int TotalEpochs, double Loss, double? Accuracy, double? ValidationLoss, double? ValidationAccuracy,
    double LearningRate, TimeSpan Elapsed);

using Rosenblatt.Training;

namespace Rosenblatt.Cli.Progress;

/// <summary>Receives a training run's epochs and its batches, at once and on the training thread.</summary>
/// <remarks>The estimators build their trainer themselves, so an epoch progress is all <c>Fit</c> takes; the trainer gives
/// the batches to that same object when it also implements <see cref="IProgress{T}"/> of <see cref="BatchRecord"/>
/// (see <see cref="Trainer.BatchProgress"/>). The batches are what show a long epoch moving.</remarks>
/// <param name="epoch">What to do at the end of each epoch.</param>
/// <param name="batch">What to do after each batch's update.</param>
internal sealed class TrainingReports(Action<EpochRecord> epoch, Action<BatchRecord> batch) : IProgress<EpochRecord>, IProgress<BatchRecord>
{
    /// <summary>Forwards one epoch's figures.</summary>
    /// <param name="value">The epoch.</param>
    public void Report(EpochRecord value) => epoch(value);

    /// <summary>Forwards one batch's figures.</summary>
    /// <param name="value">The batch.</param>
    public void Report(BatchRecord value) => batch(value);
}

namespace Keras.Training;

/// <summary>Where the training and evaluation loops take their batches from: in-memory arrays or a
/// <see cref="Data.Sequence"/>.</summary>
internal interface IEpochSource : IDisposable
{
    /// <summary>Steps per epoch as announced to callbacks (the progress bar).</summary>
    int Steps { get; }

    /// <summary>Starts an epoch and returns how many batches it has.</summary>
    int BeginEpoch();

    /// <summary>The next batch; called inside the step's dispose scope, valid until the next call.</summary>
    DataBatch Next();

    /// <summary>Ends the epoch once its batches were consumed.</summary>
    void EndEpoch();
}

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

    /// <summary>Where the source stands, for BackupAndRestore: for arrays the pass's shuffle order and next batch; for a
    /// Sequence at a pass boundary no order and the dataset's pass count; null where it cannot resume from here.</summary>
    (long[]? Permutation, int Position)? GetResumeState();

    /// <summary>Continues from a state read by <see cref="GetResumeState"/> (in another process).</summary>
    /// <param name="permutation">The pass's shuffle order, or null.</param>
    /// <param name="position">The next batch of the pass (arrays) or the passes completed (a Sequence).</param>
    /// <param name="source">The backup the state came from, for error messages.</param>
    void SetResumeState(long[]? permutation, int position, string source);

    /// <summary>A batch in the caller's dispose scope, used to run the model once so that metrics that build their
    /// state lazily have it before a backup restores it.</summary>
    DataBatch SampleBatch();
}

namespace Keras.Callbacks;

/// <summary>Backs up the training state so that a <c>Fit</c> interrupted by a crash or a kill continues where it was
/// when run again (<c>keras.callbacks.BackupAndRestore</c>).</summary>
/// <remarks>
/// <para>Each backup holds the model's weights and optimizer state (<c>latest.weights.h5</c>, Keras 3's weights
/// layout) and <c>training_metadata.json</c> (Keras' <c>epoch</c> and <c>batch</c>, plus the torch random generator,
/// the shuffle order, the metric accumulators and the History so far). On <c>OnTrainBegin</c> an existing backup is
/// restored and <c>Fit</c> continues after the last backed-up epoch, or, with an integer <see cref="SaveFreq"/>,
/// after the last backed-up batch of the interrupted epoch. The restored run reproduces the uninterrupted one bit for
/// bit on CPU: same weights, same History (the epochs before the interruption included), given the same model,
/// compile and <c>Fit</c> arguments and data. Keras itself restores only the weights and the epoch.</para>
/// <para>With <c>"epoch"</c> the work done in an interrupted epoch is lost and the epoch is run again from its
/// start. Backups are written atomically: a kill while writing leaves the previous backup usable. Other callbacks'
/// own state (EarlyStopping's patience, ReduceLROnPlateau's wait) is not backed up, as in Keras. The directory must not
/// be shared with another run or another callback. It is deleted when training ends normally if
/// <see cref="DeleteCheckpoint"/>.</para>
/// </remarks>
/// <example><code>
/// var backup = new BackupAndRestore("/tmp/backup");
/// try
/// {
///     model.Fit(x, y, epochs: 10, callbacks: [backup, new InterruptingCallback()], verbose: 0);
/// }
/// catch (InvalidOperationException)
/// {
/// }
/// // Continues from the epoch after the last backup; History holds all 10 epochs.
/// History history = model.Fit(x, y, epochs: 10, callbacks: [backup], verbose: 0);
/// </code></example>
public sealed class BackupAndRestore : Callback
{
    private readonly BackupAndRestoreFiles _files;
    private readonly TextWriter? _warnings;
    private int _batchesSeenSinceLastSaving;
    private int _lastBatchSeen;
    private int _currentEpoch;

    /// <summary>Creates the callback.</summary>
    /// <param name="backupDir">The directory for the backup files; created when needed. Use it for nothing
    /// else.</param>
    /// <param name="saveFreq"><c>"epoch"</c> to back up at the end of each epoch, or an integer number of training
    /// batches between backups. Defaults to <c>"epoch"</c>.</param>
    /// <param name="deleteCheckpoint">Delete <paramref name="backupDir"/> when training ends. Defaults to
    /// true.</param>
    /// <param name="warnings">Where weight-loading warnings go. Defaults to <see cref="Console.Error"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="backupDir"/> is empty.</exception>
    public BackupAndRestore(string backupDir, SaveFrequency saveFreq = default, bool deleteCheckpoint = true,
        TextWriter? warnings = null)
    {
        if (string.IsNullOrEmpty(backupDir))
        {
            throw new ArgumentException("Empty `backup_dir` argument passed", nameof(backupDir));
        }
        BackupDir = backupDir;
        SaveFreq = saveFreq;
        DeleteCheckpoint = deleteCheckpoint;
        _warnings = warnings;
        _files = new BackupAndRestoreFiles(backupDir);
    }

    /// <summary>The backup directory.</summary>
    public string BackupDir { get; }

    /// <summary>Every epoch or every N batches.</summary>
    public SaveFrequency SaveFreq { get; }

    /// <summary>Whether the backup directory is deleted when training ends.</summary>
    public bool DeleteCheckpoint { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The model is not built, or the callback runs outside
    /// <c>Fit</c>.</exception>
    /// <exception cref="InvalidDataException">The backup directory holds metadata but no intact backup.</exception>
    public override void OnTrainBegin(Logs logs)
    {
        var model = RequireModel();
        if (!model.Built)
        {
            throw new InvalidOperationException("To use the BackupAndRestore callback, you model must be built " +
                $"before you call `fit()`. Model {model.Name} is unbuilt. You can build it beforehand by calling it " +
                "on a batch of data.");
        }
        _batchesSeenSinceLastSaving = 0;
        _lastBatchSeen = 0;
        _currentEpoch = 0;
        var warnings = _warnings ?? Console.Error;
        if (_files.Load(model, warnings.WriteLine) is { } snapshot)
        {
            model.PendingResume = snapshot;
            _currentEpoch = snapshot.Epoch;
            // The backup was taken right after its last batch: count the next save from there.
            _lastBatchSeen = Math.Max(snapshot.Step - 1, 0);
        }
    }

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs) => _currentEpoch = epoch;

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        if (ShouldSaveOnBatch(batch))
        {
            var model = RequireModel();
            _files.Save(model, Session(model).Capture(_currentEpoch, batch + 1, finishedEpochLogs: null));
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        _currentEpoch = epoch + 1;
        _lastBatchSeen = 0;
        if (SaveFreq.IsEpoch)
        {
            var model = RequireModel();
            _files.Save(model, Session(model).Capture(epoch, 0, logs));
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        if (DeleteCheckpoint)
        {
            _files.Delete();
        }
    }

    private bool ShouldSaveOnBatch(int batch)
    {
        if (SaveFreq.IsEpoch)
        {
            return false;
        }
        // A batch index at or below the last one seen means a new epoch started.
        int added = batch <= _lastBatchSeen ? batch + 1 : batch - _lastBatchSeen;
        _batchesSeenSinceLastSaving += added;
        _lastBatchSeen = batch;
        if (_batchesSeenSinceLastSaving >= SaveFreq.Batches)
        {
            _batchesSeenSinceLastSaving = 0;
            return true;
        }
        return false;
    }

    private Model RequireModel() => Model ?? throw new InvalidOperationException(
        "BackupAndRestore has no model: it runs as a callback of Model.Fit.");

    private static Training.FitSession Session(Model model) => model.ActiveFit ?? throw new InvalidOperationException(
        "BackupAndRestore backs up a running Model.Fit; it was called outside Fit.");
}

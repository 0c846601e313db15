namespace Keras.Training;

/// <summary>Where a <c>Fit</c> run stands, as plain data: enough to continue it bit for bit in another process
/// (BackupAndRestore writes it next to the weights and optimizer state).</summary>
/// <param name="Epoch">The epoch to continue (0-based).</param>
/// <param name="Step">How many of that epoch's batches are done (0: the epoch starts afresh).</param>
/// <param name="RngState">The global torch generator's state (shuffling and dropout draw from it), or null to leave
/// it (a backup written by Keras).</param>
/// <param name="Permutation">The batch cursor's current shuffle order, or null (unshuffled, or no pass begun).</param>
/// <param name="CursorPosition">The cursor's next batch within its pass, or null to leave the cursor.</param>
/// <param name="MetricStates">Each compiled metric's variables as raw bytes, in order; only for a mid-epoch
/// snapshot (the metrics are reset at an epoch's start).</param>
/// <param name="HistoryEpochs">The epochs already recorded by <see cref="Callbacks.History"/>.</param>
/// <param name="HistoryValues">Their logs, one value per recorded epoch for each key.</param>
/// <param name="Source">Where the snapshot was read from (a file), named in errors; empty for a fresh capture.</param>
internal sealed record FitSnapshot(
    int Epoch,
    int Step,
    byte[]? RngState,
    long[]? Permutation,
    int? CursorPosition,
    IReadOnlyList<IReadOnlyList<byte[]>>? MetricStates,
    IReadOnlyList<int> HistoryEpochs,
    IReadOnlyDictionary<string, IReadOnlyList<double>> HistoryValues,
    string Source = "");

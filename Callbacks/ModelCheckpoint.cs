namespace Keras.Callbacks;

/// <summary>Saves the model or its weights during training (<c>keras.callbacks.ModelCheckpoint</c>).</summary>
/// <remarks>
/// <para><see cref="Filepath"/> may hold Python format fields filled at each save: <c>{epoch}</c> (1-based),
/// <c>{batch}</c> (1-based, when saving every N batches) and any logs key, with the specs Keras users write
/// (<c>{epoch:02d}</c>, <c>{val_loss:.2f}</c>, <c>{loss:.3e}</c>). Directories in the path are created as needed
/// and an existing file is overwritten.</para>
/// <para>With <see cref="SaveBestOnly"/> a save happens only when <see cref="Monitor"/> beats the best value so far
/// (starting from <c>initialValueThreshold</c>, else ±infinity); when the key is missing from the logs the
/// callback warns and saves anyway, as Keras does. In <c>"auto"</c> mode the direction comes from the metric, as
/// for <see cref="EarlyStopping"/>. The best value is kept across <c>Fit</c> calls, as in Keras.</para>
/// <para>The file kind follows the suffix: with <see cref="SaveWeightsOnly"/> the path must end in
/// <c>.weights.h5</c> (<see cref="Model.SaveWeights"/>); otherwise in <c>.keras</c> or <c>.h5</c>
/// (<see cref="Model.Save"/>).</para>
/// </remarks>
/// <example><code>
/// // Keep the weights of the epoch with the lowest validation loss.
/// var checkpoint = new ModelCheckpoint("ckpt/best.weights.h5", saveWeightsOnly: true, saveBestOnly: true);
/// model.Fit(x, y, epochs: 10, validationData: (xVal, yVal), callbacks: [checkpoint], verbose: 0);
/// model.LoadWeights("ckpt/best.weights.h5");
///
/// // One full model per epoch, named after the epoch and the validation loss.
/// var perEpoch = new ModelCheckpoint("ckpt/model.{epoch:02d}-{val_loss:.2f}.keras");
/// </code></example>
public sealed class ModelCheckpoint : Callback
{
    private readonly TextWriter? _output;
    private readonly TextWriter? _warnings;
    private bool? _maximize;
    private int _batchesSeenSinceLastSaving;
    private int _lastBatchSeen;
    private int _currentEpoch;

    /// <summary>Creates the callback.</summary>
    /// <param name="filepath">Where to save; may contain format fields such as <c>{epoch:02d}</c>. Must end in
    /// <c>.weights.h5</c> with <paramref name="saveWeightsOnly"/>, else in <c>.keras</c> or <c>.h5</c>.</param>
    /// <param name="monitor">The logs key compared by <paramref name="saveBestOnly"/>. Defaults to
    /// <c>"val_loss"</c>.</param>
    /// <param name="verbose">0 silent; 1 prints a line for each save decision. Defaults to 0.</param>
    /// <param name="saveBestOnly">Save only when the monitored value improves. Defaults to false.</param>
    /// <param name="saveWeightsOnly">Save only the weights (<see cref="Model.SaveWeights"/>) instead of the whole
    /// model. Defaults to false.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>; an unknown value warns and falls back to
    /// <c>"auto"</c>. Defaults to <c>"auto"</c>.</param>
    /// <param name="saveFreq"><c>"epoch"</c> or an integer number of training batches between saves. Defaults to
    /// <c>"epoch"</c>.</param>
    /// <param name="initialValueThreshold">The initial best value with <paramref name="saveBestOnly"/>: only better
    /// values are saved. Defaults to null (the first value is saved).</param>
    /// <param name="output">Where <paramref name="verbose"/> messages go. Defaults to
    /// <see cref="Console.Out"/>.</param>
    /// <param name="warnings">Where warnings (unknown mode, missing monitor key) go. Defaults to
    /// <see cref="Console.Error"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="filepath"/> has the wrong suffix.</exception>
    public ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool saveBestOnly = false,
        bool saveWeightsOnly = false, string mode = "auto", SaveFrequency saveFreq = default,
        double? initialValueThreshold = null, TextWriter? output = null, TextWriter? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filepath);
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        ArgumentNullException.ThrowIfNull(mode);
        _output = output;
        _warnings = warnings;
        if (mode is not ("auto" or "min" or "max"))
        {
            Warnings.WriteLine($"ModelCheckpoint mode '{mode}' is unknown, fallback to auto mode.");
            mode = "auto";
        }
        if (saveWeightsOnly)
        {
            if (!filepath.EndsWith(".weights.h5", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in " +
                    $"`.weights.h5` (Keras weights format). Received: filepath={filepath}", nameof(filepath));
            }
        }
        else if (!filepath.EndsWith(".keras", StringComparison.Ordinal) &&
                 !filepath.EndsWith(".h5", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The filepath provided must end in `.keras` (Keras model format). Received: filepath={filepath}",
                nameof(filepath));
        }
        Filepath = filepath;
        Monitor = monitor;
        Verbose = verbose;
        SaveBestOnly = saveBestOnly;
        SaveWeightsOnly = saveWeightsOnly;
        Mode = mode;
        SaveFreq = saveFreq;
        Best = initialValueThreshold;
    }

    /// <summary>The path template.</summary>
    public string Filepath { get; }

    /// <summary>The logs key compared when <see cref="SaveBestOnly"/> is set.</summary>
    public string Monitor { get; }

    /// <summary>0 silent, 1 prints messages.</summary>
    public int Verbose { get; }

    /// <summary>Whether only improvements are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>Whether only the weights are saved.</summary>
    public bool SaveWeightsOnly { get; }

    /// <summary><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</summary>
    public string Mode { get; }

    /// <summary>Every epoch or every N batches.</summary>
    public SaveFrequency SaveFreq { get; }

    /// <summary>The best monitored value so far: the initial threshold, ±infinity once the direction is known, then
    /// each improving value.</summary>
    public double? Best { get; private set; }

    private TextWriter Output => _output ?? Console.Out;

    private TextWriter Warnings => _warnings ?? Console.Error;

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        if (ShouldSaveOnBatch(batch))
        {
            SaveModel(_currentEpoch, batch, logs);
        }
    }

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs) => _currentEpoch = epoch;

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        // Keras resolves the direction here, once the model's metrics are built, whether or not it is needed.
        if (_maximize is null)
        {
            SetMonitorOp();
        }
        if (SaveFreq.IsEpoch)
        {
            SaveModel(epoch, null, logs);
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

    private void SaveModel(int epoch, int? batch, Logs logs)
    {
        string filepath = GetFilePath(epoch, batch, logs);
        if (!ShouldSaveModel(epoch, logs, filepath))
        {
            return;
        }
        if (Directory.Exists(filepath))
        {
            throw new IOException("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is " +
                                  $"an existing directory: {filepath}");
        }
        string? directory = Path.GetDirectoryName(filepath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var model = RequireModel();
        if (SaveWeightsOnly)
        {
            model.SaveWeights(filepath, overwrite: true);
        }
        else
        {
            model.Save(filepath, overwrite: true);
        }
        if (Verbose > 0)
        {
            Output.WriteLine($"\nEpoch {epoch + 1}: finished saving model to {filepath}");
        }
    }

    private bool ShouldSaveModel(int epoch, Logs logs, string filepath)
    {
        if (!SaveBestOnly)
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"\nEpoch {epoch + 1}: saving model to {filepath}");
            }
            return true;
        }
        if (!logs.TryGetValue(Monitor, out double current))
        {
            Warnings.WriteLine($"Can save best model only with {Monitor} available.");
            return true;
        }
        // Saving every N batches can come before the first epoch end resolved the direction.
        if (_maximize is null)
        {
            SetMonitorOp();
        }
        string bestText = Best is double b ? PathTemplate.FormatValue(b, ".5f") : "None";
        if (Best is not double best || (_maximize == true ? current > best : current < best))
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"\nEpoch {epoch + 1}: {Monitor} improved from {bestText} to " +
                                 $"{PathTemplate.FormatValue(current, ".5f")}, saving model to {filepath}");
            }
            Best = current;
            return true;
        }
        if (Verbose > 0)
        {
            Output.WriteLine($"\nEpoch {epoch + 1}: {Monitor} did not improve from {bestText}");
        }
        return false;
    }

    private string GetFilePath(int epoch, int? batch, Logs logs)
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in logs)
        {
            fields[key] = value;
        }
        fields["epoch"] = epoch + 1;
        // As Keras: a "batch" entry of the logs wins over the batch counter.
        if (batch is int b && !logs.ContainsKey("batch"))
        {
            fields["batch"] = b + 1;
        }
        try
        {
            return PathTemplate.Format(Filepath, fields);
        }
        catch (KeyNotFoundException e)
        {
            throw new KeyNotFoundException(
                $"Failed to format this callback filepath: \"{Filepath}\". Reason: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new FormatException(
                $"Failed to format this callback filepath: \"{Filepath}\". Reason: {e.Message}", e);
        }
    }

    private void SetMonitorOp()
    {
        bool? maximize = MetricDirections.Maximize(Mode, Monitor, Model);
        _maximize = maximize ?? throw new ArgumentException(
            $"ModelCheckpoint callback received monitor={Monitor}, but Keras isn't able to automatically determine " +
            "whether that metric should be maximized or minimized. Pass `mode='max'` in order to monitor based on " +
            "the highest metric value, or pass `mode='min'` in order to use the lowest value.", "monitor");
        Best ??= maximize.Value ? double.NegativeInfinity : double.PositiveInfinity;
    }

    private Model RequireModel() => Model ?? throw new InvalidOperationException(
        "ModelCheckpoint is not attached to a model. Pass it to `Fit(callbacks: ...)` or call `SetModel` first.");
}

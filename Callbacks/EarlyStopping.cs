using Keras.Backend;

namespace Keras.Callbacks;

/// <summary>Stops training when a monitored metric has stopped improving
/// (<c>keras.callbacks.EarlyStopping</c>).</summary>
/// <remarks>
/// <para>At the end of each epoch the callback reads <see cref="Monitor"/> from the logs. An epoch improves when the
/// value beats the best so far by more than <see cref="MinDelta"/>; after <see cref="Patience"/> epochs without
/// improvement it sets <see cref="Model.StopTraining"/>, so <c>Fit</c> ends after that epoch.</para>
/// <para>In <c>"auto"</c> mode the direction comes, as in Keras 3, from the metric itself: <c>loss</c> and
/// <c>val_loss</c> are minimized; a compiled metric named like the monitor (without <c>val_</c>) is maximized or
/// minimized as Keras' metric of that class is (accuracy, AUC, precision: up; errors, crossentropies: down).
/// Otherwise the first epoch end fails and asks for <c>mode: "min"</c> or <c>"max"</c>.</para>
/// <para>With <see cref="RestoreBestWeights"/> the callback keeps a copy of the weights of the best epoch and puts
/// them back when training ends, whether or not it stopped training itself. The state is reset when training
/// begins, so one instance can be reused across <c>Fit</c> calls.</para>
/// </remarks>
/// <example><code>
/// // Stop when the training loss has not improved for three consecutive epochs.
/// var callback = new EarlyStopping(monitor: "loss", patience: 3);
/// History history = model.Fit(x, y, epochs: 10, batchSize: 1, callbacks: [callback], verbose: 0);
/// Console.WriteLine(history["loss"].Count);   // fewer than 10 when it stopped early
/// </code></example>
public sealed class EarlyStopping : Callback, IDisposable
{
    private readonly TextWriter? _output;
    private readonly TextWriter? _warnings;
    private bool? _maximize;
    private double _signedMinDelta;
    private IReadOnlyList<Tensor>? _bestWeights;

    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">The logs key to watch. Defaults to <c>"val_loss"</c>.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement (its absolute value is used).
    /// Defaults to 0.</param>
    /// <param name="patience">Epochs without improvement after which training stops. Defaults to 0.</param>
    /// <param name="verbose">0 silent; 1 prints when the callback stops training or restores weights. Defaults to
    /// 0.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c> or <c>"auto"</c> (direction inferred from the metric). An unknown
    /// value warns and falls back to <c>"auto"</c>, as in Keras. Defaults to <c>"auto"</c>.</param>
    /// <param name="baseline">A value the monitor must beat; the patience counter only restarts on epochs that beat
    /// both the best value and the baseline. Defaults to null (no baseline).</param>
    /// <param name="restoreBestWeights">Restore the weights of the best epoch when training ends; otherwise the last
    /// epoch's weights stay. Defaults to false.</param>
    /// <param name="startFromEpoch">Epochs of warm-up during which nothing is monitored. Defaults to 0.</param>
    /// <param name="output">Where <paramref name="verbose"/> messages go. Defaults to
    /// <see cref="Console.Out"/>.</param>
    /// <param name="warnings">Where warnings (unknown mode, missing monitor key) go. Defaults to
    /// <see cref="Console.Error"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patience"/> or
    /// <paramref name="startFromEpoch"/> is negative.</exception>
    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0,
        string mode = "auto", double? baseline = null, bool restoreBestWeights = false, int startFromEpoch = 0,
        TextWriter? output = null, TextWriter? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        ArgumentNullException.ThrowIfNull(mode);
        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience,
                $"`patience` must be a non-negative integer. Received: patience={patience}");
        }
        if (startFromEpoch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startFromEpoch), startFromEpoch,
                $"`start_from_epoch` must be a non-negative integer. Received: start_from_epoch={startFromEpoch}");
        }
        _output = output;
        _warnings = warnings;
        Monitor = monitor;
        MinDelta = Math.Abs(minDelta);
        Patience = patience;
        Verbose = verbose;
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
        StartFromEpoch = startFromEpoch;
        if (mode is not ("auto" or "min" or "max"))
        {
            Warnings.WriteLine($"EarlyStopping mode {mode} is unknown, fallback to auto mode.");
            mode = "auto";
        }
        Mode = mode;
    }

    /// <summary>The logs key watched.</summary>
    public string Monitor { get; }

    /// <summary>The smallest absolute change counted as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs without improvement tolerated before stopping.</summary>
    public int Patience { get; }

    /// <summary>0 silent, 1 prints messages.</summary>
    public int Verbose { get; }

    /// <summary><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</summary>
    public string Mode { get; }

    /// <summary>The value the monitor must beat, if any.</summary>
    public double? Baseline { get; }

    /// <summary>Whether the best epoch's weights are restored when training ends.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Epochs of warm-up before monitoring starts.</summary>
    public int StartFromEpoch { get; }

    /// <summary>Epochs since the last improvement (Keras' <c>wait</c>).</summary>
    public int Wait { get; private set; }

    /// <summary>The 0-based epoch at which this callback stopped training; 0 when it did not.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The 0-based epoch with the best monitored value so far.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The best monitored value so far; null before the first monitored epoch.</summary>
    public double? Best { get; private set; }

    private TextWriter Output => _output ?? Console.Out;

    private TextWriter Warnings => _warnings ?? Console.Error;

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        Wait = 0;
        StoppedEpoch = 0;
        Best = null;
        ReplaceBestWeights(null);
        BestEpoch = 0;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (_maximize is null)
        {
            SetMonitorOp();
        }
        if (!TryGetMonitorValue(logs, out double current) || epoch < StartFromEpoch)
        {
            return;
        }
        if (RestoreBestWeights && _bestWeights is null)
        {
            // Before any improvement, the current weights are the best.
            ReplaceBestWeights(CopyWeights());
            BestEpoch = epoch;
        }

        Wait++;
        if (IsImprovement(current, Best))
        {
            Best = current;
            BestEpoch = epoch;
            if (RestoreBestWeights)
            {
                ReplaceBestWeights(CopyWeights());
            }
            // Only restart the wait when the value beats both the previous best and the baseline.
            if (Baseline is null || IsImprovement(current, Baseline))
            {
                Wait = 0;
            }
            return;
        }

        if (Wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            RequireModel().StopTraining = true;
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        if (StoppedEpoch > 0 && Verbose > 0)
        {
            Output.WriteLine($"Epoch {StoppedEpoch + 1}: early stopping");
        }
        if (RestoreBestWeights && _bestWeights is not null)
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
            }
            RequireModel().SetWeights(_bestWeights);
            ReplaceBestWeights(null);
        }
    }

    /// <summary>Frees the copy of the best weights, if one is held (training not ended normally).</summary>
    public void Dispose() => ReplaceBestWeights(null);

    private void SetMonitorOp()
    {
        bool? maximize = MetricDirections.Maximize(Mode, Monitor, Model);
        _maximize = maximize ?? throw new ArgumentException(
            $"EarlyStopping callback received monitor={Monitor} but Keras isn't able to automatically determine " +
            "whether that metric should be maximized or minimized. Pass `mode='max'` in order to do early stopping " +
            "based on the highest metric value, or pass `mode='min'` in order to use the lowest value.",
            "monitor");
        _signedMinDelta = maximize.Value ? MinDelta : -MinDelta;
    }

    private bool TryGetMonitorValue(Logs logs, out double value)
    {
        if (logs.TryGetValue(Monitor, out value))
        {
            return true;
        }
        Warnings.WriteLine($"Early stopping conditioned on metric `{Monitor}` which is not available. " +
                           $"Available metrics are: {string.Join(",", logs.Keys)}");
        return false;
    }

    private bool IsImprovement(double value, double? reference)
    {
        if (reference is not double r)
        {
            return true;
        }
        double shifted = value - _signedMinDelta;
        return _maximize == true ? shifted > r : shifted < r;
    }

    private Model RequireModel() => Model ?? throw new InvalidOperationException(
        "EarlyStopping is not attached to a model. Pass it to `Fit(callbacks: ...)` or call `SetModel` first.");

    /// <summary>Copies of the model's weights that belong to no dispose scope; temporaries are freed now.</summary>
    private List<Tensor> CopyWeights()
    {
        var model = RequireModel();
        using var scope = KerasBackend.Current.MemoryScope();
        var copies = model.GetWeights().ToList();
        foreach (var tensor in copies)
        {
            tensor.DetachFromDisposeScope();
        }
        return copies;
    }

    private void ReplaceBestWeights(IReadOnlyList<Tensor>? weights)
    {
        if (_bestWeights is not null)
        {
            foreach (var tensor in _bestWeights)
            {
                tensor.Dispose();
            }
        }
        _bestWeights = weights;
    }
}

namespace Keras.Callbacks;

/// <summary>Prints Keras' progress: <c>Epoch 1/5</c> and a <see cref="Progbar"/> per epoch, for <c>Evaluate</c> and <c>Predict</c> too.</summary>
/// <remarks>Added automatically when <c>verbose</c> is 1 or 2; add it yourself to send the output elsewhere (it then
/// replaces the default one, and still follows the run's <c>verbose</c>: 0 prints nothing). Unlike Keras, an instance
/// reused after <c>Fit</c> shows the bar of a later <c>Evaluate</c>.</remarks>
/// <example><code>
/// model.Fit(x, y, epochs: 3, callbacks: [new ProgbarLogger(Console.Error)], verbose: 1);
/// </code></example>
public sealed class ProgbarLogger : Callback
{
    private readonly TextWriter? _output;
    private Progbar? _bar;
    private int _verbose = 1;
    private int? _target;
    private int _epochs = 1;
    private int _seen;
    private bool _inFit;

    /// <summary>Creates the logger.</summary>
    /// <param name="output">Where to write. Defaults to the console.</param>
    public ProgbarLogger(TextWriter? output = null)
    {
        _output = output;
    }

    /// <inheritdoc />
    public override void SetParams(IReadOnlyDictionary<string, object?> parameters)
    {
        base.SetParams(parameters);
        _verbose = parameters.TryGetValue("verbose", out var v) && v is int verbose ? verbose : 1;
        _epochs = parameters.TryGetValue("epochs", out var e) && e is int epochs ? epochs : 1;
        _target = parameters.TryGetValue("steps", out var s) && s is int steps ? steps : null;
    }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs) => _inFit = true;

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs) => _inFit = false;

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs)
    {
        if (_verbose > 0 && _epochs > 1)
        {
            Writer.WriteLine($"Epoch {epoch + 1}/{_epochs}");
        }
        StartBar(_target);
    }

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs) => Advance(batch, logs);

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs) => Finish(logs);

    /// <inheritdoc />
    public override void OnTestBegin(Logs logs)
    {
        if (!_inFit)
        {
            StartBar(_target);
        }
    }

    /// <inheritdoc />
    public override void OnTestBatchEnd(int batch, Logs logs)
    {
        if (!_inFit)
        {
            Advance(batch, logs);
        }
    }

    /// <inheritdoc />
    public override void OnTestEnd(Logs logs)
    {
        if (!_inFit)
        {
            Finish(logs);
        }
    }

    /// <inheritdoc />
    public override void OnPredictBegin(Logs logs) => StartBar(_target);

    /// <inheritdoc />
    public override void OnPredictBatchEnd(int batch, Logs logs) => Advance(batch, logs);

    /// <inheritdoc />
    public override void OnPredictEnd(Logs logs) => Finish(logs);

    private TextWriter Writer => _output ?? Console.Out;

    private void StartBar(int? target)
    {
        _seen = 0;
        _bar = _verbose > 0 ? new Progbar(target, _verbose, _output) : null;
    }

    private void Advance(int batch, Logs logs)
    {
        _seen = batch + 1;
        if (_bar is null || (_target is int t && _seen >= t))
        {
            return;
        }
        _bar.Update(_seen, Values(logs), finalize: false);
    }

    private void Finish(Logs logs)
    {
        // Keras finalizes at the target, also when training stopped mid-epoch.
        _bar?.Update(_target ?? Math.Max(_seen, 1), Values(logs), finalize: true);
        _bar = null;
    }

    // Lazy on purpose: the bar reads metric values (a device sync) only when it actually redraws.
    private static IEnumerable<(string, double)> Values(Logs logs) => logs.Select(kv => (kv.Key, kv.Value));
}

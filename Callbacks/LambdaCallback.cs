namespace Keras.Callbacks;

/// <summary>A callback built from delegates, for simple custom callbacks on the fly
/// (<c>keras.callbacks.LambdaCallback</c>).</summary>
/// <remarks>Each hook runs its delegate when one was given and does nothing otherwise. Epoch and batch hooks receive
/// the epoch or batch index and the logs; begin/end hooks receive the logs, as in Keras. Keras' <c>**kwargs</c>
/// (any other hook) are the test and predict parameters here.</remarks>
/// <example><code>
/// var printer = new LambdaCallback(
///     onEpochEnd: (epoch, logs) => Console.WriteLine($"epoch {epoch}: loss {logs["loss"]}"),
///     onTrainEnd: logs => Console.WriteLine("done"));
/// model.Fit(x, y, epochs: 3, callbacks: [printer], verbose: 0);
/// </code></example>
public sealed class LambdaCallback : Callback
{
    private readonly Action<int, Logs>? _onEpochBegin;
    private readonly Action<int, Logs>? _onEpochEnd;
    private readonly Action<Logs>? _onTrainBegin;
    private readonly Action<Logs>? _onTrainEnd;
    private readonly Action<int, Logs>? _onTrainBatchBegin;
    private readonly Action<int, Logs>? _onTrainBatchEnd;
    private readonly Action<Logs>? _onTestBegin;
    private readonly Action<Logs>? _onTestEnd;
    private readonly Action<int, Logs>? _onTestBatchBegin;
    private readonly Action<int, Logs>? _onTestBatchEnd;
    private readonly Action<Logs>? _onPredictBegin;
    private readonly Action<Logs>? _onPredictEnd;
    private readonly Action<int, Logs>? _onPredictBatchBegin;
    private readonly Action<int, Logs>? _onPredictBatchEnd;

    /// <summary>Creates the callback from the hooks to run.</summary>
    /// <param name="onEpochBegin">Called at the beginning of every epoch with the epoch index and logs.</param>
    /// <param name="onEpochEnd">Called at the end of every epoch with the epoch index and logs.</param>
    /// <param name="onTrainBegin">Called at the beginning of training with the logs.</param>
    /// <param name="onTrainEnd">Called at the end of training with the logs.</param>
    /// <param name="onTrainBatchBegin">Called at the beginning of every training batch with its index and logs.</param>
    /// <param name="onTrainBatchEnd">Called at the end of every training batch with its index and logs.</param>
    /// <param name="onTestBegin">Called at the beginning of evaluation (also validation inside <c>Fit</c>).</param>
    /// <param name="onTestEnd">Called at the end of evaluation.</param>
    /// <param name="onTestBatchBegin">Called at the beginning of every evaluation batch.</param>
    /// <param name="onTestBatchEnd">Called at the end of every evaluation batch.</param>
    /// <param name="onPredictBegin">Called at the beginning of prediction.</param>
    /// <param name="onPredictEnd">Called at the end of prediction.</param>
    /// <param name="onPredictBatchBegin">Called at the beginning of every prediction batch.</param>
    /// <param name="onPredictBatchEnd">Called at the end of every prediction batch.</param>
    public LambdaCallback(Action<int, Logs>? onEpochBegin = null, Action<int, Logs>? onEpochEnd = null,
        Action<Logs>? onTrainBegin = null, Action<Logs>? onTrainEnd = null,
        Action<int, Logs>? onTrainBatchBegin = null, Action<int, Logs>? onTrainBatchEnd = null,
        Action<Logs>? onTestBegin = null, Action<Logs>? onTestEnd = null,
        Action<int, Logs>? onTestBatchBegin = null, Action<int, Logs>? onTestBatchEnd = null,
        Action<Logs>? onPredictBegin = null, Action<Logs>? onPredictEnd = null,
        Action<int, Logs>? onPredictBatchBegin = null, Action<int, Logs>? onPredictBatchEnd = null)
    {
        _onEpochBegin = onEpochBegin;
        _onEpochEnd = onEpochEnd;
        _onTrainBegin = onTrainBegin;
        _onTrainEnd = onTrainEnd;
        _onTrainBatchBegin = onTrainBatchBegin;
        _onTrainBatchEnd = onTrainBatchEnd;
        _onTestBegin = onTestBegin;
        _onTestEnd = onTestEnd;
        _onTestBatchBegin = onTestBatchBegin;
        _onTestBatchEnd = onTestBatchEnd;
        _onPredictBegin = onPredictBegin;
        _onPredictEnd = onPredictEnd;
        _onPredictBatchBegin = onPredictBatchBegin;
        _onPredictBatchEnd = onPredictBatchEnd;
    }

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs) => _onEpochBegin?.Invoke(epoch, logs);

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs) => _onEpochEnd?.Invoke(epoch, logs);

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs) => _onTrainBegin?.Invoke(logs);

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs) => _onTrainEnd?.Invoke(logs);

    /// <inheritdoc />
    public override void OnTrainBatchBegin(int batch, Logs logs) => _onTrainBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs) => _onTrainBatchEnd?.Invoke(batch, logs);

    /// <inheritdoc />
    public override void OnTestBegin(Logs logs) => _onTestBegin?.Invoke(logs);

    /// <inheritdoc />
    public override void OnTestEnd(Logs logs) => _onTestEnd?.Invoke(logs);

    /// <inheritdoc />
    public override void OnTestBatchBegin(int batch, Logs logs) => _onTestBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc />
    public override void OnTestBatchEnd(int batch, Logs logs) => _onTestBatchEnd?.Invoke(batch, logs);

    /// <inheritdoc />
    public override void OnPredictBegin(Logs logs) => _onPredictBegin?.Invoke(logs);

    /// <inheritdoc />
    public override void OnPredictEnd(Logs logs) => _onPredictEnd?.Invoke(logs);

    /// <inheritdoc />
    public override void OnPredictBatchBegin(int batch, Logs logs) => _onPredictBatchBegin?.Invoke(batch, logs);

    /// <inheritdoc />
    public override void OnPredictBatchEnd(int batch, Logs logs) => _onPredictBatchEnd?.Invoke(batch, logs);
}

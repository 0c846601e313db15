namespace Keras.Callbacks;

/// <summary>Runs a list of callbacks in order; appends <see cref="History"/> and the progress bar as Keras does.</summary>
internal sealed class CallbackList
{
    private readonly List<Callback> _callbacks;

    internal CallbackList(IEnumerable<Callback>? callbacks, Model model, bool addHistory, int verbose,
        IReadOnlyDictionary<string, object?> parameters)
    {
        _callbacks = callbacks?.ToList() ?? [];
        History = _callbacks.OfType<History>().FirstOrDefault();
        if (History is null && addHistory)
        {
            History = new History();
            _callbacks.Add(History);
        }
        if (verbose > 0 && !_callbacks.OfType<ProgbarLogger>().Any())
        {
            _callbacks.Add(new ProgbarLogger());
        }
        foreach (var callback in _callbacks)
        {
            callback.SetModel(model);
            callback.SetParams(parameters);
        }
    }

    internal History? History { get; }

    internal void TrainBegin(Logs logs) => Each(c => c.OnTrainBegin(logs));
    internal void TrainEnd(Logs logs) => Each(c => c.OnTrainEnd(logs));
    internal void EpochBegin(int epoch, Logs logs) => Each(c => c.OnEpochBegin(epoch, logs));
    internal void EpochEnd(int epoch, Logs logs) => Each(c => c.OnEpochEnd(epoch, logs));
    internal void TrainBatchBegin(int batch, Logs logs) => Each(c => c.OnTrainBatchBegin(batch, logs));
    internal void TrainBatchEnd(int batch, Logs logs) => Each(c => c.OnTrainBatchEnd(batch, logs));
    internal void TestBegin(Logs logs) => Each(c => c.OnTestBegin(logs));
    internal void TestEnd(Logs logs) => Each(c => c.OnTestEnd(logs));
    internal void TestBatchBegin(int batch, Logs logs) => Each(c => c.OnTestBatchBegin(batch, logs));
    internal void TestBatchEnd(int batch, Logs logs) => Each(c => c.OnTestBatchEnd(batch, logs));
    internal void PredictBegin(Logs logs) => Each(c => c.OnPredictBegin(logs));
    internal void PredictEnd(Logs logs) => Each(c => c.OnPredictEnd(logs));
    internal void PredictBatchBegin(int batch, Logs logs) => Each(c => c.OnPredictBatchBegin(batch, logs));
    internal void PredictBatchEnd(int batch, Logs logs) => Each(c => c.OnPredictBatchEnd(batch, logs));

    private void Each(Action<Callback> hook)
    {
        foreach (var callback in _callbacks)
        {
            hook(callback);
        }
    }
}

namespace Keras.Callbacks;

/// <summary>The base of training callbacks: every Keras hook as a virtual no-op (<c>keras.callbacks.Callback</c>).</summary>
/// <remarks>Hooks receive <see cref="Logs"/> (only doubles, never tensors). <see cref="Model"/> is set before training
/// begins. Set <see cref="Keras.Model.StopTraining"/> to end <c>Fit</c> after the current epoch.</remarks>
/// <example><code>
/// public sealed class PrintLoss : Callback
/// {
///     public override void OnEpochEnd(int epoch, Logs logs) =&gt; Console.WriteLine($"{epoch}: {logs["loss"]:F4}");
/// }
/// </code></example>
public abstract class Callback
{
    /// <summary>The model being trained, evaluated or run; set by the engine before the first hook.</summary>
    public Model? Model { get; private set; }

    /// <summary>Run parameters (<c>verbose</c>, <c>epochs</c>, <c>steps</c>), as Keras' <c>callback.params</c>.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; private set; } = new Dictionary<string, object?>();

    /// <summary>Attaches the callback to a model.</summary>
    /// <param name="model">The model.</param>
    public virtual void SetModel(Model model) => Model = model;

    /// <summary>Receives the run parameters.</summary>
    /// <param name="parameters">The parameters.</param>
    public virtual void SetParams(IReadOnlyDictionary<string, object?> parameters) => Params = parameters;

    /// <summary>Called once at the start of <c>Fit</c>.</summary>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnTrainBegin(Logs logs) { }

    /// <summary>Called once at the end of <c>Fit</c>, with the last epoch's logs.</summary>
    /// <param name="logs">The last epoch's logs.</param>
    public virtual void OnTrainEnd(Logs logs) { }

    /// <summary>Called at the start of each epoch.</summary>
    /// <param name="epoch">The 0-based epoch index.</param>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnEpochBegin(int epoch, Logs logs) { }

    /// <summary>Called at the end of each epoch with training and <c>val_</c> metrics.</summary>
    /// <param name="epoch">The 0-based epoch index.</param>
    /// <param name="logs">The epoch's results.</param>
    public virtual void OnEpochEnd(int epoch, Logs logs) { }

    /// <summary>Called before each training batch.</summary>
    /// <param name="batch">The batch index within the epoch.</param>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnTrainBatchBegin(int batch, Logs logs) { }

    /// <summary>Called after each training batch with the running epoch averages.</summary>
    /// <param name="batch">The batch index within the epoch.</param>
    /// <param name="logs">Running results.</param>
    public virtual void OnTrainBatchEnd(int batch, Logs logs) { }

    /// <summary>Called at the start of <c>Evaluate</c> (and of validation inside <c>Fit</c>).</summary>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnTestBegin(Logs logs) { }

    /// <summary>Called at the end of evaluation.</summary>
    /// <param name="logs">The results.</param>
    public virtual void OnTestEnd(Logs logs) { }

    /// <summary>Called before each evaluation batch.</summary>
    /// <param name="batch">The batch index.</param>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnTestBatchBegin(int batch, Logs logs) { }

    /// <summary>Called after each evaluation batch.</summary>
    /// <param name="batch">The batch index.</param>
    /// <param name="logs">Running results.</param>
    public virtual void OnTestBatchEnd(int batch, Logs logs) { }

    /// <summary>Called at the start of <c>Predict</c>.</summary>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnPredictBegin(Logs logs) { }

    /// <summary>Called at the end of <c>Predict</c>.</summary>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnPredictEnd(Logs logs) { }

    /// <summary>Called before each prediction batch.</summary>
    /// <param name="batch">The batch index.</param>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnPredictBatchBegin(int batch, Logs logs) { }

    /// <summary>Called after each prediction batch.</summary>
    /// <param name="batch">The batch index.</param>
    /// <param name="logs">Empty logs.</param>
    public virtual void OnPredictBatchEnd(int batch, Logs logs) { }
}

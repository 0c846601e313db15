namespace Keras.Callbacks;

/// <summary>Stops training when a batch's loss is NaN or infinite (<c>keras.callbacks.TerminateOnNaN</c>).</summary>
/// <remarks>After each training batch the callback reads <c>loss</c> from the logs; when it is NaN or ±infinity it
/// prints Keras' <c>Batch {batch}: Invalid loss, terminating training</c> and sets
/// <see cref="Model.StopTraining"/>, so <c>Fit</c> ends after that batch (the epoch's end still runs, as in
/// Keras).</remarks>
/// <example><code>
/// History history = model.Fit(x, y, epochs: 10, callbacks: [new TerminateOnNaN()], verbose: 0);
/// </code></example>
public sealed class TerminateOnNaN : Callback
{
    private readonly TextWriter? _output;

    /// <summary>Creates the callback.</summary>
    /// <param name="output">Where the message goes. Defaults to <see cref="Console.Out"/>.</param>
    public TerminateOnNaN(TextWriter? output = null)
    {
        _output = output;
    }

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        if (logs.TryGetValue("loss", out double loss) && !double.IsFinite(loss))
        {
            var model = Model ?? throw new InvalidOperationException(
                "TerminateOnNaN needs a model: it is only used through Fit.");
            (_output ?? Console.Out).WriteLine($"Batch {batch}: Invalid loss, terminating training");
            model.StopTraining = true;
        }
    }
}

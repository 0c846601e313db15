using Keras.Backend;
using Keras.Callbacks;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Computes the loss and metrics on data (<c>model.evaluate</c>).</summary>
    /// <param name="x">Inputs (array or tensor; list or dictionary for several inputs).</param>
    /// <param name="y">Targets (list or dictionary for several outputs).</param>
    /// <param name="batchSize">Samples per batch. Defaults to 32.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="sampleWeight">Optional weight per sample.</param>
    /// <param name="steps">Batches to evaluate; defaults to all the data.</param>
    /// <param name="callbacks">Callbacks receiving the test hooks.</param>
    /// <returns>Results by name in <see cref="MetricsNames"/> order: <c>loss</c> first, then metrics.</returns>
    public IReadOnlyDictionary<string, double> Evaluate(ArrayLike x, ArrayLike? y = null, int? batchSize = null,
        int verbose = 1, ArrayLike? sampleWeight = null, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        var compiled = RequireLoss(nameof(Evaluate));
        int bs = ValidateBatchSize(batchSize);
        ValidateVerbose(verbose);
        using var data = ToTensorData(x, y, sampleWeight);
        EnsureBuilt(data.Xs);
        int total = Math.Min(steps ?? int.MaxValue, data.Steps(bs));
        var parameters = new Dictionary<string, object?> { ["verbose"] = verbose, ["epochs"] = 1, ["steps"] = total };
        var callbackList = new CallbackList(callbacks, this, addHistory: false, verbose, parameters);
        var logs = EvaluateData(compiled, data, bs, callbackList, steps);
        var ordered = new OrderedDictionary<string, double>();
        foreach (var name in MetricsNames)
        {
            ordered[name] = logs[name];
        }
        return ordered;
    }

    /// <summary>One evaluation step: forward, loss, metrics (Keras' <c>test_step</c>).</summary>
    /// <param name="data">The batch.</param>
    /// <remarks>Runs under no-grad inside the engine's per-step dispose scope.</remarks>
    protected virtual void TestStep(DataBatch data)
    {
        var yPred = CallModel(data.Inputs, training: false);
        var loss = ComputeLoss(data, yPred);
        UpdateMetrics(data, yPred, loss);
    }

    private Logs EvaluateData(CompiledState compiled, TensorData data, int batchSize, CallbackList callbacks, int? steps)
    {
        using var batches = new ArrayEpochSource(data, batchSize, shuffle: false,
            Math.Min(steps ?? int.MaxValue, data.Steps(batchSize)));
        return EvaluateBatches(compiled, batches, callbacks);
    }

    // The evaluation loop shared by array and Sequence inputs: one epoch of `batches`.
    private Logs EvaluateBatches(CompiledState compiled, IEpochSource batches, CallbackList callbacks)
    {
        compiled.ResetMetrics();
        int total = batches.BeginEpoch();
        var empty = new Logs();
        callbacks.TestBegin(empty);
        using (KerasBackend.Current.NoGrad())
        {
            for (int step = 0; step < total; step++)
            {
                callbacks.TestBatchBegin(step, empty);
                using (KerasBackend.Current.MemoryScope())
                {
                    TestStep(batches.Next());
                }
                callbacks.TestBatchEnd(step, MetricLogs(compiled, lazy: true));
            }
        }
        batches.EndEpoch();
        var logs = MetricLogs(compiled, lazy: false);
        callbacks.TestEnd(logs);
        return logs;
    }
}

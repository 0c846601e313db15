using Keras.Backend;
using Keras.Callbacks;
using Keras.Training;
using static TorchSharp.torch;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Runs the model on inputs in batches and returns all outputs (<c>model.predict</c>).</summary>
    /// <param name="x">Inputs (array or tensor; list or dictionary for several inputs).</param>
    /// <param name="batchSize">Samples per batch. Defaults to 32.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="steps">Batches to run; defaults to all the data.</param>
    /// <param name="callbacks">Callbacks receiving the predict hooks.</param>
    /// <param name="backend">The inference backend (<see cref="InferenceBackends"/>): null or <c>"torch"</c> runs the
    /// layers on TorchSharp, <c>"onnxruntime"</c> runs the exported ONNX graph. Defaults to null.</param>
    /// <returns>A fresh CPU tensor owned by the caller, one row per sample.</returns>
    /// <remarks>Safe to call from several threads at once on a built model. Models with several outputs use
    /// <see cref="PredictMany(ArrayLike, int?, int, int?, IEnumerable{Callback}, string)"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="backend"/> names no registered backend.</exception>
    public Tensor Predict(ArrayLike x, int? batchSize = null, int verbose = 1, int? steps = null,
        IEnumerable<Callback>? callbacks = null, string? backend = null)
    {
        if (OutputNames.Count != 1)
        {
            throw new InvalidOperationException(
                $"Model \"{Name}\" has {OutputNames.Count} outputs ({string.Join(", ", OutputNames)}); use `PredictMany`.");
        }
        return PredictMany(x, batchSize, verbose, steps, callbacks, backend)[0];
    }

    /// <summary>Runs the model in batches and returns every output, in <see cref="OutputNames"/> order.</summary>
    /// <param name="x">Inputs (array or tensor; list or dictionary for several inputs).</param>
    /// <param name="batchSize">Samples per batch. Defaults to 32.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="steps">Batches to run; defaults to all the data.</param>
    /// <param name="callbacks">Callbacks receiving the predict hooks.</param>
    /// <param name="backend">The inference backend (<see cref="InferenceBackends"/>): null or <c>"torch"</c> runs the
    /// layers on TorchSharp, <c>"onnxruntime"</c> runs the exported ONNX graph. Defaults to null.</param>
    /// <returns>Fresh CPU tensors owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="backend"/> names no registered backend.</exception>
    public IReadOnlyList<Tensor> PredictMany(ArrayLike x, int? batchSize = null, int verbose = 1, int? steps = null,
        IEnumerable<Callback>? callbacks = null, string? backend = null)
    {
        int bs = ValidateBatchSize(batchSize);
        ValidateVerbose(verbose);
        var inference = InferenceBackends.Get(backend);
        using var data = ToTensorData(x, null, null);
        EnsureBuilt(data.Xs);
        using var batches = new ArrayEpochSource(data, bs, shuffle: false, Math.Min(steps ?? int.MaxValue, data.Steps(bs)));
        return PredictBatches(batches, inference, verbose, callbacks);
    }

    // The prediction loop shared by array and Sequence inputs: one epoch of `batches`, outputs concatenated.
    private IReadOnlyList<Tensor> PredictBatches(IEpochSource batches, InferenceBackend inference, int verbose,
        IEnumerable<Callback>? callbacks)
    {
        var parameters = new Dictionary<string, object?> { ["verbose"] = verbose, ["epochs"] = 1, ["steps"] = batches.Steps };
        var callbackList = new CallbackList(callbacks, this, addHistory: false, verbose, parameters);
        var empty = new Logs();
        callbackList.PredictBegin(empty);
        using var scope = KerasBackend.Current.MemoryScope();
        using var noGrad = KerasBackend.Current.NoGrad();
        int total = batches.BeginEpoch();
        var outputs = new List<IReadOnlyList<Tensor>>(total);
        for (int step = 0; step < total; step++)
        {
            callbackList.PredictBatchBegin(step, empty);
            outputs.Add(inference.Run(this, batches.Next().Inputs));
            callbackList.PredictBatchEnd(step, empty);
        }
        batches.EndEpoch();
        var results = Enumerable.Range(0, outputs[0].Count)
            .Select(o => Gather(outputs.Select(batch => batch[o]).ToList()))
            .ToList();
        callbackList.PredictEnd(empty);
        return results;
    }

    /// <summary>Runs the model on one batch in inference mode and returns a fresh CPU tensor (<c>predict_on_batch</c>).</summary>
    /// <param name="x">The batch.</param>
    /// <param name="backend">The inference backend (<see cref="InferenceBackends"/>): null or <c>"torch"</c> runs the
    /// layers on TorchSharp, <c>"onnxruntime"</c> runs the exported ONNX graph. Defaults to null.</param>
    /// <returns>The outputs, owned by the caller.</returns>
    public Tensor PredictOnBatch(ArrayLike x, string? backend = null) =>
        Predict(x, batchSize: int.MaxValue, verbose: 0, backend: backend);

    /// <summary>Runs one training step on one batch and returns the logs (<c>train_on_batch</c>).</summary>
    /// <param name="x">The input batch.</param>
    /// <param name="y">The target batch.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    /// <returns>Loss and metrics after the step.</returns>
    public IReadOnlyDictionary<string, double> TrainOnBatch(ArrayLike x, ArrayLike y, ArrayLike? sampleWeight = null)
    {
        var compiled = RequireLoss(nameof(TrainOnBatch));
        using var data = ToTensorData(x, y, sampleWeight);
        EnsureBuilt(data.Xs);
        compiled.ResetMetrics();
        using (KerasBackend.Current.MemoryScope())
        {
            TrainStep(data.Batch(0, int.MaxValue));
        }
        return MetricLogs(compiled, lazy: false).ToDictionary();
    }

    /// <summary>Evaluates one batch and returns the logs (<c>test_on_batch</c>).</summary>
    /// <param name="x">The input batch.</param>
    /// <param name="y">The target batch.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    /// <returns>Loss and metrics on the batch.</returns>
    public IReadOnlyDictionary<string, double> TestOnBatch(ArrayLike x, ArrayLike y, ArrayLike? sampleWeight = null)
    {
        var compiled = RequireLoss(nameof(TestOnBatch));
        using var data = ToTensorData(x, y, sampleWeight);
        EnsureBuilt(data.Xs);
        compiled.ResetMetrics();
        using (KerasBackend.Current.MemoryScope())
        using (KerasBackend.Current.NoGrad())
        {
            TestStep(data.Batch(0, int.MaxValue));
        }
        return MetricLogs(compiled, lazy: false).ToDictionary();
    }

    /// <summary>One prediction step (Keras' <c>predict_step</c>): the model in inference mode.</summary>
    /// <param name="data">The batch (inputs only).</param>
    /// <returns>One tensor per output (inside the engine's scope).</returns>
    protected virtual IReadOnlyList<Tensor> PredictStep(DataBatch data) => CallModel(data.Inputs, training: false);

    /// <summary>Runs <see cref="PredictStep"/> on a batch of inputs (the <c>"torch"</c> inference backend).</summary>
    internal IReadOnlyList<Tensor> RunPredictStep(IReadOnlyList<Tensor> inputs) =>
        PredictStep(new DataBatch(inputs, null, null));

    // One batch may be a view of the caller's input (an identity model): copy it so the result owns its storage.
    private static Tensor Gather(List<Tensor> batches) =>
        (batches.Count == 1 ? batches[0].cpu().clone() : torch.cat(batches, 0).cpu().contiguous()).MoveToOuterDisposeScope();
}

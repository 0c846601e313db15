using Keras.Backend;
using Keras.Callbacks;
using Keras.Training;
using static TorchSharp.torch;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Runs the model on inputs in batches and returns all outputs (<c>model.predict</c>).</summary>
    /// <param name="x">Inputs (array or tensor).</param>
    /// <param name="batchSize">Samples per batch. Defaults to 32.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="steps">Batches to run; defaults to all the data.</param>
    /// <param name="callbacks">Callbacks receiving the predict hooks.</param>
    /// <returns>A fresh CPU tensor owned by the caller, one row per sample.</returns>
    /// <remarks>Safe to call from several threads at once on a built model.</remarks>
    public Tensor Predict(ArrayLike x, int? batchSize = null, int verbose = 1, int? steps = null,
        IEnumerable<Callback>? callbacks = null)
    {
        int bs = ValidateBatchSize(batchSize);
        if (verbose is < 0 or > 2)
        {
            throw new ArgumentException($"`verbose` must be 0, 1 or 2. Received: verbose={verbose}", nameof(verbose));
        }
        using var data = TensorData.From(x, null, null, InputDType);
        EnsureBuilt(data.X);
        int total = Math.Min(steps ?? int.MaxValue, data.Steps(bs));
        var parameters = new Dictionary<string, object?> { ["verbose"] = verbose, ["epochs"] = 1, ["steps"] = total };
        var callbackList = new CallbackList(callbacks, this, addHistory: false, verbose, parameters);
        var empty = new Logs();
        callbackList.PredictBegin(empty);
        using var scope = KerasBackend.Current.MemoryScope();
        using var noGrad = KerasBackend.Current.NoGrad();
        var outputs = new List<Tensor>(total);
        for (int step = 0; step < total; step++)
        {
            callbackList.PredictBatchBegin(step, empty);
            var (bx, _, _) = data.Batch(step, bs);
            outputs.Add(PredictStep(bx));
            callbackList.PredictBatchEnd(step, empty);
        }
        var result = (outputs.Count == 1 ? outputs[0] : torch.cat(outputs, 0)).cpu().contiguous();
        result = ReferenceEquals(result, data.X) ? result.clone() : result;
        callbackList.PredictEnd(empty);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Runs the model on one batch in inference mode and returns a fresh CPU tensor (<c>predict_on_batch</c>).</summary>
    /// <param name="x">The batch.</param>
    /// <returns>The outputs, owned by the caller.</returns>
    public Tensor PredictOnBatch(ArrayLike x) => Predict(x, batchSize: int.MaxValue, verbose: 0);

    /// <summary>Runs one training step on one batch and returns the logs (<c>train_on_batch</c>).</summary>
    /// <param name="x">The input batch.</param>
    /// <param name="y">The target batch.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    /// <returns>Loss and metrics after the step (metrics accumulate across calls until reset).</returns>
    public IReadOnlyDictionary<string, double> TrainOnBatch(ArrayLike x, ArrayLike y, ArrayLike? sampleWeight = null)
    {
        var compiled = RequireLoss(nameof(TrainOnBatch));
        using var data = TensorData.From(x, y, sampleWeight, InputDType);
        EnsureBuilt(data.X);
        compiled.ResetMetrics();
        using (KerasBackend.Current.MemoryScope())
        {
            TrainStep(data.X, data.Y, data.SampleWeight);
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
        using var data = TensorData.From(x, y, sampleWeight, InputDType);
        EnsureBuilt(data.X);
        compiled.ResetMetrics();
        using (KerasBackend.Current.MemoryScope())
        using (KerasBackend.Current.NoGrad())
        {
            TestStep(data.X, data.Y, data.SampleWeight);
        }
        return MetricLogs(compiled, lazy: false).ToDictionary();
    }

    /// <summary>One prediction step (Keras' <c>predict_step</c>): the model in inference mode.</summary>
    /// <param name="x">The input batch.</param>
    /// <returns>The outputs (inside the engine's scope).</returns>
    protected virtual Tensor PredictStep(Tensor x) => Call(x, training: false);
}

using Keras.Backend;
using Keras.Callbacks;
using Keras.Data;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Computes the loss and metrics on batches from a <see cref="Sequence"/> or a <see cref="Dataset"/>
    /// (<c>model.evaluate</c> with a dataset).</summary>
    /// <param name="x">The batches: inputs, targets and optional sample weights together.</param>
    /// <param name="y">Must be null: the targets come with <paramref name="x"/>.</param>
    /// <param name="batchSize">Must be null: <paramref name="x"/> decides the batches.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="sampleWeight">Must be null: sample weights come with <paramref name="x"/>.</param>
    /// <param name="steps">Batches to evaluate, in order; defaults to all of them.</param>
    /// <param name="callbacks">Callbacks receiving the test hooks.</param>
    /// <returns>Results by name in <see cref="MetricsNames"/> order: <c>loss</c> first, then metrics.</returns>
    /// <exception cref="ArgumentException">An argument that Keras rejects with a dataset was given.</exception>
    /// <example><code>
    /// var scores = model.Evaluate(Dataset.FromArrays(xTest, yTest).Batch(256), verbose: 0);
    /// </code></example>
    public IReadOnlyDictionary<string, double> Evaluate(Sequence x, ArrayLike? y = null, int? batchSize = null,
        int verbose = 1, ArrayLike? sampleWeight = null, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var compiled = RequireLoss(nameof(Evaluate));
        RejectArraysWithSequence(x, y, batchSize, sampleWeight);
        ValidateVerbose(verbose);
        ValidateSteps(steps, "steps");
        EnsureBuiltFrom(x);
        var parameters = new Dictionary<string, object?>
        {
            ["verbose"] = verbose, ["epochs"] = 1, ["steps"] = Math.Min(steps ?? int.MaxValue, x.Count),
        };
        var callbackList = new CallbackList(callbacks, this, addHistory: false, verbose, parameters);
        var logs = EvaluateSequence(compiled, x, steps, callbackList);
        var ordered = new OrderedDictionary<string, double>();
        foreach (var name in MetricsNames)
        {
            ordered[name] = logs[name];
        }
        return ordered;
    }

    /// <summary>Runs the model on the inputs of batches from a <see cref="Sequence"/> or a <see cref="Dataset"/> and
    /// returns all outputs (<c>model.predict</c> with a dataset); targets in the batches are ignored.</summary>
    /// <param name="x">The batches.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="steps">Batches to run, in order; defaults to all of them.</param>
    /// <param name="callbacks">Callbacks receiving the predict hooks.</param>
    /// <param name="backend">The inference backend (<see cref="InferenceBackends"/>). Defaults to null (TorchSharp).</param>
    /// <returns>A fresh CPU tensor owned by the caller, one row per sample.</returns>
    /// <example><code>
    /// using var probabilities = model.Predict(Dataset.FromArrays(xTest).Batch(256), verbose: 0);
    /// </code></example>
    public Tensor Predict(Sequence x, int verbose = 1, int? steps = null, IEnumerable<Callback>? callbacks = null,
        string? backend = null)
    {
        if (OutputNames.Count != 1)
        {
            throw new InvalidOperationException(
                $"Model \"{Name}\" has {OutputNames.Count} outputs ({string.Join(", ", OutputNames)}); use `PredictMany`.");
        }
        return PredictMany(x, verbose, steps, callbacks, backend)[0];
    }

    /// <summary>Runs the model on batches from a <see cref="Sequence"/> and returns every output, in
    /// <see cref="OutputNames"/> order.</summary>
    /// <param name="x">The batches.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line. Defaults to 1.</param>
    /// <param name="steps">Batches to run, in order; defaults to all of them.</param>
    /// <param name="callbacks">Callbacks receiving the predict hooks.</param>
    /// <param name="backend">The inference backend (<see cref="InferenceBackends"/>). Defaults to null (TorchSharp).</param>
    /// <returns>Fresh CPU tensors owned by the caller.</returns>
    public IReadOnlyList<Tensor> PredictMany(Sequence x, int verbose = 1, int? steps = null,
        IEnumerable<Callback>? callbacks = null, string? backend = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ValidateVerbose(verbose);
        ValidateSteps(steps, "steps");
        var inference = InferenceBackends.Get(backend);
        EnsureBuiltFrom(x);
        using var batches = new SequenceEpochSource(x, shuffle: false, PassSteps(x, steps), b => ConformBatch(b, null));
        return PredictBatches(batches, inference, verbose, callbacks);
    }
}

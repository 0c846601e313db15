using Keras.Backend;
using Keras.Callbacks;
using Keras.Data;
using Keras.Training;
using static TorchSharp.torch;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Trains the model on batches from a <see cref="Sequence"/> or a <see cref="Dataset"/>
    /// (<c>model.fit</c> with a <c>PyDataset</c> or a <c>tf.data.Dataset</c>).</summary>
    /// <param name="x">The batches: inputs, targets and optional sample weights together.</param>
    /// <param name="y">Must be null: the targets come with <paramref name="x"/> (Keras' error otherwise).</param>
    /// <param name="batchSize">Must be null: <paramref name="x"/> decides the batches.</param>
    /// <param name="epochs">The epoch to stop at (exclusive; with <paramref name="initialEpoch"/>). Defaults to 1.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch. Defaults to 1.</param>
    /// <param name="callbacks">Callbacks; <see cref="History"/> and the progress bar are added as in Keras.</param>
    /// <param name="validationSplit">Must be 0: only arrays can be split.</param>
    /// <param name="validationData">Validation batches, evaluated in order after each epoch (see
    /// <paramref name="validationFreq"/>).</param>
    /// <param name="shuffle">Visit the batches of a <see cref="Sequence"/> in a new random order each pass; ignored
    /// for a <see cref="Dataset"/>, whose order is its pipeline's. Defaults to true.</param>
    /// <param name="classWeight">Weight per class index, applied to each sample's loss.</param>
    /// <param name="sampleWeight">Must be null: sample weights come with <paramref name="x"/>.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume training). Defaults to 0.</param>
    /// <param name="stepsPerEpoch">Batches per epoch; defaults to one pass. A pass then carries over from epoch to
    /// epoch, and an epoch stops early (with Keras' warning) when the pass runs out.</param>
    /// <param name="validationSteps">Validation batches per evaluation; defaults to all of them.</param>
    /// <param name="validationFreq">Validate every this many epochs. Defaults to 1.</param>
    /// <returns>The <see cref="History"/> of per-epoch logs.</returns>
    /// <remarks>Batches are built ahead on <see cref="Sequence.Workers"/> threads and disposed after their step;
    /// <see cref="Sequence.OnEpochEnd"/> runs after each complete pass. Stopping early (<c>StopTraining</c> or an
    /// exception) stops the workers and frees the batches they built.</remarks>
    /// <exception cref="ArgumentException">An argument that Keras rejects with a dataset was given.</exception>
    /// <example><code>
    /// var train = Dataset.FromArrays(xTrain, yTrain).Shuffle(60_000, seed: 1).Batch(128).Prefetch(4);
    /// model.Fit(train, epochs: 5, validationData: Dataset.FromArrays(xTest, yTest).Batch(512));
    /// </code></example>
    public History Fit(Sequence x, ArrayLike? y = null, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, Sequence? validationData = null,
        bool shuffle = true, IReadOnlyDictionary<int, double>? classWeight = null, ArrayLike? sampleWeight = null,
        int initialEpoch = 0, int? stepsPerEpoch = null, int? validationSteps = null, int validationFreq = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var compiled = RequireLoss(nameof(Fit));
        RejectArraysWithSequence(x, y, batchSize, sampleWeight);
        if (validationSplit != 0)
        {
            throw new ArgumentException("`validation_split` is only supported for Tensors or NumPy arrays, found " +
                $"following types in the input: [{x.GetType().Name}]", nameof(validationSplit));
        }
        ValidateFitArguments(epochs, verbose, initialEpoch, stepsPerEpoch, validationFreq);
        ValidateSteps(validationSteps, "validation_steps");
        EnsureBuiltFrom(x);
        using var batches = new SequenceEpochSource(x, shuffle, stepsPerEpoch, b => ConformBatch(b, classWeight));
        return RunEpochs(compiled, batches,
            validationData is null ? null : callbackList => EvaluateSequence(compiled, validationData,
                validationSteps, callbackList),
            epochs, verbose, callbacks, initialEpoch, validationFreq);
    }

    private Logs EvaluateSequence(CompiledState compiled, Sequence data, int? steps, CallbackList callbacks)
    {
        using var batches = new SequenceEpochSource(data, shuffle: false, PassSteps(data, steps),
            b => ConformBatch(b, null));
        return EvaluateBatches(compiled, batches, callbacks);
    }

    // `steps` batches of a pass (all when null or larger): a full pass counts as an epoch of the sequence.
    private static int? PassSteps(Sequence data, int? steps) => steps is { } s && s < data.Count ? s : null;

    private static void RejectArraysWithSequence(Sequence x, ArrayLike? y, int? batchSize, ArrayLike? sampleWeight)
    {
        string kind = x.GetType().Name;
        if (y is { IsEmpty: false })
        {
            throw new ArgumentException($"When providing `x` as a {kind}, `y` should not be passed. Instead, the " +
                $"targets should be included as part of the {kind}.", nameof(y));
        }
        if (sampleWeight is { IsEmpty: false })
        {
            throw new ArgumentException($"When providing `x` as a {kind}, `sample_weights` should not be passed. " +
                $"Instead, the sample weights should be included as part of the {kind}.", nameof(sampleWeight));
        }
        if (batchSize is not null)
        {
            throw new ArgumentException("The `batch_size` argument must not be specified for the given input type. " +
                $"Received input: {kind}, batch_size: {batchSize}", nameof(batchSize));
        }
    }

    private static void ValidateSteps(int? steps, string name)
    {
        if (steps is <= 0)
        {
            throw new ArgumentException($"`{name}` must be a positive integer. Received: {name}={steps}", name);
        }
    }

    // The first batch shows the input shapes when the model was never called (a subclassed or deferred model).
    private void EnsureBuiltFrom(Sequence x)
    {
        if (Built)
        {
            return;
        }
        using var scope = KerasBackend.Current.MemoryScope();
        var first = x.GetBatch(0);
        EnsureBuilt(first.Inputs);
    }

    /// <summary>A Sequence batch as the array path prepares data: inputs in each input's dtype, integer targets as
    /// int64, float32 sample weights, class weights applied. Runs in the step's dispose scope.</summary>
    private DataBatch ConformBatch(DataBatch batch, IReadOnlyDictionary<int, double>? classWeight)
    {
        if (batch.Inputs.Count != InputNames.Count)
        {
            throw new ArgumentException($"Model \"{Name}\" expects {InputNames.Count} input(s) " +
                $"({string.Join(", ", InputNames)}) but a batch has {batch.Inputs.Count}.");
        }
        var inputs = batch.Inputs.Select((x, i) => InputDTypes[i].StartsWith("float", StringComparison.Ordinal)
            ? OnDevice(Ops.IsFloat(x) ? x : x.to_type(Ops.DType(InputDTypes[i])))
            : Cast(x, Ops.DType(InputDTypes[i]))).ToList();
        var targets = batch.Targets?.Select(y => OnDevice(Ops.IsFloat(y) || y.dtype is ScalarType.Int64 or ScalarType.Bool
            ? y : y.to_type(ScalarType.Int64))).ToList();
        var weights = batch.SampleWeight is null ? null : Cast(batch.SampleWeight, ScalarType.Float32);
        if (classWeight is not null)
        {
            if (weights is not null)
            {
                throw new ArgumentException(
                    "You cannot specify `class_weight` and `sample_weight` at the same time.", nameof(classWeight));
            }
            if (targets is not { Count: 1 })
            {
                throw new ArgumentException("`class_weight` needs exactly one target `y` (a single-output model).");
            }
            weights = ClassWeights.SampleWeights(targets[0], classWeight);
        }
        return new DataBatch(inputs, targets, weights);
    }

    private static Tensor Cast(Tensor t, ScalarType dtype) => OnDevice(t.dtype == dtype ? t : t.to_type(dtype));

    // Batches are usually built on the CPU; the model may live on another device.
    private static Tensor OnDevice(Tensor t)
    {
        var device = ((TorchBackend)KerasBackend.Current).TorchDevice;
        return t.device_type == device.type ? t : t.to(device);
    }
}

using Keras.Backend;
using Keras.Callbacks;
using Keras.Training;
using static TorchSharp.torch;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Trains the model for a number of epochs (<c>model.fit</c>).</summary>
    /// <param name="x">Inputs: an array (<c>float[,]</c>, <c>byte[,,]</c>, jagged, ...) or a tensor.</param>
    /// <param name="y">Targets, same number of samples as <paramref name="x"/>.</param>
    /// <param name="batchSize">Samples per update. Defaults to 32.</param>
    /// <param name="epochs">The epoch to stop at (exclusive; with <paramref name="initialEpoch"/>). Defaults to 1.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch. Defaults to 1.</param>
    /// <param name="callbacks">Callbacks; <see cref="History"/> and the progress bar are added as in Keras.</param>
    /// <param name="validationSplit">Fraction of the data (the last samples, before shuffling) held out for validation. Defaults to 0.</param>
    /// <param name="validationData">Validation inputs and targets; takes precedence over <paramref name="validationSplit"/>.</param>
    /// <param name="shuffle">Shuffle the training samples before each epoch. Defaults to true.</param>
    /// <param name="classWeight">Weight per class index, applied to each sample's loss.</param>
    /// <param name="sampleWeight">Weight per sample.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume training). Defaults to 0.</param>
    /// <param name="stepsPerEpoch">Batches per epoch; defaults to one pass over the data. Larger values cycle the data.</param>
    /// <param name="validationBatchSize">Batch size for validation. Defaults to <paramref name="batchSize"/>.</param>
    /// <param name="validationFreq">Validate every this many epochs. Defaults to 1.</param>
    /// <returns>The <see cref="History"/> of per-epoch logs (<c>loss</c>, metrics, <c>val_*</c>).</returns>
    public History Fit(ArrayLike x, ArrayLike? y = null, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0,
        (ArrayLike X, ArrayLike Y)? validationData = null, bool shuffle = true,
        IReadOnlyDictionary<int, double>? classWeight = null, ArrayLike? sampleWeight = null, int initialEpoch = 0,
        int? stepsPerEpoch = null, int? validationBatchSize = null, int validationFreq = 1)
    {
        var compiled = RequireLoss(nameof(Fit));
        int bs = ValidateBatchSize(batchSize);
        ValidateFitArguments(epochs, verbose, initialEpoch, stepsPerEpoch, validationFreq);
        if (classWeight is not null && sampleWeight is { IsEmpty: false })
        {
            throw new ArgumentException("You cannot `classWeight` and `sampleWeight` at the same time.");
        }

        using var all = TensorData.From(x, y, sampleWeight, InputDType);
        EnsureBuilt(all.X);
        using var weighted = classWeight is null ? null : ClassWeights.Apply(all, classWeight);
        var source = weighted ?? all;
        TensorData train = source;
        TensorData? validation = null;
        TensorData? ownedValidation = null;
        if (validationData is { } vd)
        {
            ownedValidation = TensorData.From(vd.X, vd.Y, null, InputDType);
            validation = ownedValidation;
        }
        else if (validationSplit > 0)
        {
            (train, validation) = source.Split(validationSplit);
        }

        try
        {
            return RunEpochs(compiled, train, validation, bs, epochs, verbose, callbacks, shuffle, initialEpoch,
                stepsPerEpoch, validationBatchSize ?? bs, validationFreq);
        }
        finally
        {
            if (!ReferenceEquals(train, source))
            {
                train.Dispose();
                validation?.Dispose();
            }
            ownedValidation?.Dispose();
        }
    }

    private History RunEpochs(CompiledState compiled, TensorData train, TensorData? validation, int batchSize,
        int epochs, int verbose, IEnumerable<Callback>? callbacks, bool shuffle, int initialEpoch, int? stepsPerEpoch,
        int validationBatchSize, int validationFreq)
    {
        int dataSteps = train.Steps(batchSize);
        int steps = stepsPerEpoch ?? dataSteps;
        var parameters = new Dictionary<string, object?> { ["verbose"] = verbose, ["epochs"] = epochs, ["steps"] = steps };
        var callbackList = new CallbackList(callbacks, this, addHistory: true, verbose, parameters);
        StopTraining = false;
        var emptyLogs = new Logs();
        callbackList.TrainBegin(emptyLogs);
        Logs epochLogs = new();
        var cursor = new BatchCursor(train, batchSize, shuffle);
        try
        {
            for (int epoch = initialEpoch; epoch < epochs; epoch++)
            {
                compiled.ResetMetrics();
                callbackList.EpochBegin(epoch, new Logs());
                for (int step = 0; step < steps; step++)
                {
                    callbackList.TrainBatchBegin(step, emptyLogs);
                    using (var stepScope = KerasBackend.Current.MemoryScope())
                    {
                        var (bx, by, bw) = cursor.Next();
                        TrainStep(bx, by, bw);
                    }
                    callbackList.TrainBatchEnd(step, MetricLogs(compiled, lazy: true));
                    if (StopTraining)
                    {
                        break;
                    }
                }
                epochLogs = MetricLogs(compiled, lazy: false);
                if (validation is not null && (epoch + 1) % validationFreq == 0)
                {
                    var valLogs = EvaluateData(compiled, validation, validationBatchSize, callbackList, steps: null);
                    foreach (var (key, value) in valLogs)
                    {
                        epochLogs["val_" + key] = value;
                    }
                }
                callbackList.EpochEnd(epoch, epochLogs);
                if (StopTraining)
                {
                    break;
                }
            }
        }
        finally
        {
            cursor.Dispose();
        }
        callbackList.TrainEnd(epochLogs);
        return callbackList.History!;
    }

    /// <summary>One training step: forward, loss, gradients, optimizer update, metrics (Keras' <c>train_step</c>).</summary>
    /// <param name="x">The input batch.</param>
    /// <param name="y">The target batch.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    /// <remarks>Runs inside the engine's per-step dispose scope. Override it for custom training logic; update
    /// <see cref="Metrics"/> so the progress bar and History report them.</remarks>
    protected virtual void TrainStep(Tensor x, Tensor? y, Tensor? sampleWeight)
    {
        var compiled = RequireLoss(nameof(TrainStep));
        var yPred = Call(x, training: true);
        var loss = ComputeLoss(x, y, yPred, sampleWeight);
        var variables = compiled.TrainableVariablesNow();
        if (variables.Count > 0)
        {
            var grads = torch.autograd.grad([loss], variables.Select(v => v.Value).ToList(), allow_unused: true);
            compiled.Optimizer.Apply(grads.Select(g => g is null || g.IsInvalid ? null : g).ToList(), variables);
        }
        UpdateMetrics(compiled, loss, y, yPred, sampleWeight, x.shape[0]);
    }

    /// <summary>The loss for a batch: the compiled loss plus every weight regularization penalty.</summary>
    /// <param name="x">The input batch.</param>
    /// <param name="y">The target batch.</param>
    /// <param name="yPred">The model's output.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    /// <returns>A 0-d tensor.</returns>
    protected virtual Tensor ComputeLoss(Tensor x, Tensor? y, Tensor yPred, Tensor? sampleWeight)
    {
        var compiled = RequireLoss(nameof(ComputeLoss));
        if (y is null)
        {
            throw new ArgumentException($"Model \"{Name}\" needs targets `y` to compute the loss.");
        }
        var loss = compiled.Loss!.Call(y, yPred, sampleWeight);
        foreach (var variable in TrainableWeights)
        {
            if (variable.Regularizer is { } penalty)
            {
                loss = loss + penalty(variable.Value);
            }
        }
        return loss;
    }

    private static void UpdateMetrics(CompiledState compiled, Tensor loss, Tensor? y, Tensor yPred, Tensor? sampleWeight,
        long batchSize)
    {
        using var noGrad = torch.no_grad();
        compiled.LossTracker.UpdateState(loss, batchSize);
        if (y is null)
        {
            return;
        }
        var detached = yPred.detach();
        foreach (var metric in compiled.CompiledMetrics)
        {
            metric.UpdateState(y, detached, sampleWeight);
        }
    }

    private static Logs MetricLogs(CompiledState compiled, bool lazy)
    {
        var logs = new Logs();
        foreach (var metric in compiled.AllMetrics)
        {
            if (lazy)
            {
                logs.SetLazy(metric.Name, metric.Result);
            }
            else
            {
                logs[metric.Name] = metric.Result();
            }
        }
        return logs;
    }

    private void EnsureBuilt(Tensor sampleX)
    {
        if (!Built)
        {
            Build(new Shape(sampleX.shape).With(0, null));
        }
    }

    private static int ValidateBatchSize(int? batchSize)
    {
        int bs = batchSize ?? 32;
        if (bs <= 0)
        {
            throw new ArgumentException($"`batch_size` must be a positive integer. Received: batch_size={bs}",
                nameof(batchSize));
        }
        return bs;
    }

    private static void ValidateFitArguments(int epochs, int verbose, int initialEpoch, int? stepsPerEpoch,
        int validationFreq)
    {
        if (epochs < 0)
        {
            throw new ArgumentException($"`epochs` must be non-negative. Received: epochs={epochs}", nameof(epochs));
        }
        if (verbose is < 0 or > 2)
        {
            throw new ArgumentException($"`verbose` must be 0, 1 or 2. Received: verbose={verbose}", nameof(verbose));
        }
        if (initialEpoch < 0)
        {
            throw new ArgumentException($"`initial_epoch` must be non-negative. Received: initial_epoch={initialEpoch}",
                nameof(initialEpoch));
        }
        if (stepsPerEpoch is <= 0)
        {
            throw new ArgumentException(
                $"`steps_per_epoch` must be a positive integer. Received: steps_per_epoch={stepsPerEpoch}",
                nameof(stepsPerEpoch));
        }
        if (validationFreq <= 0)
        {
            throw new ArgumentException(
                $"`validation_freq` must be a positive integer. Received: validation_freq={validationFreq}",
                nameof(validationFreq));
        }
    }
}

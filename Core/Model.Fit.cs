using Keras.Backend;
using Keras.Callbacks;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Trains the model for a number of epochs (<c>model.fit</c>).</summary>
    /// <param name="x">Inputs: an array (<c>float[,]</c>, <c>byte[,,]</c>, jagged, ...) or a tensor; for several inputs a
    /// list <c>[x1, x2]</c> or a dictionary by input name.</param>
    /// <param name="y">Targets, same number of samples; for several outputs a list or a dictionary by output name.</param>
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

        using var all = ToTensorData(x, y, sampleWeight);
        EnsureBuilt(all.Xs);
        using var weighted = classWeight is null ? null : ClassWeights.Apply(all, classWeight);
        var data = weighted ?? all;
        TensorData train = data;
        TensorData? validation = null;
        if (validationData is { } vd)
        {
            validation = ToTensorData(vd.X, vd.Y, null);
        }
        else if (validationSplit > 0)
        {
            (train, validation) = data.Split(validationSplit);
        }

        using var batches = new ArrayEpochSource(train, bs, shuffle, stepsPerEpoch);
        int validationBs = validationBatchSize ?? bs;
        try
        {
            return RunEpochs(compiled, batches,
                validation is null ? null : callbackList => EvaluateData(compiled, validation, validationBs,
                    callbackList, steps: null),
                epochs, verbose, callbacks, initialEpoch, validationFreq);
        }
        finally
        {
            if (!ReferenceEquals(train, data))
            {
                train.Dispose();
            }
            validation?.Dispose();
        }
    }

    // The epoch loop shared by array and Sequence inputs; `validate` evaluates the validation data, if any.
    private History RunEpochs(CompiledState compiled, IEpochSource train, Func<CallbackList, Logs>? validate,
        int epochs, int verbose, IEnumerable<Callback>? callbacks, int initialEpoch, int validationFreq)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["verbose"] = verbose, ["epochs"] = epochs, ["steps"] = train.Steps,
        };
        var callbackList = new CallbackList(callbacks, this, addHistory: true, verbose, parameters);
        StopTraining = false;
        var emptyLogs = new Logs();
        using var session = BeginFitSession(new FitSession(train, compiled, callbackList.History!,
            () => BuildLazyMetrics(compiled, train)));
        callbackList.TrainBegin(emptyLogs);
        var (firstEpoch, firstStep) = ResumePoint(initialEpoch);
        Logs epochLogs = new();
        for (int epoch = firstEpoch; epoch < epochs; epoch++)
        {
            int startStep = epoch == firstEpoch ? firstStep : 0;
            if (startStep == 0)
            {
                compiled.ResetMetrics();
            }
            callbackList.EpochBegin(epoch, new Logs());
            int steps = train.BeginEpoch();
            for (int step = startStep; step < steps; step++)
            {
                callbackList.TrainBatchBegin(step, emptyLogs);
                using (KerasBackend.Current.MemoryScope())
                {
                    TrainStep(train.Next());
                }
                callbackList.TrainBatchEnd(step, MetricLogs(compiled, lazy: true));
                if (StopTraining)
                {
                    break;
                }
            }
            train.EndEpoch();
            epochLogs = MetricLogs(compiled, lazy: false);
            if (validate is not null && (epoch + 1) % validationFreq == 0)
            {
                foreach (var (key, value) in validate(callbackList))
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
        callbackList.TrainEnd(epochLogs);
        return callbackList.History!;
    }

    /// <summary>One training step: forward, loss, gradients, optimizer update, metrics (Keras' <c>train_step</c>).</summary>
    /// <param name="data">The batch: inputs, targets, sample weights.</param>
    /// <remarks>Runs inside the engine's per-step dispose scope. Override it for custom training logic; use
    /// <see cref="ComputeLoss"/>, <see cref="ApplyGradients"/> and <see cref="UpdateMetrics"/> as building blocks, so
    /// the progress bar and History report the metrics.</remarks>
    protected virtual void TrainStep(DataBatch data)
    {
        var yPred = CallModel(data.Inputs, training: true);
        var loss = ComputeLoss(data, yPred);
        ApplyGradients(loss);
        UpdateMetrics(data, yPred, loss);
    }

    /// <summary>Back-propagates <paramref name="loss"/> and lets the optimizer update the trainable weights.</summary>
    /// <param name="loss">A 0-d loss tensor.</param>
    protected void ApplyGradients(Tensor loss)
    {
        var compiled = RequireCompiled(nameof(ApplyGradients));
        var variables = compiled.TrainableVariablesNow();
        if (variables.Count == 0)
        {
            return;
        }
        var grads = torch.autograd.grad([loss], variables.Select(v => v.Value).ToList(), allow_unused: true);
        compiled.Optimizer.Apply(grads.Select(g => g is null || g.IsInvalid ? null : g).ToList(), variables);
    }

    /// <summary>The loss for a batch: each output's compiled loss times its weight, plus weight regularization
    /// penalties. Also updates the per-output loss trackers.</summary>
    /// <param name="data">The batch.</param>
    /// <param name="predictions">The model's outputs, one per output.</param>
    /// <returns>A 0-d tensor.</returns>
    protected virtual Tensor ComputeLoss(DataBatch data, IReadOnlyList<Tensor> predictions)
    {
        var compiled = RequireLoss(nameof(ComputeLoss));
        if (data.Targets is null)
        {
            throw new ArgumentException($"Model \"{Name}\" needs targets `y` to compute the loss.");
        }
        if (data.Targets.Count != compiled.Outputs.Count || predictions.Count != compiled.Outputs.Count)
        {
            throw new ArgumentException(
                $"Model \"{Name}\" has {compiled.Outputs.Count} outputs but received {data.Targets.Count} targets " +
                $"and produced {predictions.Count} predictions.");
        }
        Tensor? total = null;
        for (int i = 0; i < compiled.Outputs.Count; i++)
        {
            var output = compiled.Outputs[i];
            if (output.Loss is null)
            {
                continue;
            }
            var value = output.Loss.Call(data.Targets[i], predictions[i], data.SampleWeight);
            if (output.LossTracker is not null)
            {
                using (Ops.NoGrad())
                {
                    output.LossTracker.UpdateState(value, data.Size);
                }
            }
            var weighted = output.Weight == 1.0 ? value : value * output.Weight;
            total = total is null ? weighted : total + weighted;
        }
        // Layer.Losses without walking the layer tree each step: this call's added losses, then the penalties of the
        // (cached) trainable weights.
        foreach (var penalty in CurrentCallLosses())
        {
            total = total is null ? penalty : total + penalty;
        }
        foreach (var variable in compiled.TrainableVariablesNow())
        {
            if (variable.Regularizer is { } regularizer)
            {
                var penalty = regularizer.Call(variable.Value);
                total = total is null ? penalty : total + penalty;
            }
        }
        return total ?? throw new InvalidOperationException(
            $"Model \"{Name}\" has no loss to minimize: every output's loss is null and no layer added one.");
    }

    /// <summary>Updates the loss tracker and every compiled metric with a batch's targets and predictions.</summary>
    /// <param name="data">The batch.</param>
    /// <param name="predictions">The model's outputs.</param>
    /// <param name="loss">The batch's total loss.</param>
    protected void UpdateMetrics(DataBatch data, IReadOnlyList<Tensor> predictions, Tensor loss)
    {
        var compiled = RequireCompiled(nameof(UpdateMetrics));
        using var noGrad = Ops.NoGrad();
        compiled.LossTracker.UpdateState(loss, data.Size);
        if (data.Targets is null)
        {
            return;
        }
        for (int i = 0; i < compiled.Outputs.Count; i++)
        {
            if (compiled.Outputs[i].Metrics.Count == 0)
            {
                continue;
            }
            var detached = predictions[i].detach();
            if (KerasMask.Get(predictions[i]) is { } mask)
            {
                KerasMask.Set(detached, mask);
            }
            foreach (var metric in compiled.Outputs[i].Metrics)
            {
                metric.UpdateState(data.Targets[i], detached, data.SampleWeight);
            }
        }
    }

    /// <summary>Runs the model on a batch's inputs and returns one tensor per output.</summary>
    /// <param name="inputs">One tensor per input.</param>
    /// <param name="training">Training mode.</param>
    /// <returns>The outputs.</returns>
    protected IReadOnlyList<Tensor> CallModel(IReadOnlyList<Tensor> inputs, bool training) =>
        inputs.Count == 1 && OutputNames.Count == 1 ? [Call(inputs[0], training)] : Call(inputs, training);

    private TensorData ToTensorData(ArrayLike x, ArrayLike? y, ArrayLike? sampleWeight)
    {
        var xs = DataStructure.Flatten(x, InputNames, "x", Name);
        var ys = y is { IsEmpty: false } yv ? DataStructure.Flatten(yv, OutputNames, "y", Name) : null;
        return TensorData.From(xs, ys, sampleWeight, InputDTypes);
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

    private void EnsureBuilt(IReadOnlyList<Tensor> xs)
    {
        if (!Built)
        {
            BuildAll(xs.Select(x => new Shape(x.shape).With(0, null)).ToList());
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
        ValidateVerbose(verbose);
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

    private static void ValidateVerbose(int verbose)
    {
        if (verbose is < 0 or > 2)
        {
            throw new ArgumentException($"`verbose` must be 0, 1 or 2. Received: verbose={verbose}", nameof(verbose));
        }
    }
}

using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Keras.Saving;

namespace Keras.Callbacks;

/// <summary>Writes TensorBoard event files during training (<c>keras.callbacks.TensorBoard</c>): epoch metrics,
/// the learning rate, optional batch metrics and steps per second, weight histograms and the model's config for the
/// graph dashboard. View them with <c>tensorboard --logdir logs</c>.</summary>
/// <remarks>
/// <para>Files, as Keras 3 (through <c>tf.summary</c>) writes them: <c>logDir/train/events.out.tfevents.*.v2</c> holds
/// <c>epoch_loss</c>, <c>epoch_&lt;metric&gt;</c>, <c>epoch_learning_rate</c> (and <c>epoch_steps_per_second</c>) at
/// step = epoch, <c>batch_&lt;metric&gt;</c> at step = the global batch number, <c>&lt;weight path&gt;/histogram</c>
/// and the <c>keras</c> model config; <c>logDir/validation/...</c> holds the <c>val_</c> metrics without the prefix
/// (<c>epoch_loss</c>) and, after each evaluation, <c>evaluation_&lt;metric&gt;_vs_iterations</c> at step = the
/// optimizer's iterations. Values are tensor summaries with the <c>scalars</c>, <c>histograms</c> and
/// <c>graph_keras_model</c> plugin metadata that TF2 writes.</para>
/// <para>Event files are created when first needed, flushed at the end of each epoch and closed when training (or an
/// <c>Evaluate</c> or <c>Predict</c> given this callback) ends; a later run starts new files. With an integer
/// <see cref="UpdateFreq"/> the <c>batch_</c> summaries are written every that many batches, as Keras documents it.
/// Not offered: Keras' <c>write_images</c>, <c>profile_batch</c> and <c>embeddings_freq</c> (TensorFlow's profiler
/// and projector).</para>
/// </remarks>
/// <example><code>
/// var tensorBoard = new TensorBoard(logDir: "logs/run1", histogramFreq: 1, updateFreq: 100);
/// model.Fit(x, y, epochs: 10, validationSplit: 0.1, callbacks: [tensorBoard]);
/// // then: tensorboard --logdir logs
/// </code></example>
public sealed class TensorBoard : Callback, IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private SummaryFileWriter? _trainWriter;
    private SummaryFileWriter? _validationWriter;
    private long _globalTrainBatch;
    private long _batchStart;
    private long _epochStart;
    private long _previousEpochIterations;
    private bool _inFit;

    /// <summary>Creates the callback.</summary>
    /// <param name="logDir">The directory of the event files (<c>train/</c> and <c>validation/</c> inside it).
    /// Defaults to <c>"logs"</c>.</param>
    /// <param name="histogramFreq">Write weight histograms every this many epochs (epoch % freq == 0); 0 never.
    /// Defaults to 0.</param>
    /// <param name="writeGraph">Write the model's config for TensorBoard's graph dashboard (Sequential and
    /// Functional models). Defaults to true.</param>
    /// <param name="writeStepsPerSecond">Also write training steps per second (<c>epoch_steps_per_second</c>, and
    /// <c>batch_steps_per_second</c> with batch summaries). Defaults to false.</param>
    /// <param name="updateFreq"><c>"epoch"</c>, <c>"batch"</c> or a number of batches between <c>batch_</c>
    /// summaries. Defaults to <c>"epoch"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="logDir"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="histogramFreq"/> is negative.</exception>
    public TensorBoard(string logDir = "logs", int histogramFreq = 0, bool writeGraph = true,
        bool writeStepsPerSecond = false, TensorBoardUpdateFrequency updateFreq = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logDir);
        if (histogramFreq < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(histogramFreq), histogramFreq,
                $"`histogram_freq` must be a non-negative number of epochs. Received: histogram_freq={histogramFreq}");
        }
        LogDir = logDir;
        HistogramFreq = histogramFreq;
        WriteGraph = writeGraph;
        WriteStepsPerSecond = writeStepsPerSecond;
        UpdateFreq = updateFreq;
    }

    /// <summary>The directory of the event files.</summary>
    public string LogDir { get; }

    /// <summary>Epochs between weight histograms; 0 for none.</summary>
    public int HistogramFreq { get; }

    /// <summary>Whether the model's config is written for the graph dashboard.</summary>
    public bool WriteGraph { get; }

    /// <summary>Whether steps per second are written.</summary>
    public bool WriteStepsPerSecond { get; }

    /// <summary>When training metrics are written.</summary>
    public TensorBoardUpdateFrequency UpdateFreq { get; }

    /// <summary>The training event files' directory, <c>LogDir/train</c>.</summary>
    public string TrainDir => Path.Combine(LogDir, "train");

    /// <summary>The validation event files' directory, <c>LogDir/validation</c>.</summary>
    public string ValidationDir => Path.Combine(LogDir, "validation");

    private SummaryFileWriter TrainWriter => _trainWriter ??= new SummaryFileWriter(TrainDir);

    private SummaryFileWriter ValidationWriter => _validationWriter ??= new SummaryFileWriter(ValidationDir);

    /// <inheritdoc />
    /// <remarks>As Keras, starts new event files and writes the model's config (step 0) when
    /// <see cref="WriteGraph"/> is set.</remarks>
    public override void SetModel(Model model)
    {
        base.SetModel(model);
        CloseWriters();
        if (WriteGraph)
        {
            WriteKerasModelSummary(model);
        }
    }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _inFit = true;
        _globalTrainBatch = 0;
        _previousEpochIterations = 0;
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        _inFit = false;
        CloseWriters();
    }

    /// <inheritdoc />
    /// <remarks>Closes the event file that <see cref="SetModel"/> opened for the model's config.</remarks>
    public override void OnPredictEnd(Logs logs) => CloseWriters();

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs)
    {
        if (WriteStepsPerSecond)
        {
            _previousEpochIterations = Model?.Optimizer?.Iterations ?? 0;
            _epochStart = Stopwatch.GetTimestamp();
        }
    }

    /// <inheritdoc />
    public override void OnTrainBatchBegin(int batch, Logs logs)
    {
        _globalTrainBatch++;
        if (WriteStepsPerSecond)
        {
            _batchStart = Stopwatch.GetTimestamp();
        }
    }

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        if (UpdateFreq.IsEpoch || _globalTrainBatch % UpdateFreq.Batches != 0)
        {
            return;
        }
        if (WriteStepsPerSecond)
        {
            double seconds = Stopwatch.GetElapsedTime(_batchStart).TotalSeconds;
            TrainWriter.Write(_globalTrainBatch,
                SummaryProtos.Scalar("batch_steps_per_second", (float)(1.0 / seconds)));
        }
        foreach (var (name, value) in logs)
        {
            TrainWriter.Write(_globalTrainBatch, SummaryProtos.Scalar("batch_" + name, (float)value));
        }
    }

    /// <inheritdoc />
    /// <remarks>Writes <c>evaluation_&lt;metric&gt;_vs_iterations</c> at the optimizer's iteration count, after
    /// the validation of each epoch and after <c>Evaluate</c> (which then closes the event files).</remarks>
    public override void OnTestEnd(Logs logs)
    {
        if (Model?.Optimizer is { } optimizer)
        {
            foreach (var (name, value) in logs)
            {
                ValidationWriter.Write(optimizer.Iterations,
                    SummaryProtos.Scalar($"evaluation_{name}_vs_iterations", (float)value));
            }
            ValidationWriter.Flush();
        }
        if (!_inFit)
        {
            CloseWriters();
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        LogEpochMetrics(epoch, logs);
        if (HistogramFreq > 0 && epoch % HistogramFreq == 0)
        {
            LogWeights(epoch);
        }
        _trainWriter?.Flush();
        _validationWriter?.Flush();
    }

    /// <summary>Closes the open event files.</summary>
    public void Dispose() => CloseWriters();

    private void LogEpochMetrics(int epoch, Logs logs)
    {
        if (logs.IsEmpty)
        {
            return;
        }
        var train = logs.Where(kv => !kv.Key.StartsWith("val_", StringComparison.Ordinal)).ToList();
        var validation = logs.Where(kv => kv.Key.StartsWith("val_", StringComparison.Ordinal)).ToList();
        if (Model?.Optimizer is { } optimizer)
        {
            train.RemoveAll(kv => kv.Key == "learning_rate");
            train.Add(new("learning_rate", optimizer.LearningRate));
            if (WriteStepsPerSecond)
            {
                double seconds = Stopwatch.GetElapsedTime(_epochStart).TotalSeconds;
                train.Add(new("steps_per_second", (optimizer.Iterations - _previousEpochIterations) / seconds));
            }
        }
        foreach (var (name, value) in train)
        {
            TrainWriter.Write(epoch, SummaryProtos.Scalar("epoch_" + name, (float)value));
        }
        foreach (var (name, value) in validation)
        {
            ValidationWriter.Write(epoch, SummaryProtos.Scalar("epoch_" + name["val_".Length..], (float)value));
        }
    }

    private void LogWeights(int epoch)
    {
        foreach (var layer in Model!.Layers)
        {
            foreach (var weight in layer.Weights)
            {
                // Keras tags a histogram "<weight.path>/histogram" (the suffix avoids clashing with other tags).
                string tag = weight.Path.Replace(':', '_') + "/histogram";
                TrainWriter.Write(epoch, SummaryProtos.Histogram(tag, HistogramBuckets.Compute(Values(weight))));
            }
        }
    }

    private static double[] Values(Variable weight)
    {
        using var scope = torch.NewDisposeScope();
        return weight.Value.detach().cpu().to_type(torch.ScalarType.Float64).flatten().data<double>().ToArray();
    }

    private void WriteKerasModelSummary(Model model)
    {
        // Keras writes the config of Sequential and Functional models only (it checks the class name).
        if (model.GetType().Name is not ("Sequential" or "Functional"))
        {
            return;
        }
        string json;
        try
        {
            json = KerasSerialization.SerializeLayer(model).ToJsonString(JsonOptions);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException
            or KeyNotFoundException)
        {
            // As Keras: a model that cannot be serialized must not break training.
            Console.Error.WriteLine($"WARNING: Model failed to serialize as JSON. Ignoring... {e.Message}");
            return;
        }
        TrainWriter.Write(0, SummaryProtos.KerasModel("keras", json));
        TrainWriter.Flush();
    }

    private void CloseWriters()
    {
        _trainWriter?.Dispose();
        _trainWriter = null;
        _validationWriter?.Dispose();
        _validationWriter = null;
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;
using Keras.Saving;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Event files are checked by an independent reader (Tests/Golden/TensorBoard/read_events.py: crcmod's CRC-32C and
// protobuf message types declared from TensorFlow's protos) against History; tags and steps follow Keras 3's
// callbacks/tensorboard.py.
public sealed partial class TensorBoardTests : IDisposable
{
    private const int Epochs = 3;
    private const int StepsPerEpoch = 4;
    private readonly string _directory = Directory.CreateTempSubdirectory("tensorboard-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Ctor_KerasDefaults()
    {
        var callback = new TensorBoard();
        Assert.Equal("logs", callback.LogDir);
        Assert.Equal(0, callback.HistogramFreq);
        Assert.True(callback.WriteGraph);
        Assert.False(callback.WriteStepsPerSecond);
        Assert.True(callback.UpdateFreq.IsEpoch);
        Assert.Equal("epoch", callback.UpdateFreq.ToString());
        Assert.Equal(Path.Combine("logs", "train"), callback.TrainDir);
        Assert.Equal(Path.Combine("logs", "validation"), callback.ValidationDir);
    }

    [Fact]
    public void Ctor_UpdateFreq_AcceptsEpochBatchAndPositiveIntegers()
    {
        Assert.Equal(1, new TensorBoard(updateFreq: "batch").UpdateFreq.Batches);
        Assert.Equal(100, new TensorBoard(updateFreq: 100).UpdateFreq.Batches);
        Assert.True(new TensorBoard(updateFreq: "epoch").UpdateFreq.IsEpoch);
        var badString = Assert.Throws<ArgumentException>(() => new TensorBoard(updateFreq: "step"));
        Assert.Contains("update_freq=step", badString.Message);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new TensorBoard(updateFreq: 0));
        Assert.Contains("update_freq=0", zero.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new TensorBoard(histogramFreq: -1));
        Assert.Contains("histogram_freq=-1", negative.Message);
    }

    [Fact]
    public void Fit_WritesOneEventFilePerWriter_NamedAsTensorFlow()
    {
        using var model = Classifier();
        var (x, y) = RandomData(16);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, validationData: (x, y),
            callbacks: [new TensorBoard(_directory)]);
        var name = new Regex(
            $@"^events\.out\.tfevents\.\d{{10}}\..+\.{Environment.ProcessId}\.\d+\.v2$");
        foreach (var sub in new[] { "train", "validation" })
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(_directory, sub)));
            Assert.Matches(name, Path.GetFileName(file));
            var bytes = File.ReadAllBytes(file);
            // The first record is the file_version event: Event { wall_time (field 1), file_version (field 3) }.
            long length = BitConverter.ToInt64(bytes, 0);
            Assert.Equal(1 + 8 + 2 + "brain.Event:2".Length, length);
            Assert.Equal("brain.Event:2", System.Text.Encoding.ASCII.GetString(bytes, 12 + 1 + 8 + 2, 13));
        }
        Assert.Equal(new[] { "train", "validation" },
            Directory.GetDirectories(_directory).Select(d => Path.GetFileName(d)).Order().ToArray());
    }

    [Fact]
    public void Fit_Twice_StartsNewEventFiles()
    {
        using var model = Classifier();
        var (x, y) = RandomData(8);
        var callback = new TensorBoard(_directory);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, callbacks: [callback]);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, callbacks: [callback]);
        Assert.Equal(2, Directory.GetFiles(callback.TrainDir).Length);
        Assert.False(Directory.Exists(callback.ValidationDir));
    }

    [TensorBoardReaderFact]
    public void Fit_EpochMetrics_MatchHistoryAsFloat32()
    {
        var (history, _, events) = FitAndRead(new TensorBoard(_directory, histogramFreq: 1, updateFreq: 2));
        foreach (var key in history.Keys.Where(k => k != "learning_rate"))
        {
            bool validation = key.StartsWith("val_", StringComparison.Ordinal);
            string tag = "epoch_" + (validation ? key[4..] : key);
            var written = Scalars(events, validation ? "validation" : "train", tag);
            Assert.Equal(Enumerable.Range(0, Epochs).Select(e => (long)e), written.Select(s => s.Step));
            Assert.Equal(history[key].Select(v => (float)v), written.Select(s => s.Value));
        }
        var learningRate = Scalars(events, "train", "epoch_learning_rate");
        Assert.Equal(Enumerable.Repeat(0.01f, Epochs), learningRate.Select(s => s.Value));
        Assert.Contains(history.Keys, k => k == "val_sparse_categorical_accuracy");
    }

    [TensorBoardReaderFact]
    public void Fit_ScalarsAreTF2TensorSummaries()
    {
        var (_, _, events) = FitAndRead(new TensorBoard(_directory));
        var scalars = events.Where(e => e.Tag.StartsWith("epoch_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scalars);
        double now = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        foreach (var e in scalars)
        {
            Assert.Equal("scalars", e.Plugin);
            Assert.Equal(1, (int)e.Json["data_class"]!);
            Assert.Equal(1, (int)e.Json["dtype"]!);
            Assert.Empty(e.Json["shape"]!.AsArray());
            Assert.InRange((double)e.Json["wall_time"]!, now - 600, now + 1);
        }
    }

    [TensorBoardReaderFact]
    public void Fit_IntegerUpdateFreq_WritesBatchMetricsEveryNGlobalBatches()
    {
        var (_, _, events) = FitAndRead(new TensorBoard(_directory, updateFreq: 2, writeStepsPerSecond: true));
        long[] expected = Enumerable.Range(1, Epochs * StepsPerEpoch / 2).Select(i => 2L * i).ToArray();
        Assert.Equal(expected, Scalars(events, "train", "batch_loss").Select(s => s.Step));
        Assert.Equal(expected, Scalars(events, "train", "batch_sparse_categorical_accuracy").Select(s => s.Step));
        Assert.Equal(expected, Scalars(events, "train", "batch_steps_per_second").Select(s => s.Step));
        Assert.All(Scalars(events, "train", "epoch_steps_per_second"), s => Assert.True(s.Value > 0));
        Assert.Equal(Epochs, Scalars(events, "train", "epoch_steps_per_second").Count);
    }

    [TensorBoardReaderFact]
    public void Fit_EpochUpdateFreq_WritesNoBatchMetricsNoHistogramsAndNoGraphWhenOff()
    {
        var (_, _, events) = FitAndRead(new TensorBoard(_directory, writeGraph: false));
        Assert.DoesNotContain(events, e => e.Tag.StartsWith("batch_", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Plugin is "histograms" or "graph_keras_model");
        Assert.DoesNotContain(events, e => e.Tag == "epoch_steps_per_second");
    }

    [TensorBoardReaderFact]
    public void Fit_Validation_WritesEvaluationVsIterations()
    {
        var (history, _, events) = FitAndRead(new TensorBoard(_directory));
        var evaluation = Scalars(events, "validation", "evaluation_loss_vs_iterations");
        Assert.Equal(Enumerable.Range(1, Epochs).Select(e => (long)e * StepsPerEpoch), evaluation.Select(s => s.Step));
        Assert.Equal(history["val_loss"].Select(v => (float)v), evaluation.Select(s => s.Value));
        Assert.NotEmpty(Scalars(events, "validation", "evaluation_sparse_categorical_accuracy_vs_iterations"));
    }

    [TensorBoardReaderFact]
    public void Fit_HistogramFreq_WritesWeightHistogramsOfTheFinalWeights()
    {
        var (_, model, events) = FitAndRead(new TensorBoard(_directory, histogramFreq: 2));
        var weights = model.Layers.SelectMany(l => l.Weights).ToList();
        Assert.Equal(4, weights.Count);
        foreach (var weight in weights)
        {
            var written = events.Where(e => e.Tag == weight.Path + "/histogram").ToList();
            Assert.Equal([0L, 2L], written.Select(e => e.Step));
            var last = written[^1];
            Assert.Equal("histograms", last.Plugin);
            Assert.Equal(2, (int)last.Json["data_class"]!);
            Assert.Equal(2, (int)last.Json["dtype"]!);
            var rows = last.Json["value"]!.AsArray()
                .Select(r => r!.AsArray().Select(v => (double)v!).ToArray()).ToList();
            var values = weight.ToArray();
            Assert.Equal(30, rows.Count);
            Assert.Equal(values.Length, rows.Sum(r => r[2]));
            Assert.Equal(values.Min(), rows[0][0]);
            Assert.Equal(values.Max(), rows[^1][1]);
        }
        Assert.Equal(weights.Count * 2, events.Count(e => e.Plugin == "histograms"));
        Assert.Equal(["hidden/bias/histogram", "hidden/kernel/histogram", "output/bias/histogram",
            "output/kernel/histogram"],
            events.Where(e => e.Step == 0 && e.Plugin == "histograms").Select(e => e.Tag).Order());
    }

    [TensorBoardReaderFact]
    public void Fit_WriteGraph_WritesTheKerasModelConfig()
    {
        var (_, model, events) = FitAndRead(new TensorBoard(_directory));
        var graph = Assert.Single(events, e => e.Tag == "keras");
        Assert.Equal("train", graph.Dir);
        Assert.Equal(0L, graph.Step);
        Assert.Equal("graph_keras_model", graph.Plugin);
        Assert.Equal("1", (string)graph.Json["plugin_content"]!);
        Assert.Equal(7, (int)graph.Json["dtype"]!);
        var config = JsonNode.Parse((string)graph.Json["value"]!)!;
        Assert.True(JsonNode.DeepEquals(KerasSerialization.SerializeLayer(model), config));
    }

    [TensorBoardReaderFact]
    public void Evaluate_AfterFit_WritesEvaluationAtTheOptimizerIterations_InANewValidationFile()
    {
        using var model = Classifier();
        var (x, y) = RandomData(16);
        var callback = new TensorBoard(_directory);
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: 0, callbacks: [callback]);
        var results = model.Evaluate(x, y, batchSize: 8, verbose: 0, callbacks: [callback]);
        var events = ReadEvents(_directory);
        var evaluation = Assert.Single(Scalars(events, "validation", "evaluation_loss_vs_iterations"));
        Assert.Equal(2L * StepsPerEpoch, evaluation.Step);
        Assert.Equal((float)results["loss"], evaluation.Value);
        Assert.DoesNotContain(events,
            e => e.Dir == "validation" && e.Tag.StartsWith("epoch_", StringComparison.Ordinal));
    }

    [TensorBoardReaderFact]
    public void Reader_RejectsAFileWithACorruptedRecord()
    {
        using var model = Classifier();
        var (x, y) = RandomData(8);
        var callback = new TensorBoard(_directory);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, callbacks: [callback]);
        string file = Directory.GetFiles(callback.TrainDir).Single();
        var bytes = File.ReadAllBytes(file);
        bytes[^5] ^= 0x40;   // the last data byte of the last record
        File.WriteAllBytes(file, bytes);
        var info = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3",
            [Path.Combine(GoldenFolder(), "read_events.py"), _directory])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("data CRC", error);
    }

    private static Sequential Classifier()
    {
        var model = new Sequential(new Input([2]), new Dense(3, activation: "relu", name: "hidden"),
            new Dense(2, activation: "softmax", name: "output"));
        model.Compile(optimizer: new Adam(learningRate: 0.01), loss: new SparseCategoricalCrossentropy(),
            metrics: [new SparseCategoricalAccuracy()]);
        return model;
    }

    private (History History, Model Model, List<Summary> Events) FitAndRead(TensorBoard callback)
    {
        var model = Classifier();
        var (x, y) = RandomData(StepsPerEpoch * 4);
        var (xVal, yVal) = RandomData(6, seed: 3);
        var history = model.Fit(x, y, epochs: Epochs, batchSize: 4, verbose: 0, validationData: (xVal, yVal),
            callbacks: [callback]);
        return (history, model, ReadEvents(_directory));
    }

    private static List<(long Step, float Value)> Scalars(List<Summary> events, string dir, string tag) =>
        events.Where(e => e.Dir == dir && e.Tag == tag).Select(e => (e.Step, (float)(double)e.Json["value"]!)).ToList();

    /// <summary>Every summary value of every event file under <paramref name="logDir"/>, read by the Python
    /// reader (which fails on a bad CRC, a bad first record or an undecodable proto).</summary>
    private static List<Summary> ReadEvents(string logDir)
    {
        string script = Path.Combine(GoldenFolder(), "read_events.py");
        var root = JsonNode.Parse(Keras.Tests.Saving.Legacy.PythonTool.Python(script, logDir))!;
        var events = new List<Summary>();
        foreach (var file in root["files"]!.AsArray())
        {
            string dir = ((string)file!["path"]!).Split('/')[0];
            foreach (var value in file["values"]!.AsArray())
            {
                events.Add(new Summary(dir, (string)value!["tag"]!, (long)value["step"]!, (string)value["plugin"]!,
                    value.AsObject()));
            }
        }
        return events;
    }

    private static string GoldenFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Golden", "TensorBoard"));

    private sealed record Summary(string Dir, string Tag, long Step, string Plugin, JsonObject Json);
}

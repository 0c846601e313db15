using Keras.Callbacks;
using Keras.Metrics;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Expected files are traced from Keras 3's model_checkpoint.py and monitor_callback.py: the path is formatted with
// epoch + 1 (and batch + 1 when saving every N batches); save_best_only saves when the value beats `best`
// (initial_value_threshold, else ±inf) and warns-and-saves when the monitor key is missing.
public sealed class ModelCheckpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keras-ckpt-" + Guid.NewGuid().ToString("N"));

    /// <summary>Deletes the test's temporary directory.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Expected strings printed by /usr/bin/python3: template.format(epoch=value, v=value).
    [Theory]
    [InlineData("{epoch:02d}", 7, "07")]
    [InlineData("{epoch:03d}", 12, "012")]
    [InlineData("{epoch}", 3, "3")]
    [InlineData("{epoch:5d}", 42, "   42")]
    [InlineData("{v:.2f}", 0.123456, "0.12")]
    [InlineData("{v:.4f}", 1.0, "1.0000")]
    [InlineData("{v:.2e}", 0.000123456, "1.23e-04")]
    [InlineData("{v:e}", 12345.678, "1.234568e+04")]
    [InlineData("{v}", 0.5, "0.5")]
    [InlineData("{v}", 1e-05, "1e-05")]
    [InlineData("{v:08.3f}", -1.5, "-001.500")]
    [InlineData("{v:+.1f}", 2.25, "+2.2")]
    [InlineData("{v:.2f}", double.NaN, "nan")]
    [InlineData("{v:.3E}", 0.5, "5.000E-01")]
    [InlineData("{v:.0f}", 2.5, "2")]
    [InlineData("{v:.2f}", -0.001, "-0.00")]
    [InlineData("{{x}}-{epoch}", 1, "{x}-1")]
    public void Template_FormatsLikePython(string template, object value, string expected)
    {
        var fields = new Dictionary<string, object> { ["epoch"] = value, ["v"] = value };
        Assert.Equal(expected, PathTemplate.Format(template, fields));
    }

    [Fact]
    public void Template_RejectsWhatPythonRejects()
    {
        var fields = new Dictionary<string, object> { ["epoch"] = 1, ["loss"] = 0.5 };
        Assert.Equal("'val_loss'",
            Assert.Throws<KeyNotFoundException>(() => PathTemplate.Format("m-{val_loss}.keras", fields)).Message);
        Assert.Equal("Unknown format code 'd' for object of type 'float'",
            Assert.Throws<FormatException>(() => PathTemplate.Format("{loss:02d}", fields)).Message);
        Assert.Throws<FormatException>(() => PathTemplate.Format("m-{epoch.keras", fields));
        Assert.Throws<NotSupportedException>(() => PathTemplate.Format("{epoch:>4}", fields));
    }

    [Fact]
    public void Fit_PerEpochTemplate_WritesOneModelPerEpochInNewDirectories()
    {
        var (x, y) = RandomData(32);
        using var model = TinyClassifier(learningRate: 0.05);
        string template = Path.Combine(_directory, "sub", "model.{epoch:02d}-{val_loss:.2f}.keras");
        var history = model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0, validationData: (x, y),
            callbacks: [new ModelCheckpoint(template)]);

        var expected = history["val_loss"]
            .Select((v, i) => $"model.{i + 1:00}-{PathTemplate.FormatValue(v, ".2f")}.keras").Order();
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(_directory, "sub")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void SaveBestOnly_SavesOnlyStrictImprovements_AndPrintsKerasMessages()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        var output = new StringWriter();
        string template = Path.Combine(_directory, "best-{epoch}.weights.h5");
        var checkpoint = new ModelCheckpoint(template, saveBestOnly: true, saveWeightsOnly: true, verbose: 1,
            output: output);
        model.Fit(x, y, epochs: 4, batchSize: 8, verbose: 0, validationData: (x, y),
            callbacks: [new ScriptedValue("val_loss", 0.5, 0.5, 0.3, 0.4), checkpoint]);

        Assert.Equal(["best-1.weights.h5", "best-3.weights.h5"], Files());
        Assert.Equal(0.3, checkpoint.Best);
        string first = Path.Combine(_directory, "best-1.weights.h5");
        Assert.Equal(
            $"\nEpoch 1: val_loss improved from inf to 0.50000, saving model to {first}\n" +
            $"\nEpoch 1: finished saving model to {first}\n" +
            "\nEpoch 2: val_loss did not improve from 0.50000\n",
            string.Join("\n", output.ToString().ReplaceLineEndings("\n").Split('\n').Take(6)) + "\n");
    }

    [Fact]
    public void SaveWeightsOnly_FileLoadsIntoAFreshModelThatPredictsTheSame()
    {
        var (x, y) = RandomData(32);
        using var model = TinyClassifier(learningRate: 0.05);
        string path = Path.Combine(_directory, "last.weights.h5");
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, callbacks: [new ModelCheckpoint(path,
            monitor: "loss", saveWeightsOnly: true)]);

        using var fresh = TinyClassifier(learningRate: 0.05);
        fresh.LoadWeights(path);
        using var expected = model.Predict(x, verbose: 0);
        using var actual = fresh.Predict(x, verbose: 0);
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }

    [Fact]
    public void SaveFreq_Batches_CountsBatchesAcrossEpochs()
    {
        // 16 samples in batches of 4: 4 batches per epoch. Every 3 batches: epoch 1 batch 3, epoch 2 batch 2,
        // epoch 3 batch 1, epoch 3 batch 4.
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        string template = Path.Combine(_directory, "m-{epoch}-{batch}.weights.h5");
        model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0,
            callbacks: [new ModelCheckpoint(template, saveWeightsOnly: true, saveFreq: 3)]);

        Assert.Equal(["m-1-3.weights.h5", "m-2-2.weights.h5", "m-3-1.weights.h5", "m-3-4.weights.h5"], Files());
    }

    [Fact]
    public void InitialValueThreshold_SavesOnlyValuesThatBeatIt()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        string template = Path.Combine(_directory, "t-{epoch}.weights.h5");
        var checkpoint = new ModelCheckpoint(template, saveBestOnly: true, saveWeightsOnly: true,
            initialValueThreshold: 0.25);
        model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0,
            callbacks: [new ScriptedValue("val_loss", 0.5, 0.3, 0.2), checkpoint]);

        Assert.Equal(["t-3.weights.h5"], Files());
    }

    [Theory]
    [InlineData("max", new[] { "s-1.weights.h5", "s-2.weights.h5" })]
    [InlineData("min", new[] { "s-1.weights.h5" })]
    public void Mode_ChoosesTheDirection(string mode, string[] expected)
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        string template = Path.Combine(_directory, "s-{epoch}.weights.h5");
        model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0, callbacks:
        [
            new ScriptedValue("score", 0.1, 0.3, 0.2),
            new ModelCheckpoint(template, monitor: "score", saveBestOnly: true, saveWeightsOnly: true, mode: mode),
        ]);

        Assert.Equal(expected, Files());
    }

    [Fact]
    public void Mode_Auto_MaximizesAnAccuracyMetric()
    {
        using var model = TinyModel(metrics: new SparseCategoricalAccuracy());
        string template = Path.Combine(_directory, "acc-{epoch}.weights.h5");
        var checkpoint = new ModelCheckpoint(template, monitor: "val_sparse_categorical_accuracy",
            saveBestOnly: true, saveWeightsOnly: true);
        Drive(checkpoint, model, [0.5, 0.7, 0.6], key: "val_sparse_categorical_accuracy");

        Assert.Equal(["acc-1.weights.h5", "acc-2.weights.h5"], Files());
    }

    [Fact]
    public void ExistingDirectoryAsFilepath_FailsAsKeras()
    {
        string path = Path.Combine(_directory, "taken.keras");
        Directory.CreateDirectory(path);
        using var model = TinyModel();
        var error = Assert.Throws<IOException>(() => Drive(new ModelCheckpoint(path), model, [0.5]));
        Assert.Equal("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an existing " +
                     $"directory: {path}", error.Message);
    }

    [Fact]
    public void Mode_AutoWithAnUnknownMetric_FailsAsKeras()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        var checkpoint = new ModelCheckpoint(Path.Combine(_directory, "a.keras"), monitor: "score");
        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0,
            callbacks: [new ScriptedValue("score", 0.1), checkpoint]));
        Assert.StartsWith("ModelCheckpoint callback received monitor=score, but Keras isn't able", error.Message);
    }

    [Fact]
    public void MissingMonitor_WarnsAndSaves()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        var warnings = new StringWriter();
        string path = Path.Combine(_directory, "m.h5");
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0, callbacks:
            [new ModelCheckpoint(path, saveBestOnly: true, warnings: warnings)]);

        Assert.True(File.Exists(path));
        Assert.Contains("Can save best model only with val_loss available.", warnings.ToString());
    }

    [Fact]
    public void BadArguments_FailWithKerasMessages()
    {
        var weights = Assert.Throws<ArgumentException>(() => new ModelCheckpoint("w.h5", saveWeightsOnly: true));
        Assert.StartsWith("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end " +
                          "in `.weights.h5` (Keras weights format). Received: filepath=w.h5", weights.Message);
        var model = Assert.Throws<ArgumentException>(() => new ModelCheckpoint("m.txt"));
        Assert.StartsWith("The filepath provided must end in `.keras` (Keras model format). Received: filepath=m.txt",
            model.Message);
        var freq = Assert.Throws<ArgumentException>(() => new ModelCheckpoint("m.keras", saveFreq: "batch"));
        Assert.StartsWith("Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
            freq.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint("m.keras", saveFreq: 0));
        var unknownMode = new StringWriter();
        Assert.Equal("auto", new ModelCheckpoint("m.keras", mode: "best", warnings: unknownMode).Mode);
        Assert.Equal("ModelCheckpoint mode 'best' is unknown, fallback to auto mode.",
            unknownMode.ToString().Trim());
    }

    [Fact]
    public void MissingTemplateKey_FailsNamingTheFilepath()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        string template = Path.Combine(_directory, "m-{val_acc:.2f}.keras");
        var error = Assert.Throws<KeyNotFoundException>(() => model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0,
            callbacks: [new ModelCheckpoint(template, monitor: "loss")]));
        Assert.Equal($"Failed to format this callback filepath: \"{template}\". Reason: 'val_acc'", error.Message);
    }

    private string[] Files() =>
        Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Overwrites one logs key at each epoch end with a scripted value, before later callbacks read it.</summary>
    private sealed class ScriptedValue(string key, params double[] values) : Callback
    {
        public override void OnEpochEnd(int epoch, Logs logs) => logs[key] = values[epoch];
    }
}

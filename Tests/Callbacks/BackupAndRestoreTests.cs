using System.Text.Json.Nodes;
using Keras.Callbacks;
using Keras.Layers;

namespace Keras.Tests.Callbacks;

// The reference is always an uninterrupted Fit of the same seeded model; an interrupted run resumed through
// BackupAndRestore must end with bit-identical weights and History (Keras' own callback restores only the weights and
// the epoch, so its resumed runs differ; this port also backs up the RNG, shuffle order, metric accumulators, History).
[Collection(SerialCollection.Name)]
public sealed class BackupAndRestoreTests : IDisposable
{
    private const int Epochs = 4;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keras-backup-" + Guid.NewGuid().ToString("N"));

    private string BackupDir => Path.Combine(_directory, "backup");

    /// <summary>Deletes the test's temporary directory.</summary>
    public void Dispose()
    {
        Keras.Saving.AtomicFile.BeforeReplace = null;
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Ctor_Defaults()
    {
        var callback = new BackupAndRestore("dir");
        Assert.Equal("dir", callback.BackupDir);
        Assert.True(callback.SaveFreq.IsEpoch);
        Assert.True(callback.DeleteCheckpoint);
    }

    [Fact]
    public void Ctor_RejectsBadArguments_WithKerasMessages()
    {
        Assert.Equal("Empty `backup_dir` argument passed (Parameter 'backupDir')",
            Assert.Throws<ArgumentException>(() => new BackupAndRestore("")).Message);
        Assert.Contains("Received: save_freq=0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new BackupAndRestore("d", saveFreq: 0)).Message);
        Assert.StartsWith("Unrecognized save_freq: batch.",
            Assert.Throws<ArgumentException>(() => new BackupAndRestore("d", saveFreq: "batch")).Message);
    }

    [Fact]
    public void OnTrainBegin_UnbuiltModel_Throws()
    {
        var model = new Sequential(new Dense(2));
        var callback = new BackupAndRestore(BackupDir);
        callback.SetModel(model);
        var error = Assert.Throws<InvalidOperationException>(() => callback.OnTrainBegin(new Logs()));
        Assert.Contains("must be built before you call `fit()`", error.Message);
    }

    [Theory]
    [InlineData("epoch", 2, 3)]
    [InlineData("3", 2, 3)]
    [InlineData("5", 0, 9)] // the interrupted epoch's last batch was backed up: resume runs no batch of it
    [InlineData("1", 0, 0)]
    public void Resume_AfterAnExceptionMidEpoch_MatchesTheUninterruptedRun(string saveFreq, int failEpoch, int failStep)
    {
        var (expectedWeights, expectedHistory) = Train(null, null);

        var interrupted = Assert.Throws<InvalidOperationException>(() =>
            Train(Backup(saveFreq), FailAt(failEpoch, failStep)));
        Assert.Equal("Interrupted (test)", interrupted.Message);
        Assert.True(File.Exists(Path.Combine(BackupDir, "training_metadata.json")));

        var resumedEpochs = new List<int>();
        var (weights, history) = Train(Backup(saveFreq), new LambdaCallback(onEpochBegin: (e, _) => resumedEpochs.Add(e)));
        Assert.Equal(expectedWeights, weights);
        AssertSameHistory(expectedHistory, history);
        Assert.Equal(failEpoch, resumedEpochs[0]);
        Assert.False(Directory.Exists(BackupDir));
    }

    [Fact]
    public void SaveFreqBatches_BacksUpEveryNBatchesAcrossEpochs()
    {
        // 10 batches per epoch, a backup every 3: after batches 3, 6, 9 of epoch 0, then 2 and 5 of epoch 1 (1-based).
        Assert.Throws<InvalidOperationException>(() => Train(Backup("3"), FailAt(1, 4)));
        var metadata = ReadMetadata("training_metadata.json");
        Assert.Equal(1, (int)metadata["epoch"]!);
        Assert.Equal(4, (int)metadata["batch"]!);
        Assert.Equal(5, (int)metadata["keras_net"]!["step"]!);
        var previous = ReadMetadata("_training_metadata.json");
        Assert.Equal(1, (int)previous["epoch"]!);
        Assert.Equal(1, (int)previous["batch"]!);
        Assert.Equal([0], previous["keras_net"]!["history"]!["epoch"]!.AsArray().Select(e => (int)e!));
        // The loss tracker's and accuracy's accumulators (total, count each).
        Assert.Equal([2, 2], metadata["keras_net"]!["metric_states"]!.AsArray().Select(m => m!.AsArray().Count));
    }

    [Fact]
    public void DeleteCheckpointFalse_KeepsTheFinalBackup_WithTheWholeHistory()
    {
        var (_, history) = Train(new BackupAndRestore(BackupDir, deleteCheckpoint: false), null);
        var metadata = ReadMetadata("training_metadata.json");
        Assert.Equal(Epochs, (int)metadata["epoch"]!);
        Assert.Equal(0, (int)metadata["batch"]!);
        Assert.Equal(history["loss"], metadata["keras_net"]!["history"]!["history"]!["loss"]!.AsArray()
            .Select(v => (double)v!));
        Assert.Equal(["_latest.weights.h5", "_training_metadata.json", "latest.weights.h5", "training_metadata.json"],
            Directory.GetFiles(BackupDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A finished backup resumes at the end: no epoch runs and History is the first run's.
        var epochsRun = new List<int>();
        var (_, again) = Train(new BackupAndRestore(BackupDir, deleteCheckpoint: false),
            new LambdaCallback(onEpochBegin: (e, _) => epochsRun.Add(e)));
        Assert.Empty(epochsRun);
        AssertSameHistory(history, again);
    }

    [Fact]
    public void AFailedWrite_LeavesThePreviousBackupUsable()
    {
        var (expectedWeights, expectedHistory) = Train(null, null);
        int metadataWrites = 0;
        Keras.Saving.AtomicFile.BeforeReplace = temp =>
        {
            // The third epoch's metadata: its weights file is already in place.
            if (temp.Contains("training_metadata.json", StringComparison.Ordinal) && ++metadataWrites == 3)
            {
                throw new IOException("disk full (injected)");
            }
        };
        Assert.Throws<IOException>(() => Train(Backup("epoch"), null));
        Keras.Saving.AtomicFile.BeforeReplace = null;
        Assert.Equal(2, (int)ReadMetadata("_training_metadata.json")["epoch"]!);

        var resumedEpochs = new List<int>();
        var (weights, history) = Train(Backup("epoch"), new LambdaCallback(onEpochBegin: (e, _) => resumedEpochs.Add(e)));
        Assert.Equal(2, resumedEpochs[0]);
        Assert.Equal(expectedWeights, weights);
        AssertSameHistory(expectedHistory, history);
    }

    [Fact]
    public void ACorruptLatestWeightsFile_FallsBackToThePreviousBackup()
    {
        var (expectedWeights, expectedHistory) = Train(null, null);
        Assert.Throws<InvalidOperationException>(() => Train(Backup("epoch"), FailAt(3, 1)));
        string latest = Path.Combine(BackupDir, "latest.weights.h5");
        File.WriteAllBytes(latest, File.ReadAllBytes(latest)[..100]);

        var resumedEpochs = new List<int>();
        var (weights, history) = Train(Backup("epoch"), new LambdaCallback(onEpochBegin: (e, _) => resumedEpochs.Add(e)));
        Assert.Equal(2, resumedEpochs[0]);
        Assert.Equal(expectedWeights, weights);
        AssertSameHistory(expectedHistory, history);
    }

    [Fact]
    public void MetadataWithoutItsWeights_IsAnErrorNamingTheDirectory()
    {
        Assert.Throws<InvalidOperationException>(() => Train(Backup("epoch"), FailAt(2, 0)));
        File.Delete(Path.Combine(BackupDir, "latest.weights.h5"));
        File.Delete(Path.Combine(BackupDir, "_latest.weights.h5"));
        var error = Assert.Throws<InvalidDataException>(() => Train(Backup("epoch"), null));
        Assert.Contains($"no usable backup in \"{BackupDir}\"", error.Message);
        Assert.Contains("missing or was changed", error.Message);
    }

    [Fact]
    public void AKerasWrittenBackup_RestoresTheWeightsAndTheEpoch()
    {
        // Keras' files: latest.weights.h5 and {"epoch": 3, "batch": 0}; no RNG or History to restore, as in Keras.
        var source = Model(out _);
        source.Fit(Data().X, Data().Y, epochs: 1, verbose: 0);
        Directory.CreateDirectory(BackupDir);
        source.SaveWeights(Path.Combine(BackupDir, "latest.weights.h5"));
        File.WriteAllText(Path.Combine(BackupDir, "training_metadata.json"), "{\"epoch\": 3, \"batch\": 0}");

        var model = Model(out _);
        var epochsRun = new List<int>();
        var weightsAtStart = new List<float[]>();
        var history = model.Fit(Data().X, Data().Y, epochs: Epochs, verbose: 0, callbacks:
        [
            Backup("epoch"),
            new LambdaCallback(onEpochBegin: (e, _) =>
            {
                epochsRun.Add(e);
                weightsAtStart.AddRange(model.Weights.Select(w => w.ToArray()));
            }),
        ]);
        Assert.Equal([3], epochsRun);
        Assert.Equal(source.Weights.Select(w => w.ToArray()), weightsAtStart);
        Assert.Equal([3], history.Epoch);
    }

    [Fact]
    public void Resume_OnAShuffledAugmentedDataset_MatchesTheUninterruptedRun()
    {
        var (expectedWeights, expectedHistory) = TrainOnDataset(null, null);

        Assert.Throws<InvalidOperationException>(() => TrainOnDataset(Backup("epoch"), FailAt(2, 4)));

        var (weights, history) = TrainOnDataset(Backup("epoch"), null);
        Assert.Equal(expectedWeights, weights);
        AssertSameHistory(expectedHistory, history);
    }

    [Fact]
    public void SaveFreqBatches_OnADataset_IsRefusedWithAClearError()
    {
        var error = Assert.Throws<NotSupportedException>(() => TrainOnDataset(Backup("3"), null));
        Assert.Contains("saveFreq: \"epoch\"", error.Message, StringComparison.Ordinal);
    }

    private BackupAndRestore Backup(string saveFreq) =>
        new(BackupDir, saveFreq == "epoch" ? "epoch" : int.Parse(saveFreq, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Throws from <c>OnTrainBatchEnd</c> of the given batch (after BackupAndRestore's own hook).</summary>
    private static LambdaCallback FailAt(int epoch, int step)
    {
        int current = 0;
        return new LambdaCallback(
            onEpochBegin: (e, _) => current = e,
            onTrainBatchEnd: (s, _) =>
            {
                if (current == epoch && s == step)
                {
                    throw new InvalidOperationException("Interrupted (test)");
                }
            });
    }

    /// <summary>A seeded Dense-Dropout-Dense classifier (fresh weights each call, as a restarted process).</summary>
    private static Sequential Model(out int seed)
    {
        seed = 11;
        Utils.SetRandomSeed(seed);
        var model = new Sequential(new Input([2]), new Dense(8, activation: "relu"), new Dropout(0.4),
            new Dense(2, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        return model;
    }

    private static (float[,] X, byte[] Y) Data() => CallbackHarness.RandomData(200, seed: 5);

    /// <summary>Fits <see cref="Epochs"/> epochs (batch 16, shuffled, 20% validation: 10 batches per epoch).</summary>
    private static (List<float[]> Weights, History History) Train(BackupAndRestore? backup, Callback? extra)
    {
        var model = Model(out _);
        var (x, y) = Data();
        var callbacks = new List<Callback>();
        if (backup is not null)
        {
            callbacks.Add(backup);
        }
        if (extra is not null)
        {
            callbacks.Add(extra);
        }
        var history = model.Fit(x, y, batchSize: 16, epochs: Epochs, validationSplit: 0.2, shuffle: true, verbose: 0,
            callbacks: callbacks);
        return (model.Weights.Select(w => w.ToArray()).ToList(), history);
    }

    /// <summary>Fits <see cref="Epochs"/> epochs on a Dataset whose shuffle and seeded augmentation depend on the pass.</summary>
    private static (List<float[]> Weights, History History) TrainOnDataset(BackupAndRestore? backup, Callback? extra)
    {
        var model = Model(out _);
        var (x, y) = Data();
        var dataset = Keras.Data.Dataset.FromArrays(x, y)
            .Shuffle(200, seed: 3)
            .Batch(16)
            .Map((batch, random) => new DataBatch(batch.X * (float)(1 + 0.1 * random.NextDouble()), batch.Y), seed: 7)
            .Prefetch(2);
        var callbacks = new List<Callback>();
        if (backup is not null)
        {
            callbacks.Add(backup);
        }
        if (extra is not null)
        {
            callbacks.Add(extra);
        }
        var history = model.Fit(dataset, epochs: Epochs, verbose: 0, callbacks: callbacks);
        return (model.Weights.Select(w => w.ToArray()).ToList(), history);
    }

    private static void AssertSameHistory(History expected, History actual)
    {
        Assert.Equal(expected.Epoch, actual.Epoch);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, values) in expected)
        {
            Assert.Equal(values, actual[key]);
        }
    }

    private JsonNode ReadMetadata(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BackupDir, name)))!;
}

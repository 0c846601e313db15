using Keras.Backend;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Core.Engine;

[Collection(SerialCollection.Name)]
public class FitTests
{
    private static Sequential CompiledMlp(int features = 12, int classes = 3)
    {
        var model = new Sequential(new Input([features]), new Dense(16, activation: "relu"), new Dropout(0.1),
            new Dense(classes, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy",
            metrics: [new Keras.Metrics.SparseCategoricalAccuracy("accuracy")]);
        return model;
    }

    [Fact]
    public void History_HasKerasKeys_WithValidationSplit()
    {
        var (x, y) = TestModels.Classification(200, 12, 3);
        var model = CompiledMlp();
        var history = model.Fit(x, y, epochs: 3, batchSize: 32, validationSplit: 0.25, verbose: 0);
        Assert.Equal(["accuracy", "loss", "val_accuracy", "val_loss"], history.Keys.ToArray());
        Assert.All(history.Values, v => Assert.Equal(3, v.Count));
        Assert.Equal([0, 1, 2], history.Epoch.ToArray());
        Assert.Equal(150 / 32 + 1, history.Params["steps"]);
    }

    [Fact]
    public void Fit_LearnsSeparableData()
    {
        Utils.SetRandomSeed(3);
        var (x, y) = TestModels.Classification(300, 12, 3);
        var model = CompiledMlp();
        var history = model.Fit(x, y, epochs: 15, verbose: 0);
        Assert.True(history["loss"][^1] < history["loss"][0] * 0.5, $"loss {history["loss"][0]} → {history["loss"][^1]}");
        Assert.True(model.Evaluate(x, y, verbose: 0)["accuracy"] > 0.9);
    }

    [Fact]
    public void Fit_WithSameSeed_IsBitForBitRepeatable()
    {
        float[] Run()
        {
            Utils.SetRandomSeed(1234);
            var (x, y) = TestModels.Classification(128, 12, 3);
            var model = CompiledMlp();
            model.Fit(x, y, epochs: 2, batchSize: 16, validationSplit: 0.25, verbose: 0);
            return model.Weights.SelectMany(w => w.ToArray()).ToArray();
        }

        var first = Run();
        var second = Run();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_DifferentSeeds_Differ()
    {
        float[] Run(int seed)
        {
            Utils.SetRandomSeed(seed);
            var (x, y) = TestModels.Classification(64, 12, 3);
            var model = CompiledMlp();
            model.Fit(x, y, epochs: 1, verbose: 0);
            return model.Weights.SelectMany(w => w.ToArray()).ToArray();
        }

        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void LiveTensorCount_IsFlatAcrossEpochs()
    {
        var (x, y) = TestModels.Classification(256, 12, 3);
        var model = CompiledMlp();
        var counter = new TensorCountCallback();
        model.Fit(x, y, epochs: 10, batchSize: 32, validationSplit: 0.2, verbose: 0, callbacks: [counter]);
        Assert.Equal(counter.Counts[1], counter.Counts[9]);
    }

    [Fact]
    public void LiveTensorCount_IsFlatAcrossPredictAndEvaluateCalls()
    {
        var (x, y) = TestModels.Classification(100, 12, 3);
        var model = CompiledMlp();
        model.Fit(x, y, epochs: 1, verbose: 0);
        using (model.Predict(x, verbose: 0))
        {
        }
        model.Evaluate(x, y, verbose: 0);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = KerasBackend.Current.LiveTensorCount;
        for (int i = 0; i < 100; i++)
        {
            using var prediction = model.Predict(x, batchSize: 16, verbose: 0);
        }
        for (int i = 0; i < 10; i++)
        {
            model.Evaluate(x, y, verbose: 0);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(before, KerasBackend.Current.LiveTensorCount);
    }

    [Fact]
    public void Predict_FromEightThreads_MatchesSerial()
    {
        var (x, y) = TestModels.Classification(64, 12, 3);
        var model = CompiledMlp();
        model.Fit(x, y, epochs: 1, verbose: 0);
        using var serial = model.Predict(x, verbose: 0);
        var expected = serial.data<float>().ToArray();
        var results = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (int repeat = 0; repeat < 5; repeat++)
            {
                using var p = model.Predict(x, verbose: 0);
                results[i] = p.data<float>().ToArray();
            }
        });
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Predict_ReturnsCallerOwnedCpuTensorOfAllRows()
    {
        var (x, _) = TestModels.Classification(70, 12, 3);
        var model = CompiledMlp();
        using var p = model.Predict(x, batchSize: 32, verbose: 0);
        Assert.Equal([70L, 3L], p.shape);
        Assert.Equal(DeviceType.CPU, p.device_type);
        var rows = p.sum(1).data<float>().ToArray();
        Assert.All(rows, s => Assert.Equal(1f, s, 4));
    }

    [Fact]
    public void Fit_AcceptsTensorsJaggedArraysAndBytes()
    {
        var (x, y) = TestModels.Classification(40, 12, 3);
        var model = CompiledMlp();
        float[][] jagged = Enumerable.Range(0, 40).Select(i => Enumerable.Range(0, 12).Select(j => x[i, j]).ToArray()).ToArray();
        var h1 = model.Fit(jagged, y, verbose: 0);
        using var xt = torch.tensor(jagged.SelectMany(r => r).ToArray()).reshape(40, 12);
        using var yt = torch.tensor(y.Select(v => (long)v).ToArray());
        var h2 = model.Fit(xt, yt, verbose: 0);
        var bytes = new byte[40, 12];
        var h3 = model.Fit(bytes, y.Select(v => (int)v).ToArray(), verbose: 0);
        Assert.All(new[] { h1, h2, h3 }, h => Assert.True(double.IsFinite(h["loss"][0])));
        Assert.False(xt.IsInvalid);
    }

    [Fact]
    public void ValidationData_IsUsedAndPrefixed()
    {
        var (x, y) = TestModels.Classification(64, 12, 3);
        var (xv, yv) = TestModels.Classification(20, 12, 3, seed: 9);
        var model = CompiledMlp();
        var history = model.Fit(x, y, epochs: 2, verbose: 0, validationData: (xv, yv));
        double valLoss = history["val_loss"][^1];
        Assert.Equal(model.Evaluate(xv, yv, verbose: 0)["loss"], valLoss, 5);
    }

    [Fact]
    public void InitialEpoch_And_StepsPerEpoch_AreHonoured()
    {
        var (x, y) = TestModels.Classification(64, 12, 3);
        var model = CompiledMlp();
        var history = model.Fit(x, y, epochs: 5, initialEpoch: 3, stepsPerEpoch: 7, batchSize: 16, verbose: 0);
        Assert.Equal([3, 4], history.Epoch.ToArray());
        Assert.Equal(7, history.Params["steps"]);
        Assert.Equal(2 * 7, model.Optimizer!.Iterations);
    }

    [Fact]
    public void ClassWeight_ChangesTheLossLikeSampleWeights()
    {
        var (x, y) = TestModels.Classification(32, 12, 3);
        var model = CompiledMlp();
        model.Build([null, 12]);
        var classWeight = new Dictionary<int, double> { [0] = 2.0, [1] = 0.5, [2] = 1.0 };
        var sampleWeight = y.Select(c => (float)classWeight[c]).ToArray();
        var initial = model.GetWeights();
        Utils.SetRandomSeed(5);
        var a = model.Fit(x, y, epochs: 1, batchSize: 32, shuffle: false, classWeight: classWeight, verbose: 0);
        model.SetWeights(initial);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        Utils.SetRandomSeed(5);
        var b = model.Fit(x, y, epochs: 1, batchSize: 32, shuffle: false, sampleWeight: sampleWeight, verbose: 0);
        Assert.Equal(a["loss"][0], b["loss"][0], 6);
        foreach (var t in initial)
        {
            t.Dispose();
        }
    }

    [Fact]
    public void StopTraining_FromCallback_EndsAfterThatEpoch()
    {
        var (x, y) = TestModels.Classification(64, 12, 3);
        var model = CompiledMlp();
        var stopper = new StopAt(1);
        var history = model.Fit(x, y, epochs: 10, verbose: 0, callbacks: [stopper]);
        Assert.Equal([0, 1], history.Epoch.ToArray());
    }

    [Fact]
    public void CallbackHooks_RunInKerasOrder()
    {
        var (x, y) = TestModels.Classification(20, 12, 3);
        var model = CompiledMlp();
        var recorder = new HookRecorder();
        model.Fit(x, y, epochs: 2, batchSize: 10, validationSplit: 0.5, verbose: 0, callbacks: [recorder]);
        Assert.Equal(
            ["train_begin", "epoch_begin 0", "batch_begin 0", "batch_end 0", "test_begin", "test_batch_end 0", "test_end",
             "epoch_end 0", "epoch_begin 1", "batch_begin 0", "batch_end 0", "test_begin", "test_batch_end 0", "test_end",
             "epoch_end 1", "train_end"],
            recorder.Events);
    }

    private sealed class StopAt(int epoch) : Callback
    {
        public override void OnEpochEnd(int e, Logs logs)
        {
            if (e == epoch)
            {
                Model!.StopTraining = true;
            }
        }
    }

    private sealed class HookRecorder : Callback
    {
        internal List<string> Events { get; } = [];
        public override void OnTrainBegin(Logs logs) => Events.Add("train_begin");
        public override void OnTrainEnd(Logs logs) => Events.Add("train_end");
        public override void OnEpochBegin(int epoch, Logs logs) => Events.Add($"epoch_begin {epoch}");
        public override void OnEpochEnd(int epoch, Logs logs) => Events.Add($"epoch_end {epoch}");
        public override void OnTrainBatchBegin(int batch, Logs logs) => Events.Add($"batch_begin {batch}");
        public override void OnTrainBatchEnd(int batch, Logs logs) => Events.Add($"batch_end {batch}");
        public override void OnTestBegin(Logs logs) => Events.Add("test_begin");
        public override void OnTestBatchEnd(int batch, Logs logs) => Events.Add($"test_batch_end {batch}");
        public override void OnTestEnd(Logs logs) => Events.Add("test_end");
    }
}

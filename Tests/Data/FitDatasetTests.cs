using Keras.Backend;
using Keras.Callbacks;
using Keras.Data;
using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Data;

[Collection(SerialCollection.Name)]
public class FitDatasetTests
{
    private static Sequential Mlp(int seed)
    {
        Utils.SetRandomSeed(seed);
        var model = new Sequential(new Input([12]), new Dense(16, activation: "relu"),
            new Dense(3, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy",
            metrics: [new Keras.Metrics.SparseCategoricalAccuracy("accuracy")]);
        return model;
    }

    private static Sequential Linear()
    {
        Utils.SetRandomSeed(1);
        var model = new Sequential(new Input([1]), new Dense(1));
        model.Compile(optimizer: "sgd", loss: "mse");
        return model;
    }

    private static float[] WeightsOf(Model model) => model.Weights.SelectMany(w => w.ToArray()).ToArray();

    [Fact]
    public void Fit_OnUnshuffledDataset_EqualsFit_OnArrays()
    {
        var (x, y) = TestModels.Classification(100, 12, 3);
        var onArrays = Mlp(5);
        var arrayHistory = onArrays.Fit(x, y, batchSize: 16, epochs: 3, shuffle: false, verbose: 0);
        var onDataset = Mlp(5);
        var datasetHistory = onDataset.Fit(Dataset.FromArrays(x, y).Batch(16).Prefetch(4, workers: 2), epochs: 3,
            verbose: 0);
        Assert.Equal(WeightsOf(onArrays), WeightsOf(onDataset));
        Assert.Equal(arrayHistory["loss"], datasetHistory["loss"]);
        Assert.Equal(arrayHistory["accuracy"], datasetHistory["accuracy"]);
        Assert.Equal(7, datasetHistory.Params["steps"]);
    }

    [Fact]
    public void EvaluateAndPredict_OnDataset_EqualArrays()
    {
        var (x, y) = TestModels.Classification(50, 12, 3);
        var model = Mlp(2);
        var ds = Dataset.FromArrays(x, y).Batch(8).Prefetch(2, workers: 3);
        Assert.Equal(model.Evaluate(x, y, batchSize: 8, verbose: 0), model.Evaluate(ds, verbose: 0));
        using var fromArrays = model.Predict(x, batchSize: 8, verbose: 0);
        using var fromDataset = model.Predict(ds, verbose: 0);
        Assert.Equal(fromArrays.data<float>().ToArray(), fromDataset.data<float>().ToArray());
        using var firstTwo = model.Predict(ds, verbose: 0, steps: 2);
        Assert.Equal(16L, firstTwo.shape[0]);
    }

    [Fact]
    public void Fit_ShuffledAugmentedDataset_GivesTheSameWeights_ForAnyWorkerCount()
    {
        var (x, y) = TestModels.Classification(96, 12, 3);
        float[] Train(int workers)
        {
            var model = Mlp(8);
            var ds = Dataset.FromArrays(x, y).Shuffle(40, seed: 3).Batch(12)
                .Map((b, random) => new DataBatch(b.X * (float)(0.9 + 0.2 * random.NextDouble()), b.Y), seed: 4)
                .Prefetch(3, workers);
            model.Fit(ds, epochs: 3, verbose: 0);
            return WeightsOf(model);
        }

        var sync = Train(0);
        Assert.Equal(sync, Train(1));
        Assert.Equal(sync, Train(4));
    }

    [Fact]
    public void Fit_Sequence_ShufflesBatchOrder_AndCallsOnEpochEndPerPass()
    {
        var model = Linear();
        var sequence = new RecordingSequence(6);
        model.Fit(sequence, epochs: 2, verbose: 0);
        var calls = sequence.Calls.ToArray();
        Assert.Equal(12, calls.Length);
        Assert.Equal(2, sequence.EpochEnds);
        Assert.Equal(Enumerable.Range(0, 6), calls[..6].Order());
        Assert.Equal(Enumerable.Range(0, 6), calls[6..].Order());
        Assert.False(calls[..6].SequenceEqual(Enumerable.Range(0, 6)) && calls[6..].SequenceEqual(Enumerable.Range(0, 6)));
        var ordered = new RecordingSequence(6);
        model.Fit(ordered, epochs: 1, verbose: 0, shuffle: false);
        Assert.Equal(Enumerable.Range(0, 6), ordered.Calls);
    }

    [Fact]
    public void Fit_StepsPerEpoch_CarriesThePassOver_AndStopsAnEpochWhenItRunsOut()
    {
        var model = Linear();
        var sequence = new RecordingSequence(5);
        var counter = new StepCounter();
        var error = Console.Error;
        var warnings = new StringWriter();
        Console.SetError(warnings);
        try
        {
            model.Fit(sequence, epochs: 3, stepsPerEpoch: 3, shuffle: false, verbose: 0, callbacks: [counter]);
        }
        finally
        {
            Console.SetError(error);
        }
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2], sequence.Calls);
        Assert.Equal([3, 2, 3], counter.StepsPerEpoch);
        Assert.Equal(1, sequence.EpochEnds);
        Assert.Contains("Your input ran out of data", warnings.ToString());
    }

    [Fact]
    public void Fit_ValidationData_IsEvaluatedEachEpoch_WithValidationSteps()
    {
        var (x, y) = TestModels.Classification(64, 12, 3);
        var model = Mlp(3);
        var history = model.Fit(Dataset.FromArrays(x, y).Batch(16), epochs: 2, verbose: 0,
            validationData: Dataset.FromArrays(x, y).Batch(16), validationSteps: 4);
        Assert.Equal(["accuracy", "loss", "val_accuracy", "val_loss"], history.Keys.Order().ToArray());
        var scores = model.Evaluate(x, y, batchSize: 16, verbose: 0);
        Assert.Equal(scores["loss"], history["val_loss"][^1], 5);
    }

    [Fact]
    public void Fit_ClassWeight_WeighsTheBatchLosses_AsWithArrays()
    {
        var (x, y) = TestModels.Classification(48, 12, 3);
        var weights = new Dictionary<int, double> { [0] = 2.0, [2] = 0.5 };
        var onArrays = Mlp(6);
        onArrays.Fit(x, y, batchSize: 16, shuffle: false, classWeight: weights, verbose: 0);
        var onDataset = Mlp(6);
        onDataset.Fit(Dataset.FromArrays(x, y).Batch(16), classWeight: weights, verbose: 0);
        Assert.Equal(WeightsOf(onArrays), WeightsOf(onDataset));
    }

    [Fact]
    public void Fit_WithDatasetArguments_KerasRejects_ThrowsKerasMessages()
    {
        var (x, y) = TestModels.Classification(16, 12, 3);
        var model = Mlp(1);
        var ds = Dataset.FromArrays(x, y).Batch(4);
        Assert.Equal("When providing `x` as a Dataset, `y` should not be passed. Instead, the targets should be " +
            "included as part of the Dataset. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => model.Fit(ds, y: y, verbose: 0)).Message);
        Assert.StartsWith("When providing `x` as a Dataset, `sample_weights` should not be passed.",
            Assert.Throws<ArgumentException>(() => model.Fit(ds, sampleWeight: new float[16], verbose: 0)).Message);
        Assert.StartsWith("The `batch_size` argument must not be specified for the given input type.",
            Assert.Throws<ArgumentException>(() => model.Fit(ds, batchSize: 4, verbose: 0)).Message);
        Assert.StartsWith("`validation_split` is only supported for Tensors or NumPy arrays",
            Assert.Throws<ArgumentException>(() => model.Fit(ds, validationSplit: 0.2, verbose: 0)).Message);
        Assert.StartsWith("When providing `x` as a Dataset, `y` should not be passed.",
            Assert.Throws<ArgumentException>(() => model.Evaluate(ds, y: y, verbose: 0)).Message);
        var weighted = Dataset.FromArrays(x, y, new float[16]).Batch(4);
        Assert.StartsWith("You cannot specify `class_weight` and `sample_weight` at the same time.",
            Assert.Throws<ArgumentException>(() =>
                model.Fit(weighted, classWeight: new Dictionary<int, double> { [0] = 1 }, verbose: 0)).Message);
        Assert.Contains("has length 0", Assert.Throws<ArgumentException>(() => model.Fit(ds.Take(0), verbose: 0)).Message);
    }

    [Fact]
    public void Fit_WorkerException_SurfacesWithTheBatchIndex_AndFreesEveryBatch()
    {
        var model = Linear();
        var sequence = new RecordingSequence(20, workers: 3, maxQueueSize: 4) { FailAt = 6 };
        var e = Assert.Throws<InvalidOperationException>(() => model.Fit(sequence, shuffle: false, verbose: 0));
        Assert.Equal("RecordingSequence.GetBatch(6) failed: cannot read batch 6", e.Message);
        Assert.IsType<IOException>(e.InnerException);
        AssertStoppedAndFreed(sequence);
    }

    [Fact]
    public void Fit_StopTraining_StopsTheWorkers_AndFreesQueuedBatches()
    {
        var model = Linear();
        var sequence = new RecordingSequence(50, workers: 2, maxQueueSize: 5) { DelayMs = _ => 2 };
        var stopper = new LambdaCallback(onTrainBatchEnd: (step, _) =>
        {
            if (step == 3)
            {
                model.StopTraining = true;
            }
        });
        model.Fit(sequence, epochs: 4, shuffle: false, verbose: 0, callbacks: [stopper]);
        // Four steps ran; the workers were at most 5 batches ahead (plus the ones being built).
        Assert.InRange(sequence.Calls.Count, 4, 4 + 5 + 2);
        Assert.Equal(0, sequence.EpochEnds);
        AssertStoppedAndFreed(sequence);
    }

    [Fact]
    public void LiveTensorCount_IsFlatAcrossEpochs_WithPrefetchAndAugmentation()
    {
        var (x, y) = TestModels.Classification(128, 12, 3);
        var model = Mlp(4);
        var ds = Dataset.FromArrays(x, y).Shuffle(128, seed: 1).Batch(16)
            .Map((b, random) => new DataBatch(b.X + (float)random.NextDouble(), b.Y), seed: 2).Prefetch(4, workers: 2);
        var counter = new TensorCountCallback();
        model.Fit(ds, epochs: 5, verbose: 0, callbacks: [counter], validationData: ds.Take(2));
        Assert.Equal(counter.Counts[1], counter.Counts[^1]);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = KerasBackend.Current.LiveTensorCount;
        using (var predictions = model.Predict(ds, verbose: 0))
        {
            model.Evaluate(ds, verbose: 0);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(before, KerasBackend.Current.LiveTensorCount);
    }

    private static void AssertStoppedAndFreed(RecordingSequence sequence)
    {
        int calls = sequence.Calls.Count;
        Thread.Sleep(50);
        Assert.Equal(calls, sequence.Calls.Count);
        Assert.All(sequence.Created, t => Assert.True(t.IsInvalid, "a batch tensor was not disposed"));
    }

    private sealed class StepCounter : Callback
    {
        private int _steps;

        internal List<int> StepsPerEpoch { get; } = [];

        public override void OnEpochBegin(int epoch, Logs logs) => _steps = 0;

        public override void OnTrainBatchEnd(int batch, Logs logs) => _steps++;

        public override void OnEpochEnd(int epoch, Logs logs) => StepsPerEpoch.Add(_steps);
    }
}

using Keras.Callbacks;
using Keras.Metrics;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Expected epochs are traced by hand from Keras 3's early_stopping.py: each epoch end increments `wait`, an
// improvement (value - min_delta beats best; the first monitored epoch always improves) resets it, and a
// non-improving epoch > 0 with wait >= patience stops training.
public class EarlyStoppingTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var es = new EarlyStopping();
        Assert.Equal("val_loss", es.Monitor);
        Assert.Equal(0, es.MinDelta);
        Assert.Equal(0, es.Patience);
        Assert.Equal(0, es.Verbose);
        Assert.Equal("auto", es.Mode);
        Assert.Null(es.Baseline);
        Assert.False(es.RestoreBestWeights);
        Assert.Equal(0, es.StartFromEpoch);
        Assert.Equal(0, es.Wait);
        Assert.Equal(0, es.StoppedEpoch);
        Assert.Null(es.Best);
    }

    [Fact]
    public void Ctor_NegativeMinDelta_UsesAbsoluteValue() =>
        Assert.Equal(0.25, new EarlyStopping(minDelta: -0.25).MinDelta);

    [Fact]
    public void Ctor_UnknownMode_WarnsAndFallsBackToAuto()
    {
        var warnings = new StringWriter();
        var es = new EarlyStopping(mode: "maximum", warnings: warnings);
        Assert.Equal("auto", es.Mode);
        Assert.Equal("EarlyStopping mode maximum is unknown, fallback to auto mode." + Environment.NewLine,
            warnings.ToString());
    }

    [Fact]
    public void Ctor_NegativePatience_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(patience: -1));
        Assert.Equal("patience", e.ParamName);
        Assert.Contains("Received: patience=-1", e.Message);
    }

    [Theory]
    // patience 0: epoch 1 improves (0.9 < 1.0), epoch 2 does not -> stop at 2.
    [InlineData(0, new[] { 1.0, 0.9, 0.95, 0.8, 0.7 }, 2)]
    // patience 2: epochs 2 and 3 do not improve -> wait reaches 2 at epoch 3.
    [InlineData(2, new[] { 1.0, 0.9, 0.95, 0.92, 0.85, 0.9, 0.91, 0.93 }, 3)]
    // patience 3: epoch 4 improves (wait back to 0), then epochs 5, 6, 7 do not -> stop at 7.
    [InlineData(3, new[] { 1.0, 0.9, 0.95, 0.92, 0.85, 0.9, 0.91, 0.93 }, 7)]
    // A steadily improving series never stops.
    [InlineData(0, new[] { 1.0, 0.9, 0.8, 0.7 }, null)]
    public void Patience_StopsAtExpectedEpoch(int patience, double[] losses, int? expectedStop)
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: patience);
        Assert.Equal(expectedStop, Drive(es, model, losses));
        Assert.Equal(expectedStop ?? 0, es.StoppedEpoch);
        Assert.Equal(expectedStop is not null, model.StopTraining);
    }

    [Fact]
    public void Patience_TracksBestAndWait()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 5);
        Drive(es, model, [1.0, 0.6, 0.7, 0.8]);
        Assert.Equal(0.6, es.Best);
        Assert.Equal(1, es.BestEpoch);
        Assert.Equal(2, es.Wait);
    }

    [Fact]
    public void MinDelta_SmallImprovementsDoNotCount()
    {
        using var model = TinyModel();
        double[] losses = [1.0, 0.95, 0.91, 0.89];
        // Each step improves by less than 0.1: epoch 1 is no improvement and patience 1 is exhausted.
        Assert.Equal(1, Drive(new EarlyStopping(minDelta: 0.1, patience: 1), model, losses));
        // Without min_delta every epoch improves.
        Assert.Null(Drive(new EarlyStopping(patience: 1), model, losses));
        // min_delta 0.03 counts epochs 1 (by 0.05) and 2 (by 0.04) but not epoch 3 (by 0.02).
        Assert.Equal(3, Drive(new EarlyStopping(minDelta: 0.03, patience: 1), model, losses));
    }

    [Fact]
    public void ModeMax_StopsWhenValueStopsIncreasing()
    {
        using var model = TinyModel();
        double[] accuracy = [0.5, 0.6, 0.55, 0.58, 0.7];
        Assert.Equal(2, Drive(new EarlyStopping("val_accuracy", mode: "max"), model, accuracy, "val_accuracy"));
        // The same series minimized: epoch 1 (0.6 > 0.5) is already no improvement.
        Assert.Equal(1, Drive(new EarlyStopping("val_accuracy", mode: "min"), model, accuracy, "val_accuracy"));
    }

    [Fact]
    public void ModeAuto_Loss_IsMinimized()
    {
        using var model = TinyModel();
        Assert.Equal(1, Drive(new EarlyStopping("loss"), model, [0.5, 0.6, 0.4], "loss"));
        Assert.Equal(1, Drive(new EarlyStopping("val_loss"), model, [0.5, 0.6, 0.4]));
    }

    [Theory]
    [InlineData("val_accuracy")]
    [InlineData("accuracy")]
    public void ModeAuto_CompiledAccuracyMetric_IsMaximized(string monitor)
    {
        // Keras 3 asks the compiled metric named like the monitor for its direction; accuracy goes up.
        using var model = TinyModel(metrics: [new SparseCategoricalAccuracy("accuracy")]);
        double[] accuracy = [0.5, 0.6, 0.55, 0.58];
        Assert.Equal(2, Drive(new EarlyStopping(monitor), model, accuracy, monitor));
    }

    [Fact]
    public void ModeAuto_AccuracyString_IsMaximized()
    {
        // compile(metrics=["accuracy"]) as Keras users write it.
        var model = new Sequential(new Input([2]), new Keras.Layers.Dense(1));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        using (model)
        {
            Assert.Equal(2, Drive(new EarlyStopping("val_accuracy"), model, [0.5, 0.6, 0.55], "val_accuracy"));
        }
    }

    [Fact]
    public void ModeAuto_FollowsEachCompiledMetricsDirection()
    {
        // Keras' _direction: AUC goes up, mean squared error goes down.
        using var model = TinyModel(metrics: [new AUC(), new MeanSquaredError()]);
        double[] values = [0.5, 0.6, 0.55];
        Assert.Equal(2, Drive(new EarlyStopping("val_auc"), model, values, "val_auc"));
        Assert.Equal(1, Drive(new EarlyStopping("val_mean_squared_error"), model, values, "val_mean_squared_error"));
    }

    [Fact]
    public void ModeAuto_MetricByItsDefaultName_IsMaximized()
    {
        using var model = TinyModel(metrics: [new SparseCategoricalAccuracy()]);
        var es = new EarlyStopping("val_sparse_categorical_accuracy");
        Assert.Equal(2, Drive(es, model, [0.5, 0.6, 0.55], "val_sparse_categorical_accuracy"));
    }

    [Fact]
    public void ModeAuto_UnknownDirection_ThrowsKerasError()
    {
        // No compiled metric is called "accuracy", and Keras 3 does not guess from the name.
        using var model = TinyModel();
        var es = new EarlyStopping("val_accuracy");
        var e = Assert.Throws<ArgumentException>(() => Drive(es, model, [0.5], "val_accuracy"));
        Assert.Equal("monitor", e.ParamName);
        Assert.StartsWith(
            "EarlyStopping callback received monitor=val_accuracy but Keras isn't able to automatically determine " +
            "whether that metric should be maximized or minimized. Pass `mode='max'` in order to do early stopping " +
            "based on the highest metric value, or pass `mode='min'` in order to use the lowest value.", e.Message);
    }

    [Fact]
    public void Baseline_NotBeaten_StopsAfterPatienceEvenWhileImproving()
    {
        using var model = TinyModel();
        double[] losses = [0.9, 0.8, 0.85, 0.84];
        // Epochs 0 and 1 improve on the best but not on baseline 0.5, so wait keeps growing (1, 2); epoch 2 does
        // not improve and wait = 3 >= 2.
        var es = new EarlyStopping(patience: 2, baseline: 0.5);
        Assert.Equal(2, Drive(es, model, losses));
        // Without the baseline epoch 1 restarts the wait: epochs 2 and 3 give wait 1, 2 -> stop at 3.
        Assert.Equal(3, Drive(new EarlyStopping(patience: 2), model, losses));
    }

    [Fact]
    public void Baseline_Beaten_RestartsWait()
    {
        using var model = TinyModel();
        // Epoch 1 (0.8) beats baseline 0.85 -> wait 0; epochs 2 and 3 do not improve -> stop at 3.
        var es = new EarlyStopping(patience: 2, baseline: 0.85);
        Assert.Equal(3, Drive(es, model, [0.9, 0.8, 0.85, 0.86, 0.7]));
    }

    [Fact]
    public void StartFromEpoch_IgnoresWarmUpEpochs()
    {
        using var model = TinyModel();
        double[] losses = [1.0, 2.0, 3.0, 4.0, 5.0];
        // Epochs 0 and 1 are not monitored; epoch 2 sets the best (3.0); epoch 3 does not improve.
        var es = new EarlyStopping(patience: 0, startFromEpoch: 2);
        Assert.Equal(3, Drive(es, model, losses));
        Assert.Equal(2, es.BestEpoch);
        Assert.Equal(1, Drive(new EarlyStopping(patience: 0), model, losses));
    }

    [Fact]
    public void RestoreBestWeights_RestoresTheBestEpochsExactWeights()
    {
        using var model = TinyModel();
        var output = new StringWriter();
        var es = new EarlyStopping(patience: 2, restoreBestWeights: true, verbose: 1, output: output);
        int? stopped = Drive(es, model, [1.0, 0.5, 0.7, 0.8, 0.1], beforeEpochEnd: e => SetEpochWeights(model, e));
        Assert.Equal(3, stopped);
        Assert.Equal(1, es.BestEpoch);
        AssertWeightsOfEpoch(model, 1);
        Assert.Equal(
            "Epoch 4: early stopping" + Environment.NewLine +
            "Restoring model weights from the end of the best epoch: 2." + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void RestoreBestWeights_AlsoWhenTrainingRunsToTheEnd()
    {
        using var model = TinyModel();
        var output = new StringWriter();
        var es = new EarlyStopping(patience: 10, restoreBestWeights: true, verbose: 1, output: output);
        Assert.Null(Drive(es, model, [1.0, 0.5, 0.3, 0.7, 0.6], beforeEpochEnd: e => SetEpochWeights(model, e)));
        AssertWeightsOfEpoch(model, 2);
        Assert.Equal("Restoring model weights from the end of the best epoch: 3." + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public void RestoreBestWeights_BaselineNeverBeaten_RestoresBestOfTheRun()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 3, baseline: 0.1, restoreBestWeights: true);
        // wait: 1, 2 (improving but above baseline), 3 at epoch 2 (no improvement) -> stop; best is epoch 1.
        Assert.Equal(2, Drive(es, model, [0.9, 0.8, 0.85], beforeEpochEnd: e => SetEpochWeights(model, e)));
        AssertWeightsOfEpoch(model, 1);
    }

    [Fact]
    public void RestoreBestWeights_False_KeepsLastWeights()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 1);
        Assert.Equal(2, Drive(es, model, [1.0, 0.5, 0.7], beforeEpochEnd: e => SetEpochWeights(model, e)));
        AssertWeightsOfEpoch(model, 2);
    }

    [Fact]
    public void Copies_SurviveTheCallersDisposeScope()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 5, restoreBestWeights: true);
        es.SetModel(model);
        es.OnTrainBegin(new Logs());
        using (torch.NewDisposeScope())
        {
            SetEpochWeights(model, 0);
            es.OnEpochEnd(0, LogsOf("val_loss", 1.0));
        }
        SetEpochWeights(model, 1);
        es.OnEpochEnd(1, LogsOf("val_loss", 2.0));
        es.OnTrainEnd(new Logs());
        AssertWeightsOfEpoch(model, 0);
    }

    [Fact]
    public void MissingMonitor_WarnsWithAvailableKeys_AndDoesNothing()
    {
        using var model = TinyModel();
        var warnings = new StringWriter();
        var es = new EarlyStopping(warnings: warnings);
        es.SetModel(model);
        es.OnTrainBegin(new Logs());
        es.OnEpochEnd(0, new Logs { ["loss"] = 1.0, ["accuracy"] = 0.5 });
        es.OnEpochEnd(1, new Logs { ["loss"] = 2.0, ["accuracy"] = 0.4 });
        Assert.False(model.StopTraining);
        Assert.Equal(0, es.Wait);
        string line = "Early stopping conditioned on metric `val_loss` which is not available. " +
                      "Available metrics are: accuracy,loss" + Environment.NewLine;
        Assert.Equal(line + line, warnings.ToString());
    }

    [Fact]
    public void OnTrainBegin_ResetsState_SoTheCallbackCanBeReused()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 1);
        double[] losses = [1.0, 0.9, 0.95, 0.96];
        Assert.Equal(2, Drive(es, model, losses));
        Assert.Equal(2, Drive(es, model, losses));
        Assert.Equal(2, es.StoppedEpoch);
        Assert.Equal(0.9, es.Best);
    }

    [Fact]
    public void Verbose0_PrintsNothing()
    {
        using var model = TinyModel();
        var output = new StringWriter();
        var es = new EarlyStopping(restoreBestWeights: true, output: output);
        Assert.Equal(1, Drive(es, model, [1.0, 2.0]));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Fit_StopsOnAPlateau()
    {
        // Learning rate 0 and no shuffling: every epoch has exactly the same loss, so nothing improves after
        // epoch 0 and patience 2 stops training after epoch 2.
        var (x, y) = RandomData(64);
        using var model = TinyClassifier(learningRate: 0.0);
        var es = new EarlyStopping(monitor: "loss", patience: 2);
        var history = model.Fit(x, y, epochs: 10, batchSize: 16, shuffle: false, verbose: 0, callbacks: [es]);
        Assert.Equal(3, history["loss"].Count);
        Assert.Equal(2, es.StoppedEpoch);
        Assert.Equal(history["loss"][0], history["loss"][2]);
    }

    [Fact]
    public void Fit_RestoresWeightsOfTheEpochWithTheBestValidationLoss()
    {
        Utils.SetRandomSeed(11);
        var (x, y) = RandomData(96);
        using var model = TinyClassifier(learningRate: 0.05);
        var snapshots = new WeightSnapshots();
        var es = new EarlyStopping(patience: 3, restoreBestWeights: true);
        var history = model.Fit(x, y, epochs: 8, batchSize: 16, validationSplit: 0.25, verbose: 0,
            callbacks: [snapshots, es]);
        var valLoss = history["val_loss"].ToList();
        int best = valLoss.IndexOf(valLoss.Min());
        Assert.Equal(best, es.BestEpoch);
        var restored = model.Weights.Select(w => w.ToArray()).ToList();
        Assert.Equal(snapshots.Epochs[best], restored);
    }

    internal static void AssertWeightsOfEpoch(Model model, int epoch)
    {
        for (int i = 0; i < model.Weights.Count; i++)
        {
            Assert.Equal(EpochWeight(model.Weights[i].Shape.NumElements!.Value, epoch, i), model.Weights[i].ToArray());
        }
    }

    /// <summary>Records the model's weights at every epoch end.</summary>
    private sealed class WeightSnapshots : Callback
    {
        internal List<List<float[]>> Epochs { get; } = [];

        public override void OnEpochEnd(int epoch, Logs logs) =>
            Epochs.Add(Model!.Weights.Select(w => w.ToArray()).ToList());
    }
}

using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Expected learning rates are traced by hand from Keras 3's reduce_lr_on_plateau.py: at each epoch end, leaving
// cooldown resets wait; an improvement (beyond min_delta) resets wait; otherwise, outside cooldown, wait grows and at
// wait >= patience lr becomes max(lr * factor, min_lr) (only while lr > min_lr), wait resets and cooldown starts.
public class ReduceLROnPlateauTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var r = new ReduceLROnPlateau();
        Assert.Equal("val_loss", r.Monitor);
        Assert.Equal(0.1, r.Factor);
        Assert.Equal(10, r.Patience);
        Assert.Equal(0, r.Verbose);
        Assert.Equal("auto", r.Mode);
        Assert.Equal(1e-4, r.MinDelta);
        Assert.Equal(0, r.Cooldown);
        Assert.Equal(0.0, r.MinLr);
        Assert.Equal(0, r.Wait);
        Assert.Equal(0, r.CooldownCounter);
        Assert.Equal(double.PositiveInfinity, r.Best);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(2.5, "2.5")]
    public void Ctor_FactorOneOrMore_Throws(double factor, string shown)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReduceLROnPlateau(factor: factor));
        Assert.Equal("factor", e.ParamName);
        Assert.StartsWith($"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={shown}", e.Message);
    }

    [Fact]
    public void Ctor_NegativeArguments_Throw()
    {
        var patience = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(patience: -1));
        var cooldown = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(cooldown: -2));
        var minLr = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(minLr: -1e-3));
        Assert.Equal("patience", patience.ParamName);
        Assert.Contains("Received: patience=-1", patience.Message);
        Assert.Equal("cooldown", cooldown.ParamName);
        Assert.Equal("minLr", minLr.ParamName);
        Assert.Contains("Received: min_lr=-0.001", minLr.Message);
    }

    [Fact]
    public void Ctor_UnknownMode_WarnsAndFallsBackToAuto()
    {
        var warnings = new StringWriter();
        var r = new ReduceLROnPlateau(mode: "lowest", warnings: warnings);
        Assert.Equal("auto", r.Mode);
        Assert.Equal("Learning rate reduction mode lowest is unknown, fallback to auto mode." + Environment.NewLine,
            warnings.ToString());
    }

    [Fact]
    public void Plateau_ReducesAfterPatience_AndLogsTheRateBeforeEachReduction()
    {
        using var model = TinyModel(learningRate: 1.0);
        var r = new ReduceLROnPlateau(factor: 0.5, patience: 2, minDelta: 0);
        var (rates, logged) = Run(r, model, [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5]);
        // Epoch 0 sets best 1.0; epochs 1-2 wait 1, 2 -> halve; 3-4 -> halve; 5 improves; 6-7 -> halve.
        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125], rates);
        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.25], logged);
        Assert.Equal(0.5, r.Best);
    }

    [Fact]
    public void Cooldown_PausesCountingAfterAReduction()
    {
        using var model = TinyModel(learningRate: 1.0);
        var r = new ReduceLROnPlateau(factor: 0.5, patience: 1, cooldown: 2, minDelta: 0);
        var (rates, _) = Run(r, model, [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
        // Epoch 1 reduces and sets cooldown 2; epoch 2 counts it down to 1 (still cooling); epoch 3 reaches 0,
        // waits 1 and reduces again; and so on.
        Assert.Equal([1.0, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125], rates);
        // Without cooldown every plateau epoch reduces.
        var (noCooldown, _) = Run(new ReduceLROnPlateau(factor: 0.5, patience: 1, minDelta: 0), TinyModel(1.0),
            [1.0, 1.0, 1.0, 1.0]);
        Assert.Equal([1.0, 0.5, 0.25, 0.125], noCooldown);
    }

    [Fact]
    public void MinLr_IsALowerBound_AndStopsFurtherReductions()
    {
        using var model = TinyModel(learningRate: 1.0);
        var output = new StringWriter();
        var r = new ReduceLROnPlateau(factor: 0.1, patience: 1, minLr: 0.05, verbose: 1, output: output);
        var (rates, _) = Run(r, model, [1.0, 1.0, 1.0, 1.0, 1.0]);
        // 1 -> 0.1 -> max(0.01, 0.05) = 0.05, then lr is no longer above min_lr.
        Assert.Equal([1.0, 0.1, 0.05, 0.05, 0.05], rates);
        Assert.Equal(2, r.Wait);
        string nl = Environment.NewLine;
        Assert.Equal($"\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.1.{nl}" +
                     $"\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.05.{nl}", output.ToString());
    }

    [Fact]
    public void MinLr_IsComparedInFloat32_AsKerasFloat32LearningRate()
    {
        // Keras keeps the rate in a float32 variable and compares it with float32(min_lr): a rate equal to min_lr
        // in float32 is not reduced, even if it is a hair above it in double precision.
        double lr = 0.05 + 1e-12;
        Assert.Equal((float)0.05, (float)lr);
        using var model = TinyModel(learningRate: lr);
        var (rates, _) = Run(new ReduceLROnPlateau(factor: 0.5, patience: 1, minLr: 0.05), model, [1.0, 1.0, 1.0]);
        Assert.Equal([lr, lr, lr], rates);
    }

    [Fact]
    public void MinDelta_SmallImprovementsCountAsPlateau()
    {
        using var model = TinyModel(learningRate: 1.0);
        double[] losses = [1.0, 0.99995, 0.9998];
        // Default min_delta 1e-4: epoch 1 improves by 5e-5 only -> reduce; epoch 2 improves by 2e-4 -> new best.
        var r = new ReduceLROnPlateau(factor: 0.5, patience: 1);
        var (rates, _) = Run(r, model, losses);
        Assert.Equal([1.0, 0.5, 0.5], rates);
        Assert.Equal(0.9998, r.Best);
        // With min_delta 0 both epochs improve.
        var (strict, _) = Run(new ReduceLROnPlateau(factor: 0.5, patience: 1, minDelta: 0), TinyModel(1.0), losses);
        Assert.Equal([1.0, 1.0, 1.0], strict);
    }

    [Fact]
    public void ModeMax_And_AutoWithAcc_MaximizeTheMonitor()
    {
        double[] accuracy = [0.5, 0.6, 0.7];
        var (max, _) = Run(new ReduceLROnPlateau("val_accuracy", factor: 0.5, patience: 1, mode: "max"),
            TinyModel(1.0), accuracy, "val_accuracy");
        var (auto, _) = Run(new ReduceLROnPlateau("val_accuracy", factor: 0.5, patience: 1),
            TinyModel(1.0), accuracy, "val_accuracy");
        var (min, _) = Run(new ReduceLROnPlateau("val_accuracy", factor: 0.5, patience: 1, mode: "min"),
            TinyModel(1.0), accuracy, "val_accuracy");
        Assert.Equal([1.0, 1.0, 1.0], max);
        Assert.Equal([1.0, 1.0, 1.0], auto);
        Assert.Equal([1.0, 0.5, 0.25], min);
    }

    [Fact]
    public void ModeAuto_WithoutAccInTheName_Minimizes()
    {
        // Keras' rule for this callback is only `"acc" in monitor`: an increasing AUC counts as getting worse.
        var (rates, _) = Run(new ReduceLROnPlateau("val_auc", factor: 0.5, patience: 1), TinyModel(1.0),
            [0.5, 0.6, 0.7], "val_auc");
        Assert.Equal([1.0, 0.5, 0.25], rates);
    }

    [Fact]
    public void MissingMonitor_WarnsWithAvailableKeys_ButStillLogsTheRate()
    {
        using var model = TinyModel(learningRate: 0.01);
        var warnings = new StringWriter();
        var r = new ReduceLROnPlateau(patience: 0, warnings: warnings);
        r.SetModel(model);
        r.OnTrainBegin(new Logs());
        var logs = new Logs { ["loss"] = 1.0 };
        r.OnEpochEnd(0, logs);
        Assert.Equal(0.01, logs["learning_rate"]);
        Assert.Equal(0.01, model.Optimizer!.LearningRate);
        Assert.Equal("Learning rate reduction is conditioned on metric `val_loss` which is not available. " +
                     "Available metrics are: learning_rate,loss." + Environment.NewLine, warnings.ToString());
    }

    [Fact]
    public void OnTrainBegin_ResetsWaitCooldownAndBest()
    {
        using var model = TinyModel(learningRate: 1.0);
        var r = new ReduceLROnPlateau(factor: 0.5, patience: 3, cooldown: 4, minDelta: 0);
        Run(r, model, [0.3, 0.4, 0.4, 0.4]);
        Assert.Equal(4, r.CooldownCounter);
        r.OnTrainBegin(new Logs());
        Assert.Equal(0, r.Wait);
        Assert.Equal(0, r.CooldownCounter);
        Assert.Equal(double.PositiveInfinity, r.Best);
    }

    [Fact]
    public void WithoutACompiledModel_Throws()
    {
        var r = new ReduceLROnPlateau();
        var e = Assert.Throws<InvalidOperationException>(() => r.OnEpochEnd(0, LogsOf("val_loss", 1.0)));
        Assert.Contains("compiled model", e.Message);
    }

    [Fact]
    public void Fit_ReducesTheOptimizersRate_AndHistoryRecordsLearningRate()
    {
        // min_delta 10 makes every epoch after the first a plateau whatever the data: with patience 1 the rate
        // halves at the end of epochs 1, 2 and 3.
        var (x, y) = RandomData(48);
        using var model = TinyClassifier(learningRate: 0.04);
        var r = new ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 1, minDelta: 10);
        var history = model.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, callbacks: [r]);
        Assert.Equal([0.04, 0.04, 0.02, 0.01], history["learning_rate"]);
        Assert.Equal(0.005, model.Optimizer!.LearningRate);
    }

    /// <summary>Drives <paramref name="callback"/>; returns the optimizer's rate after each epoch and the
    /// <c>learning_rate</c> each epoch's logs received.</summary>
    private static (List<double> Rates, List<double> Logged) Run(ReduceLROnPlateau callback, Model model,
        double[] values, string key = "val_loss")
    {
        var rates = new List<double>();
        var logged = new List<double>();
        callback.SetModel(model);
        callback.OnTrainBegin(new Logs());
        for (int epoch = 0; epoch < values.Length; epoch++)
        {
            var logs = LogsOf(key, values[epoch]);
            callback.OnEpochEnd(epoch, logs);
            rates.Add(model.Optimizer!.LearningRate);
            logged.Add(logs["learning_rate"]);
        }
        callback.OnTrainEnd(new Logs());
        return (rates, logged);
    }
}

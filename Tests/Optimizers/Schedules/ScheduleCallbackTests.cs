using Keras.Callbacks;
using Keras.Layers;
using Keras.Optimizers;
using Keras.Optimizers.Schedules;
using Keras.Tests.Callbacks;
using MeanSquaredError = Keras.Losses.MeanSquaredError;

namespace Keras.Tests.Optimizers.Schedules;

/// <summary>The learning-rate callbacks with a schedule-driven optimizer: as in Keras, they read the scheduled rate,
/// and setting it fails with the optimizer's "not settable" error.</summary>
public sealed class ScheduleCallbackTests
{
    [Fact]
    public void LearningRateScheduler_WithAScheduledOptimizer_FailsAtTheFirstEpoch()
    {
        using var model = Compiled(new ExponentialDecay(0.1, 10, 0.5));
        var scheduler = new LearningRateScheduler((epoch, lr) => lr / 2);
        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(new float[4, 2], new float[4, 1], batchSize: 2, epochs: 2, verbose: 0, callbacks: [scheduler]));
        Assert.Contains("hence its learning rate is not settable", error.Message);
        Assert.Equal(0, model.Optimizer!.Iterations);
    }

    [Fact]
    public void ReduceLROnPlateau_LogsTheScheduledRate_AndFailsWhenItWouldReduce()
    {
        var schedule = new PiecewiseConstantDecay([0], [0.1, 0.05]);
        using var model = Compiled(schedule);
        model.Fit(new float[4, 2], new float[4, 1], batchSize: 2, epochs: 1, verbose: 0);
        var reduce = new ReduceLROnPlateau(monitor: "val_loss", patience: 2);
        var logged = new List<double>();
        var error = Assert.Throws<InvalidOperationException>(() => CallbackHarness.Drive(reduce, model,
            [1.0, 1.0, 1.0], beforeEpochEnd: _ => logged.Add(model.Optimizer!.LearningRate)));
        Assert.Contains("hence its learning rate is not settable", error.Message);
        Assert.Equal([(double)0.05f, (double)0.05f, (double)0.05f], logged);
    }

    [Fact]
    public void ReduceLROnPlateau_WritesTheScheduledRateToTheLogs()
    {
        using var model = Compiled(new PiecewiseConstantDecay([0], [0.1, 0.05]));
        var reduce = new ReduceLROnPlateau(monitor: "val_loss", patience: 5);
        var logs = CallbackHarness.LogsOf("val_loss", 1.0);
        reduce.SetModel(model);
        reduce.OnTrainBegin(new Logs());
        reduce.OnEpochEnd(0, logs);
        Assert.Equal((double)0.1f, logs["learning_rate"]);
    }

    private static Sequential Compiled(LearningRateSchedule schedule)
    {
        var model = new Sequential(new Input([2]), new Dense(1));
        model.Compile(optimizer: new SGD(learningRate: schedule), loss: new MeanSquaredError());
        return model;
    }
}

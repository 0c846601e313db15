using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Keras 3's learning_rate_scheduler.py: at epoch begin lr = schedule(epoch, float(optimizer.learning_rate)) is
// assigned to the optimizer (a float32 variable); at epoch end logs["learning_rate"] = float(optimizer.learning_rate).
public class LearningRateSchedulerTests
{
    private static double F32(double value) => (float)value;

    [Fact]
    public void Fit_SetsTheScheduledRateEachEpoch_AndLogsIt()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.001);
        var received = new List<(int Epoch, double Lr)>();
        var scheduler = new LearningRateScheduler((epoch, lr) =>
        {
            received.Add((epoch, lr));
            return epoch == 0 ? 0.1 : lr * 0.5;
        });
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [scheduler]);
        double lr0 = F32(0.1), lr1 = F32(lr0 * 0.5), lr2 = F32(lr1 * 0.5);
        Assert.Equal([(0, F32(0.001)), (1, lr0), (2, lr1)], received);
        Assert.Equal([lr0, lr1, lr2], history["learning_rate"]);
        Assert.Equal(0.10000000149011612, history["learning_rate"][0]);
        Assert.Equal(lr1 * 0.5, model.Optimizer!.LearningRate);
    }

    [Fact]
    public void Fit_TheScheduledRateIsTheOneUsedForTraining()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var weights = new List<float[]>();
        var snapshot = new LambdaCallback(onEpochEnd: (_, _) => weights.Add(model.Weights[0].ToArray()));
        float[] initial = model.Weights[0].ToArray();
        var scheduler = new LearningRateScheduler((epoch, _) => epoch == 0 ? 0.0 : 0.1);
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: 0, callbacks: [scheduler, snapshot]);
        Assert.Equal(initial, weights[0]);
        Assert.NotEqual(weights[0], weights[1]);
    }

    [Fact]
    public void Fit_EpochOnlySchedule_SetsItsRates()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.01);
        var scheduler = new LearningRateScheduler(epoch => 0.5 / (epoch + 1));
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [scheduler]);
        Assert.Equal([F32(0.5), F32(0.25), F32(0.5 / 3)], history["learning_rate"]);
    }

    [Fact]
    public void Fit_Verbose_PrintsKerasMessage()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.01);
        var output = new StringWriter();
        var scheduler = new LearningRateScheduler((epoch, _) => epoch == 0 ? 0.01 : 1e-05, verbose: 1,
            output: output);
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: 0, callbacks: [scheduler]);
        string nl = Environment.NewLine;
        Assert.Equal($"\nEpoch 1: LearningRateScheduler setting learning rate to 0.01.{nl}" +
                     $"\nEpoch 2: LearningRateScheduler setting learning rate to 1e-05.{nl}", output.ToString());
    }

    [Fact]
    public void Fit_NegativeScheduledRate_Throws()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.01);
        var scheduler = new LearningRateScheduler((_, _) => -0.5);
        var e = Assert.Throws<ArgumentException>(() =>
            model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, callbacks: [scheduler]));
        Assert.Contains("Got: -0.5 at epoch 0", e.Message);
    }

    [Fact]
    public void OnEpochBegin_WithoutCompiledModel_Throws()
    {
        var scheduler = new LearningRateScheduler((_, lr) => lr);
        var e = Assert.Throws<InvalidOperationException>(() => scheduler.OnEpochBegin(0, new Logs()));
        Assert.Contains("compiled model", e.Message);
    }
}

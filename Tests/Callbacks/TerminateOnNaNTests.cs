using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Keras 3's terminate_on_nan.py: on each training batch end, a NaN or infinite "loss" prints
// "Batch {batch}: Invalid loss, terminating training" and sets model.stop_training; fit ends the epoch normally.
public class TerminateOnNaNTests
{
    [Fact]
    public void Fit_NaNInTheThirdBatch_StopsAfterThatBatch()
    {
        var (x, y) = RandomData(24);
        x[9, 1] = float.NaN; // batch 2 of size 4
        using var model = TinyClassifier(learningRate: 0.01);
        var output = new StringWriter();
        var batches = new List<int>();
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, shuffle: false, verbose: 0,
            callbacks: [new TerminateOnNaN(output), new LambdaCallback(onTrainBatchEnd: (b, _) => batches.Add(b))]);
        Assert.Equal([0, 1, 2], batches);
        Assert.Equal("Batch 2: Invalid loss, terminating training" + Environment.NewLine, output.ToString());
        Assert.True(model.StopTraining);
        Assert.Single(history["loss"]);
        Assert.True(double.IsNaN(history["loss"][0]));
    }

    [Fact]
    public void Fit_FiniteLoss_TrainsEveryEpoch()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        var output = new StringWriter();
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [new TerminateOnNaN(output)]);
        Assert.Equal(3, history["loss"].Count);
        Assert.Empty(output.ToString());
        Assert.False(model.StopTraining);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void OnTrainBatchEnd_NonFiniteLoss_StopsTraining(double loss)
    {
        using var model = TinyModel();
        var output = new StringWriter();
        var callback = new TerminateOnNaN(output);
        callback.SetModel(model);
        callback.OnTrainBatchEnd(5, LogsOf("loss", loss));
        Assert.True(model.StopTraining);
        Assert.Equal("Batch 5: Invalid loss, terminating training" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void OnTrainBatchEnd_OnlyLossCounts()
    {
        using var model = TinyModel();
        var callback = new TerminateOnNaN(new StringWriter());
        callback.SetModel(model);
        callback.OnTrainBatchEnd(0, LogsOf("accuracy", double.NaN));
        Assert.False(model.StopTraining);
    }
}

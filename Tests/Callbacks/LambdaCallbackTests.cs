using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// The hooks' order and counts are those of Keras 3's fit: train_begin, then per epoch epoch_begin, per batch
// train_batch_begin/end, validation as test_begin, test batches, test_end, then epoch_end; train_end last.
public class LambdaCallbackTests
{
    [Fact]
    public void Fit_CallsEveryHookInKerasOrder()
    {
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.01);
        var events = new List<string>();
        var callback = new LambdaCallback(
            onEpochBegin: (e, _) => events.Add($"epoch_begin {e}"),
            onEpochEnd: (e, logs) => events.Add($"epoch_end {e} {string.Join(",", logs.Keys)}"),
            onTrainBegin: _ => events.Add("train_begin"),
            onTrainEnd: logs => events.Add($"train_end {string.Join(",", logs.Keys)}"),
            onTrainBatchBegin: (b, _) => events.Add($"batch_begin {b}"),
            onTrainBatchEnd: (b, logs) => events.Add($"batch_end {b} {string.Join(",", logs.Keys)}"),
            onTestBegin: _ => events.Add("test_begin"),
            onTestEnd: _ => events.Add("test_end"),
            onTestBatchBegin: (b, _) => events.Add($"test_batch_begin {b}"),
            onTestBatchEnd: (b, _) => events.Add($"test_batch_end {b}"));
        // 12 training samples in batches of 6, 4 validation samples in one batch.
        model.Fit(x, y, epochs: 2, batchSize: 6, validationSplit: 0.25, verbose: 0, callbacks: [callback]);
        string[] epoch(int e) =>
        [
            $"epoch_begin {e}", "batch_begin 0", "batch_end 0 loss", "batch_begin 1", "batch_end 1 loss",
            "test_begin", "test_batch_begin 0", "test_batch_end 0", "test_end", $"epoch_end {e} loss,val_loss",
        ];
        string[] expected = ["train_begin", .. epoch(0), .. epoch(1), "train_end loss,val_loss"];
        Assert.Equal(expected, events);
    }

    [Fact]
    public void EvaluateAndPredict_CallTheirHooks()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.01);
        var events = new List<string>();
        var callback = new LambdaCallback(
            onTestBegin: _ => events.Add("test_begin"),
            onTestEnd: logs => events.Add($"test_end {string.Join(",", logs.Keys)}"),
            onTestBatchEnd: (b, _) => events.Add($"test_batch_end {b}"),
            onPredictBegin: _ => events.Add("predict_begin"),
            onPredictEnd: _ => events.Add("predict_end"),
            onPredictBatchBegin: (b, _) => events.Add($"predict_batch_begin {b}"),
            onPredictBatchEnd: (b, _) => events.Add($"predict_batch_end {b}"));
        model.Evaluate(x, y, batchSize: 4, verbose: 0, callbacks: [callback]);
        using var _ = model.Predict(x, batchSize: 8, verbose: 0, callbacks: [callback]);
        Assert.Equal(
        [
            "test_begin", "test_batch_end 0", "test_batch_end 1", "test_end loss",
            "predict_begin", "predict_batch_begin 0", "predict_batch_end 0", "predict_end",
        ], events);
    }

    [Fact]
    public void HooksWithoutDelegates_DoNothing()
    {
        var callback = new LambdaCallback();
        var logs = LogsOf("loss", 1.0);
        callback.OnEpochBegin(0, logs);
        callback.OnEpochEnd(0, logs);
        callback.OnTrainBatchEnd(0, logs);
        callback.OnTrainEnd(logs);
        callback.OnPredictEnd(logs);
        Assert.Equal(["loss"], logs.Keys);
    }

    [Fact]
    public void Delegates_MayChangeTheLogs()
    {
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.01);
        var callback = new LambdaCallback(onEpochEnd: (epoch, logs) => logs["epoch_squared"] = epoch * epoch);
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [callback]);
        Assert.Equal([0.0, 1.0, 4.0], history["epoch_squared"]);
    }
}

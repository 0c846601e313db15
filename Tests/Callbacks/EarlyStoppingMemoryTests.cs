using Keras.Backend;
using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

[Collection(TensorCountCollection.Name)]
public class EarlyStoppingMemoryTests
{
    [Fact]
    public void RestoreBestWeights_HoldsNoTensorsAfterTraining()
    {
        using var model = TinyModel();
        var es = new EarlyStopping(patience: 100, restoreBestWeights: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = LiveTensors();
        // Every epoch improves, so the copies are replaced ten times; each replaced copy must be freed at once.
        Drive(es, model, Enumerable.Range(0, 10).Select(i => 10.0 - i).ToArray(),
            beforeEpochEnd: e =>
            {
                SetEpochWeights(model, e);
                if (e > 0)
                {
                    // Live tensors during training: the held copies (one per weight) and nothing else.
                    Assert.Equal(before + model.Weights.Count, LiveTensors());
                }
            });
        Assert.Equal(before, LiveTensors());
        EarlyStoppingTests.AssertWeightsOfEpoch(model, 9);
    }

    private static long LiveTensors() => KerasBackend.Current.LiveTensorCount;
}

using Keras.Callbacks;
using Keras.Layers;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;

namespace Keras.Tests.Callbacks;

/// <summary>Drives a callback through scripted epochs on a real compiled model, without training.</summary>
internal static class CallbackHarness
{
    /// <summary>A compiled <c>Sequential(Input([2]), Dense(1))</c> with Adam and sparse categorical
    /// crossentropy.</summary>
    internal static Sequential TinyModel(double learningRate = 0.001, params Metric[] metrics)
    {
        var model = new Sequential(new Input([2]), new Dense(1));
        model.Compile(optimizer: new Adam(learningRate: learningRate), loss: new SparseCategoricalCrossentropy(),
            metrics: metrics);
        return model;
    }

    /// <summary>A compiled 2-class softmax classifier on 2 features, for real <c>Fit</c> runs on
    /// <see cref="RandomData"/>.</summary>
    internal static Sequential TinyClassifier(double learningRate)
    {
        var model = new Sequential(new Input([2]), new Dense(2, activation: "softmax"));
        model.Compile(optimizer: new Adam(learningRate: learningRate), loss: new SparseCategoricalCrossentropy());
        return model;
    }

    /// <summary>Logs holding one entry.</summary>
    internal static Logs LogsOf(string key, double value) => new() { [key] = value };

    /// <summary>Runs OnTrainBegin, one OnEpochEnd per value (logs <paramref name="key"/> = value) until the model's
    /// StopTraining is set, then OnTrainEnd, as <c>Fit</c> does.</summary>
    /// <returns>The epoch after which training stopped, or null when every epoch ran.</returns>
    internal static int? Drive(Callback callback, Model model, IReadOnlyList<double> values, string key = "val_loss",
        Action<int>? beforeEpochEnd = null)
    {
        callback.SetModel(model);
        model.StopTraining = false;
        callback.OnTrainBegin(new Logs());
        int? stoppedAt = null;
        var last = new Logs();
        for (int epoch = 0; epoch < values.Count; epoch++)
        {
            callback.OnEpochBegin(epoch, new Logs());
            beforeEpochEnd?.Invoke(epoch);
            last = LogsOf(key, values[epoch]);
            callback.OnEpochEnd(epoch, last);
            if (model.StopTraining)
            {
                stoppedAt = epoch;
                break;
            }
        }
        callback.OnTrainEnd(last);
        return stoppedAt;
    }

    /// <summary>Sets every weight of <paramref name="model"/> to a value that identifies <paramref name="epoch"/>:
    /// weight i element j = 100·(epoch+1) + 10·i + j.</summary>
    internal static void SetEpochWeights(Model model, int epoch)
    {
        for (int i = 0; i < model.Weights.Count; i++)
        {
            model.Weights[i].Assign(EpochWeight(model.Weights[i].Shape.NumElements!.Value, epoch, i));
        }
    }

    /// <summary>The flat values <see cref="SetEpochWeights"/> gives weight <paramref name="index"/>.</summary>
    internal static float[] EpochWeight(long count, int epoch, int index) =>
        Enumerable.Range(0, (int)count).Select(j => 100f * (epoch + 1) + 10f * index + j).ToArray();

    /// <summary>Deterministic random features and 0/1 labels.</summary>
    internal static (float[,] X, byte[] Y) RandomData(int samples, int seed = 7)
    {
        var random = new Random(seed);
        var x = new float[samples, 2];
        var y = new byte[samples];
        for (int i = 0; i < samples; i++)
        {
            x[i, 0] = (float)random.NextDouble();
            x[i, 1] = (float)random.NextDouble();
            y[i] = (byte)(x[i, 0] > x[i, 1] ? 1 : 0);
        }
        return (x, y);
    }
}

using System.Diagnostics;
using Keras.Layers;
using Keras.Metrics;

namespace Keras.Benchmarks;

/// <summary>The tutorial model (Flatten, Dense 128 relu, Dropout 0.2, Dense 10 softmax) trained with Keras.Net's Fit.</summary>
internal static class KerasMlp
{
    internal static Sequential Create(int seed)
    {
        Utils.SetRandomSeed(seed);
        var model = new Sequential(new Input([28, 28]), new Flatten(), new Dense(128, activation: "relu"),
            new Dropout(0.2), new Dense(10, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy",
            metrics: [new SparseCategoricalAccuracy("accuracy")]);
        return model;
    }

    /// <summary>One <c>Fit</c> call of one epoch on the prepared tensors (or its first <paramref name="maxSteps"/>
    /// steps); the whole call is timed.</summary>
    internal static EpochResult FitEpoch(Model model, FashionData data, int batchSize, int? maxSteps = null)
    {
        var cpu = CpuClock.Start();
        long start = Stopwatch.GetTimestamp();
        var history = model.Fit(data.X, data.Y, batchSize: batchSize, epochs: 1, verbose: 0, stepsPerEpoch: maxSteps);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long samples = maxSteps is int steps ? Math.Min(data.Count, (long)steps * batchSize) : data.Count;
        return new EpochResult(seconds, samples / seconds, history["loss"][^1],
            history["accuracy"][^1], cpu.Elapsed());
    }
}

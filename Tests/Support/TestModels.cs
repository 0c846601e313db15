using Keras.Layers;

namespace Keras.Tests.Support;

/// <summary>Small models and data shared by engine tests.</summary>
internal static class TestModels
{
    /// <summary>The Keras beginner tutorial model on <paramref name="height"/>×<paramref name="width"/> inputs.</summary>
    internal static Sequential Tutorial(int height = 28, int width = 28) => new(
        new Input([height, width]),
        new Flatten(),
        new Dense(128, activation: "relu"),
        new Dropout(0.2),
        new Dense(10, activation: "softmax"));

    /// <summary>Deterministic pseudo-random features in [0, 1) and labels in [0, classes).</summary>
    internal static (float[,] X, byte[] Y) Classification(int samples, int features, int classes, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[samples, features];
        var y = new byte[samples];
        for (int i = 0; i < samples; i++)
        {
            y[i] = (byte)random.Next(classes);
            for (int j = 0; j < features; j++)
            {
                // Class-dependent signal so training has something to learn.
                x[i, j] = (float)random.NextDouble() * 0.5f + (j % classes == y[i] ? 0.5f : 0f);
            }
        }
        return (x, y);
    }
}

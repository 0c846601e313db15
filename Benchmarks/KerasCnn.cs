using Keras.Layers;
using Keras.Metrics;

namespace Keras.Benchmarks;

/// <summary>The tutorial CNN (Keras' "simple MNIST convnet") trained with Keras.Net's Fit: Conv2D(32, 3, relu) →
/// MaxPooling2D(2) → Conv2D(64, 3, relu) → MaxPooling2D(2) → Flatten → Dropout(0.5) → Dense(10, softmax).</summary>
internal static class KerasCnn
{
    internal static Sequential Create(int seed)
    {
        Utils.SetRandomSeed(seed);
        var model = new Sequential(
            new Input([28, 28, 1]),
            new Conv2D(32, kernelSize: 3, activation: "relu"),
            new MaxPooling2D(poolSize: 2),
            new Conv2D(64, kernelSize: 3, activation: "relu"),
            new MaxPooling2D(poolSize: 2),
            new Flatten(),
            new Dropout(0.5),
            new Dense(10, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy",
            metrics: [new SparseCategoricalAccuracy("accuracy")]);
        return model;
    }
}

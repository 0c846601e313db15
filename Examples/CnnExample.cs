using Keras.Datasets;
using Keras.Layers;

namespace Keras.Examples;

/// <summary>Keras' "simple MNIST convnet" recipe (10% validation; 20 epochs of batch 64) on Fashion-MNIST: two Conv2D +
/// MaxPooling2D blocks, Flatten, Dropout(0.5), Dense(10, softmax).</summary>
internal static class CnnExample
{
    internal static int Run(string[] args)
    {
        int epochs = ExampleArgs.IntOption(args, "--epochs", 20);
        int seed = ExampleArgs.IntOption(args, "--seed", 42);
        double accuracy = Train(epochs, seed, verbose: 1);
        Console.WriteLine($"Test accuracy: {accuracy:F4}");
        return 0;
    }

    /// <summary>Builds the convnet (28×28 grayscale in, 10 classes out).</summary>
    internal static Sequential Build() => new(
        new Input([28, 28]),
        new Reshape([28, 28, 1]),
        new Conv2D(32, kernelSize: 3, activation: "relu"),
        new MaxPooling2D(poolSize: 2),
        new Conv2D(64, kernelSize: 3, activation: "relu"),
        new MaxPooling2D(poolSize: 2),
        new Flatten(),
        new Dropout(0.5),
        new Dense(10, activation: "softmax"));

    /// <summary>Trains on Fashion-MNIST and returns the test accuracy.</summary>
    internal static double Train(int epochs, int seed, int verbose)
    {
        Utils.SetRandomSeed(seed);
        var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();
        var model = Build();
        if (verbose > 0)
        {
            model.Summary();
        }
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        model.Fit(xTrain.ToFloat32(scale: 1 / 255f), yTrain, batchSize: 64, epochs: epochs, validationSplit: 0.1,
            verbose: verbose);
        return model.Evaluate(xTest.ToFloat32(scale: 1 / 255f), yTest, verbose: verbose == 0 ? 0 : 2)["accuracy"];
    }
}

using Keras.Callbacks;
using Keras.Datasets;
using Keras.Layers;

namespace Keras.Examples;

/// <summary>The Keras beginner tutorial in C#: Flatten → Dense(128, relu) → Dropout(0.2) → Dense(10, softmax).</summary>
internal static class QuickStart
{
    internal static int Run(string[] args)
    {
        string dataset = ExampleArgs.Option(args, "--dataset") ?? "digits";
        int epochs = ExampleArgs.IntOption(args, "--epochs", dataset == "digits" ? 40 : 10);
        int seed = ExampleArgs.IntOption(args, "--seed", 42);
        string savePath = ExampleArgs.Option(args, "--save") ?? "mnist_model.h5";
        var result = Train(dataset, epochs, seed, verbose: 1, savePath);
        Console.WriteLine($"Test accuracy: {result.Accuracy:F4}");
        Console.WriteLine($"Saved the trained model to {Path.GetFullPath(savePath)}; reloaded it with Models.LoadModel.");
        Console.WriteLine($"Reloaded model test accuracy: {result.ReloadedAccuracy:F4}");
        Console.WriteLine($"Drew the training curves to {result.PlotPath}.");
        return 0;
    }

    /// <summary>Trains the tutorial model, saves it (Keras 2 <c>.h5</c> by default), reloads it, draws the History
    /// to <c>history.png</c> beside it, and returns the test accuracy of both and the figure's path.</summary>
    internal static QuickStartResult Train(string dataset, int epochs, int seed, int verbose, string savePath)
    {
        Utils.SetRandomSeed(seed);
        var ((xTrain, yTrain), (xTest, yTest)) = dataset switch
        {
            "digits" => Digits.LoadData(),
            "fashion_mnist" => FashionMnist.LoadData(),
            "mnist" => Mnist.LoadData(),
            _ => throw new ArgumentException($"Unknown --dataset \"{dataset}\". Expected digits, fashion_mnist or mnist."),
        };
        if (verbose > 0)
        {
            Console.WriteLine($"Dataset: {dataset}: {xTrain.GetLength(0)} training and {xTest.GetLength(0)} test " +
                              $"images of {xTrain.GetLength(1)}×{xTrain.GetLength(2)} pixels.");
        }
        float[,,] x = xTrain.ToFloat32(scale: 1 / 255f);
        float[,,] xt = xTest.ToFloat32(scale: 1 / 255f);

        var model = new Sequential(
            new Input([xTrain.GetLength(1), xTrain.GetLength(2)]),
            new Flatten(),
            new Dense(128, activation: "relu"),
            new Dropout(0.2),
            new Dense(10, activation: "softmax"));
        if (verbose > 0)
        {
            model.Summary();
        }

        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var history = model.Fit(x, yTrain, batchSize: 32, epochs: epochs, validationSplit: 0.2, verbose: verbose,
            callbacks: [new EarlyStopping(patience: 3), new ReduceLROnPlateau(factor: 0.5, patience: 2)]);

        double accuracy = model.Evaluate(xt, yTest, verbose: verbose == 0 ? 0 : 2)["accuracy"];

        // As the Keras tutorial: save the whole model (architecture, weights, compile settings, optimizer state) and
        // load it back; the reloaded model must score exactly the same.
        model.Save(savePath);
        var reloaded = Models.LoadModel(savePath);
        double reloadedAccuracy = reloaded.Evaluate(xt, yTest, verbose: 0)["accuracy"];

        // The tutorial's figure: loss and accuracy per epoch, train and validation, next to the saved model.
        string plotPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(savePath))!, "history.png");
        history.Plot(plotPath);
        return new QuickStartResult(accuracy, reloadedAccuracy, plotPath);
    }
}

/// <summary>The quick start's test accuracy before saving and after reloading the saved model, and where the
/// training curves were drawn.</summary>
internal readonly record struct QuickStartResult(double Accuracy, double ReloadedAccuracy, string PlotPath);

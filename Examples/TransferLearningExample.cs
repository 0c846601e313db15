using System.Diagnostics;
using Keras.Datasets;
using Keras.Layers;
using Keras.Optimizers;

namespace Keras.Examples;

/// <summary>Keras' transfer-learning guide with an imported ONNX backbone: ML.NET's pretrained ResNet18, frozen,
/// under a new Dense(10, softmax) head on a Fashion-MNIST subset; then the last residual stage unfrozen and fine-tuned
/// at a low learning rate; and, for comparison, the same head on a randomly initialised ResNet18.</summary>
internal static class TransferLearningExample
{
    internal static int Run(string[] args)
    {
        if (args.Contains("--measure-sizes"))
        {
            MeasureSizes();
            return 0;
        }
        var options = new TransferLearningOptions(
            Size: ExampleArgs.IntOption(args, "--size", 32),
            TrainCount: ExampleArgs.IntOption(args, "--train", 2000),
            TestCount: ExampleArgs.IntOption(args, "--test", 1000),
            Epochs: ExampleArgs.IntOption(args, "--epochs", 3),
            FineTuneEpochs: ExampleArgs.IntOption(args, "--fine-tune-epochs", 2),
            Seed: ExampleArgs.IntOption(args, "--seed", 42));
        if (options.Size < 32 || options.Size % 32 != 0)
        {
            Console.Error.WriteLine($"--size must be a multiple of 32 (ResNet18's five stride-2 stages, whose " +
                $"pads the ONNX file fixes for even sizes). Received: {options.Size}");
            return 2;
        }
        var result = Train(options, verbose: 1);
        Console.WriteLine($"Pretrained ResNet18, frozen, new head: test accuracy {result.HeadAccuracy:F4}");
        Console.WriteLine($"After fine-tuning the last stage:     test accuracy {result.FineTunedAccuracy:F4} " +
            $"({result.FineTunedTensors} trainable weight tensors)");
        Console.WriteLine($"Random-init ResNet18, frozen, head:   test accuracy {result.RandomInitAccuracy:F4}");
        Console.WriteLine($"Time: {result.Seconds:F1} s");
        return 0;
    }

    /// <summary>Runs the three phases and returns the held-out accuracies.</summary>
    internal static TransferLearningResult Train(TransferLearningOptions options, int verbose)
    {
        var clock = Stopwatch.StartNew();
        Utils.SetRandomSeed(options.Seed);
        var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();
        using var mean = TransferLearningResNet18.MeanImage(options.Size);
        using var train = Images(xTrain, options.TrainCount, options.Size, mean);
        using var test = Images(xTest, options.TestCount, options.Size, mean);
        var trainLabels = yTrain[..options.TrainCount];
        var testLabels = yTest[..options.TestCount];

        // Phase 1: the pretrained base frozen (its BatchNormalization layers then run in inference mode), a new head.
        var backbone = Models.ImportOnnx(TransferLearningResNet18.ModelPath, inputShape: [options.Size, options.Size, 3],
            name: "resnet18");
        var model = WithHead(backbone, options.Size);
        double head = FitHead(model, backbone, train, trainLabels, test, testLabels, options.Epochs, verbose);

        // Phase 2: unfreeze the last stage's convolutions (ResNet18's layer4: the 512-filter Conv2D layers), keep
        // BatchNormalization frozen as Keras' guide does, recompile with a low learning rate. As in Keras, a frozen
        // parent hides its layers' weights, so the backbone is made trainable first and its other layers frozen.
        backbone.Trainable = true;
        foreach (var layer in backbone.Layers)
        {
            layer.Trainable = layer is Conv2D { Filters: 512 };
        }
        model.Compile(optimizer: new Adam(learningRate: 1e-5), loss: "sparse_categorical_crossentropy",
            metrics: ["accuracy"]);
        int fineTunedTensors = model.TrainableWeights.Count;
        model.Fit(train, trainLabels, batchSize: 32, epochs: options.FineTuneEpochs, verbose: verbose);
        double fineTuned = model.Evaluate(test, testLabels, verbose: 0)["accuracy"];

        // Baseline: the same architecture with freshly initialised weights (CloneModel re-runs the initializers).
        var random = (Functional)Models.CloneModel(backbone);
        double randomInit = FitHead(WithHead(random, options.Size), random, train, trainLabels, test, testLabels,
            options.Epochs, verbose);
        return new TransferLearningResult(head, fineTuned, randomInit, fineTunedTensors, clock.Elapsed.TotalSeconds);
    }

    private static Functional WithHead(Functional backbone, int size)
    {
        var inputs = new Input([size, size, 3], name: "image");
        var features = new Flatten(name: "features").Call(backbone.Call(inputs));
        return new Functional(inputs, new Dense(10, activation: "softmax", name: "head").Call(features));
    }

    private static double FitHead(Functional model, Functional backbone, Tensor train, byte[] trainLabels,
        Tensor test, byte[] testLabels, int epochs, int verbose)
    {
        backbone.Trainable = false;
        model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: "sparse_categorical_crossentropy",
            metrics: ["accuracy"]);
        model.Fit(train, trainLabels, batchSize: 32, epochs: epochs, verbose: verbose);
        return model.Evaluate(test, testLabels, verbose: 0)["accuracy"];
    }

    private static Tensor Images(byte[,,] images, int count, int size, Tensor mean)
    {
        using var rgb = TransferLearningResNet18.ToRgb(images, 0, count, size);
        return TransferLearningResNet18.Preprocess(rgb, mean);
    }

    /// <summary>Prints the backbone's forward time per 100 images at 224, 128, 64 and 32 pixels (sizes must be
    /// multiples of 32).</summary>
    private static void MeasureSizes()
    {
        foreach (int size in new[] { 224, 128, 64, 32 })
        {
            var backbone = Models.ImportOnnx(TransferLearningResNet18.ModelPath, inputShape: [size, size, 3]);
            using var x = torch.rand([32, size, size, 3]) * 255 - 114;
            backbone.Predict(x[..4], verbose: 0).Dispose();
            var clock = Stopwatch.StartNew();
            backbone.Predict(x, batchSize: 32, verbose: 0).Dispose();
            Console.WriteLine($"{size} × {size}: {clock.Elapsed.TotalSeconds * 100 / 32:F2} s per 100 images " +
                "(forward)");
        }
    }
}

/// <summary>The transfer-learning run's settings.</summary>
internal sealed record TransferLearningOptions(int Size, int TrainCount, int TestCount, int Epochs, int FineTuneEpochs,
    int Seed);

/// <summary>Held-out accuracies of the three phases and the total time.</summary>
internal sealed record TransferLearningResult(double HeadAccuracy, double FineTunedAccuracy, double RandomInitAccuracy,
    int FineTunedTensors, double Seconds);

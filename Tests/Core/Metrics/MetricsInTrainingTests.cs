using Keras.Layers;
using Keras.Metrics;

namespace Keras.Tests.Core.Metrics;

/// <summary>Metrics given to <c>Compile</c> as strings, through <c>Evaluate</c>: each value equals the one computed in
/// plain C# from the model's own predictions.</summary>
public class MetricsInTrainingTests
{
    private static (float[,] X, float[] Y) Data(int n, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new float[n, features];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = random.Next(classes);
            for (int j = 0; j < features; j++)
            {
                x[i, j] = (float)random.NextDouble() + (j % classes == (int)y[i] ? 0.3f : 0f);
            }
        }
        return (x, y);
    }

    [Fact]
    public void BinaryModel_AccuracyPrecisionRecall_MatchPredictions()
    {
        const int n = 150;
        var (x, y) = Data(n, 6, 2, 70);
        using var model = new Sequential(new Input([6]), new Dense(4, activation: "relu"),
            new Dense(1, activation: "sigmoid"));
        model.Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy", "precision", "recall"]);
        model.Fit(x, y, epochs: 2, batchSize: 32, verbose: 0);
        var results = model.Evaluate(x, y, batchSize: 32, verbose: 0);
        Assert.IsType<BinaryAccuracy>(((AccuracyByShape)model.Metrics[1]).Inner);

        using var predicted = model.Predict(x, verbose: 0);
        float[] p = predicted.reshape(-1).data<float>().ToArray();
        int tp = 0, fp = 0, fn = 0, correct = 0;
        for (int i = 0; i < n; i++)
        {
            bool positive = p[i] > 0.5f, actual = y[i] != 0;
            correct += positive == actual ? 1 : 0;
            tp += positive && actual ? 1 : 0;
            fp += positive && !actual ? 1 : 0;
            fn += !positive && actual ? 1 : 0;
        }
        Assert.Equal(["loss", "accuracy", "precision", "recall"], results.Keys);
        Assert.Equal((double)correct / n, results["accuracy"], 5);
        Assert.Equal(tp + fp == 0 ? 0 : (double)tp / (tp + fp), results["precision"], 5);
        Assert.Equal(tp + fn == 0 ? 0 : (double)tp / (tp + fn), results["recall"], 5);
    }

    [Fact]
    public void SoftmaxModel_WithIntegerLabels_AccuracyIsSparseCategorical()
    {
        const int n = 120, classes = 3;
        var (x, y) = Data(n, 6, classes, 71);
        using var model = new Sequential(new Input([6]), new Dense(classes, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["acc", "sparse_top_k_categorical_accuracy"]);
        var results = model.Evaluate(x, y, batchSize: 50, verbose: 0);
        Assert.IsType<SparseCategoricalAccuracy>(((AccuracyByShape)model.Metrics[1]).Inner);

        using var predicted = model.Predict(x, verbose: 0);
        float[] p = predicted.reshape(-1).data<float>().ToArray();
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                best = p[i * classes + c] > p[i * classes + best] ? c : best;
            }
            correct += best == (int)y[i] ? 1 : 0;
        }
        Assert.Equal(["loss", "acc", "sparse_top_k_categorical_accuracy"], results.Keys);
        Assert.Equal((double)correct / n, results["acc"], 5);
        Assert.Equal(1.0, results["sparse_top_k_categorical_accuracy"], 5); // k = 5 covers all 3 classes
    }
}

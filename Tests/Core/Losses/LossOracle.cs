using Keras.Losses;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>Checks a loss against an oracle written in plain C# doubles: the per-sample value of one row and the
/// gradient of that value with respect to the row's predictions.</summary>
internal static class LossOracle
{
    internal const double RelativeTolerance = 1e-5;
    internal const double AbsoluteTolerance = 1e-12;

    internal static readonly double[] Weights = [0.3, 1.7, 0.9, 2.5];

    internal static Tensor Tensor2D(double[,] values) => torch.tensor(values, dtype: ScalarType.Float64);

    internal static Tensor Tensor1D(double[] values) => torch.tensor(values, dtype: ScalarType.Float64);

    internal static double[] Row(double[,] values, int row) =>
        Enumerable.Range(0, values.GetLength(1)).Select(j => values[row, j]).ToArray();

    internal static void Close(double expected, double actual, string what = "value")
    {
        double tolerance = RelativeTolerance * Math.Abs(expected) + AbsoluteTolerance;
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, actual {actual:R} (difference {Math.Abs(expected - actual):E3})");
    }

    internal static void Close(double[] expected, Tensor actual, string what = "values")
    {
        Assert.Equal(new long[] { expected.Length }, actual.shape);
        var data = actual.to_type(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], data[i], $"{what}[{i}]");
        }
    }

    internal static void Close(double[,] expected, Tensor actual, string what = "gradient")
    {
        Assert.Equal(new long[] { expected.GetLength(0), expected.GetLength(1) }, actual.shape);
        var data = actual.to_type(ScalarType.Float64).data<double>().ToArray();
        int cols = expected.GetLength(1);
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int j = 0; j < cols; j++)
            {
                Close(expected[i, j], data[i * cols + j], $"{what}[{i},{j}]");
            }
        }
    }

    /// <summary>Checks value and gradient for every reduction and with sample weights, given the oracle per
    /// row.</summary>
    /// <param name="make">Creates the loss with the given reduction.</param>
    /// <param name="yTrue">Targets, one row per sample.</param>
    /// <param name="yPred">Predictions, one row per sample.</param>
    /// <param name="value">The per-sample loss of one row.</param>
    /// <param name="gradient">The gradient of the per-sample loss with respect to the row's predictions.</param>
    internal static void Check(Func<string, Loss> make, double[,] yTrue, double[,] yPred,
        Func<double[], double[], double> value, Func<double[], double[], double[]> gradient)
    {
        int batch = yPred.GetLength(0);
        var expected = new double[batch];
        var rowGradients = new double[batch][];
        for (int i = 0; i < batch; i++)
        {
            expected[i] = value(Row(yTrue, i), Row(yPred, i));
            rowGradients[i] = gradient(Row(yTrue, i), Row(yPred, i));
        }
        CheckReductions(make, Tensor2D(yTrue), yPred, expected, rowGradients);
    }

    /// <summary>Checks precomputed per-sample values and row gradients for every reduction and with sample
    /// weights.</summary>
    internal static void CheckReductions(Func<string, Loss> make, Tensor yTrue, double[,] yPred, double[] expected,
        double[][] rowGradients)
    {
        int batch = expected.Length;
        int cols = yPred.GetLength(1);
        var weights = Weights[..batch];

        Close(expected, make("none").Call(yTrue, Tensor2D(yPred)), "none");
        Close(expected.Sum(), make("sum").Call(yTrue, Tensor2D(yPred)).item<double>(), "sum");

        var pred = Tensor2D(yPred).requires_grad_();
        var loss = make("sum_over_batch_size").Call(yTrue, pred);
        Assert.Equal(0, loss.dim());
        Close(expected.Average(), loss.item<double>(), "sum_over_batch_size");
        loss.backward();
        Close(Scale(rowGradients, cols, i => 1.0 / batch), pred.grad!, "gradient of sum_over_batch_size");

        var weighted = Tensor2D(yPred).requires_grad_();
        var weightedLoss = make("sum_over_batch_size").Call(yTrue, weighted, Tensor1D(weights));
        Close(expected.Zip(weights, (v, w) => v * w).Sum() / batch, weightedLoss.item<double>(), "weighted");
        weightedLoss.backward();
        Close(Scale(rowGradients, cols, i => weights[i] / batch), weighted.grad!, "gradient with sample_weight");
    }

    private static double[,] Scale(double[][] rows, int cols, Func<int, double> factor)
    {
        var result = new double[rows.Length, cols];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[i, j] = rows[i][j] * factor(i);
            }
        }
        return result;
    }

    /// <summary>An elementwise loss averaged over the row: value and gradient from per-element functions.</summary>
    internal static (Func<double[], double[], double> Value, Func<double[], double[], double[]> Gradient) MeanOf(
        Func<double, double, double> element, Func<double, double, double> derivative) =>
    (
        (t, p) => t.Zip(p, element).Average(),
        (t, p) => t.Zip(p, derivative).Select(d => d / p.Length).ToArray()
    );

    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}

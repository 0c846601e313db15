using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>Binary, categorical and sparse categorical cross-entropy against hand-written formulas in doubles (values
/// and analytic gradients), Keras' docstring examples and TorchSharp's functional losses where their convention
/// matches.</summary>
public class CrossentropyLossTests
{
    private const double Eps = 1e-7;

    private static readonly double[,] BinaryTrue = { { 0, 1, 1 }, { 1, 0, 0 }, { 0.3, 1, 0 } };
    private static readonly double[,] BinaryProbs = { { 0.1, 0.8, 0.6 }, { 0.3, 0.45, 0.02 }, { 0.5, 0.99, 0.7 } };
    private static readonly double[,] BinaryLogits = { { -2.0, 0.5, 3.0 }, { 1.2, -0.7, 0.0 }, { 4.0, -3.5, 0.25 } };

    // Rows need not sum to one: Keras divides by the sum first.
    private static readonly double[,] OneHot = { { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 } };
    private static readonly long[] Labels = [1, 2, 0];
    private static readonly double[,] ClassProbs = { { 0.2, 0.5, 0.1 }, { 0.1, 0.8, 0.1 }, { 1.0, 2.0, 1.0 } };
    private static readonly double[,] ClassLogits = { { 1.0, 2.0, 0.5 }, { -1.0, 0.0, 3.0 }, { 0.3, 0.3, -2.0 } };

    private static double Smooth(double y, double ls) => y * (1 - ls) + 0.5 * ls;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void BinaryCrossentropy_Probabilities_MatchFormula(double ls)
    {
        var (value, gradient) = MeanOf(
            (t, p) => -(Smooth(t, ls) * Math.Log(p) + (1 - Smooth(t, ls)) * Math.Log(1 - p)),
            (t, p) => (p - Smooth(t, ls)) / (p * (1 - p)));
        Check(r => new BinaryCrossentropy(labelSmoothing: ls, reduction: r), BinaryTrue, BinaryProbs, value, gradient);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void BinaryCrossentropy_Logits_MatchFormula(double ls)
    {
        // log(1 + e^x) - t x, written in its overflow-free form; the gradient is sigmoid(x) - t.
        var (value, gradient) = MeanOf(
            (t, x) => Math.Max(x, 0) - x * Smooth(t, ls) + Math.Log(1 + Math.Exp(-Math.Abs(x))),
            (t, x) => Sigmoid(x) - Smooth(t, ls));
        Check(r => new BinaryCrossentropy(fromLogits: true, labelSmoothing: ls, reduction: r),
            BinaryTrue, BinaryLogits, value, gradient);
    }

    [Fact]
    public void BinaryCrossentropy_Probabilities_MatchTorchBinaryCrossEntropy()
    {
        var expected = nn.functional.binary_cross_entropy(Tensor2D(BinaryProbs), Tensor2D(BinaryTrue),
            reduction: nn.Reduction.None).mean([-1]);
        Close(expected.data<double>().ToArray(),
            new BinaryCrossentropy(reduction: "none").Call(Tensor2D(BinaryTrue), Tensor2D(BinaryProbs)));
    }

    [Fact]
    public void BinaryCrossentropy_ClipsProbabilitiesToEpsilon_WithZeroGradientOutside()
    {
        // p = 0 for a positive label and p = 1 for a negative one: the clipped log gives -log(1e-7), not infinity.
        var pred = Tensor2D(new double[,] { { 0.0, 1.0 } }).requires_grad_();
        var loss = new BinaryCrossentropy().Call(Tensor2D(new double[,] { { 1, 0 } }), pred);
        double expected = (-Math.Log(Eps) - Math.Log(1 - (1 - Eps))) / 2;
        Close(expected, loss.item<double>());
        loss.backward();
        Close(new double[,] { { 0, 0 } }, pred.grad!);
    }

    [Fact]
    public void BinaryCrossentropy_Logits_AreStableForLargeMagnitudes()
    {
        var loss = new BinaryCrossentropy(fromLogits: true, reduction: "none").Call(
            Tensor2D(new double[,] { { 1, 0 } }), Tensor2D(new double[,] { { -800.0, -900.0 } }));
        Close(new[] { 800.0 / 2 }, loss);
    }

    [Fact]
    public void BinaryCrossentropy_KerasDocExamples()
    {
        var yTrue = Tensor2D(new double[,] { { 0, 1 }, { 0, 0 } });
        var logits = Tensor2D(new double[,] { { -18.6, 0.51 }, { 2.94, -12.8 } });
        var bce = new BinaryCrossentropy(fromLogits: true);
        Assert.Equal(0.8654, bce.Call(yTrue, logits).item<double>(), 1e-4);
        Assert.Equal(0.243, bce.Call(yTrue, logits, Tensor1D([0.8, 0.2])).item<double>(), 1e-3);
        Assert.Equal(1.730, new BinaryCrossentropy(fromLogits: true, reduction: "sum").Call(yTrue, logits)
            .item<double>(), 1e-3);
        var none = new BinaryCrossentropy(fromLogits: true, reduction: "none").Call(yTrue, logits).data<double>();
        Assert.Equal(0.235, none[0], 1e-3);
        Assert.Equal(1.496, none[1], 1e-3);
        // keras.losses.binary_crossentropy docstring: probabilities.
        var probs = new BinaryCrossentropy(reduction: "none").Call(yTrue,
            Tensor2D(new double[,] { { 0.6, 0.4 }, { 0.4, 0.6 } })).data<double>();
        Assert.Equal(0.916, probs[0], 1e-3);
        Assert.Equal(0.714, probs[1], 1e-3);
    }

    [Fact]
    public void BinaryCrossentropy_Axis_AveragesOverThatAxis()
    {
        // (batch=2, 3, 2) averaged over axis 1 gives (2, 2).
        double[] t = [0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1];
        double[] p = [0.2, 0.7, 0.9, 0.4, 0.6, 0.5, 0.3, 0.1, 0.8, 0.35, 0.65, 0.95];
        var values = new BinaryCrossentropy(axis: 1, reduction: "none").Call(
            Tensor1D(t).reshape(2, 3, 2), Tensor1D(p).reshape(2, 3, 2));
        Assert.Equal(new long[] { 2, 2 }, values.shape);
        var actual = values.data<double>().ToArray();
        for (int b = 0; b < 2; b++)
        {
            for (int k = 0; k < 2; k++)
            {
                double sum = 0;
                for (int j = 0; j < 3; j++)
                {
                    int i = b * 6 + j * 2 + k;
                    sum += -(t[i] * Math.Log(p[i]) + (1 - t[i]) * Math.Log(1 - p[i]));
                }
                Close(sum / 3, actual[b * 2 + k]);
            }
        }
    }

    [Fact]
    public void BinaryCrossentropy_ExpandsRankOneTargets_AndCastsIntegerTargets()
    {
        // Keras' squeeze_or_expand_to_same_rank: y_true (batch,) against y_pred (batch, 1).
        var values = new BinaryCrossentropy(reduction: "none").Call(
            torch.tensor(new long[] { 1, 0 }), Tensor2D(new double[,] { { 0.8 }, { 0.4 } }));
        Close(new[] { -Math.Log(0.8), -Math.Log(0.6) }, values);
    }

    private static double CategoricalValue(double[] t, double[] p)
    {
        double sum = p.Sum();
        return -t.Zip(p, (y, q) => y == 0 ? 0 : y * Math.Log(q / sum)).Sum();
    }

    private static double[] CategoricalGradient(double[] t, double[] p)
    {
        double sum = p.Sum();
        double targetMass = t.Sum();
        return t.Zip(p, (y, q) => -y / q + targetMass / sum).ToArray();
    }

    private static double[] LogSoftmax(double[] x)
    {
        double max = x.Max();
        double logSum = max + Math.Log(x.Sum(v => Math.Exp(v - max)));
        return x.Select(v => v - logSum).ToArray();
    }

    private static double[] SmoothCategorical(double[] t, double ls) =>
        t.Select(y => y * (1 - ls) + ls / t.Length).ToArray();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void CategoricalCrossentropy_Probabilities_MatchFormula(double ls)
    {
        Check(r => new CategoricalCrossentropy(labelSmoothing: ls, reduction: r), OneHot, ClassProbs,
            (t, p) => CategoricalValue(SmoothCategorical(t, ls), p),
            (t, p) => CategoricalGradient(SmoothCategorical(t, ls), p));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void CategoricalCrossentropy_Logits_MatchFormula(double ls)
    {
        Check(r => new CategoricalCrossentropy(fromLogits: true, labelSmoothing: ls, reduction: r), OneHot, ClassLogits,
            (t, x) => -SmoothCategorical(t, ls).Zip(LogSoftmax(x), (y, l) => y * l).Sum(),
            (t, x) =>
            {
                var smoothed = SmoothCategorical(t, ls);
                return LogSoftmax(x).Select((l, k) => Math.Exp(l) * smoothed.Sum() - smoothed[k]).ToArray();
            });
    }

    [Fact]
    public void CategoricalCrossentropy_Logits_MatchTorchCrossEntropyWithProbabilityTargets()
    {
        var smoothed = torch.tensor(new double[,] { { 0.1, 0.7, 0.2 }, { 0.0, 0.0, 1.0 }, { 0.5, 0.25, 0.25 } });
        var expected = nn.functional.cross_entropy(Tensor2D(ClassLogits), smoothed, reduction: nn.Reduction.None);
        var actual = new CategoricalCrossentropy(fromLogits: true, reduction: "none")
            .Call(smoothed, Tensor2D(ClassLogits));
        Close(expected.data<double>().ToArray(), actual);
    }

    [Fact]
    public void CategoricalCrossentropy_ClipsZeroProbabilities()
    {
        var loss = new CategoricalCrossentropy(reduction: "none").Call(Tensor2D(new double[,] { { 0, 0, 1 } }),
            Tensor2D(new double[,] { { 0.4, 0.6, 0.0 } }));
        Close(new[] { -Math.Log(Eps) }, loss);
    }

    [Fact]
    public void CategoricalCrossentropy_KerasDocExamples()
    {
        var yTrue = Tensor2D(new double[,] { { 0, 1, 0 }, { 0, 0, 1 } });
        var yPred = Tensor2D(new double[,] { { 0.05, 0.95, 0 }, { 0.1, 0.8, 0.1 } });
        Assert.Equal(1.177, new CategoricalCrossentropy().Call(yTrue, yPred).item<double>(), 1e-3);
        Assert.Equal(0.814, new CategoricalCrossentropy().Call(yTrue, yPred, Tensor1D([0.3, 0.7])).item<double>(),
            1e-3);
        Assert.Equal(2.354, new CategoricalCrossentropy(reduction: "sum").Call(yTrue, yPred).item<double>(), 1e-3);
        var none = new CategoricalCrossentropy(reduction: "none").Call(yTrue, yPred).data<double>();
        Assert.Equal(0.0513, none[0], 1e-4);
        Assert.Equal(2.303, none[1], 1e-3);
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.1)]
    public void CategoricalCrossentropy_Axis_SelectsTheClassAxis(bool fromLogits, double ls)
    {
        // Classes on axis 0 of the transposed data give the same per-sample values as axis -1.
        var input = fromLogits ? ClassLogits : ClassProbs;
        var lastAxis = new CategoricalCrossentropy(fromLogits, ls, reduction: "none")
            .Call(Tensor2D(OneHot), Tensor2D(input));
        var firstAxis = new CategoricalCrossentropy(fromLogits, ls, axis: 0, reduction: "none").Call(
            Tensor2D(OneHot).t(), Tensor2D(input).t());
        Close(lastAxis.data<double>().ToArray(), firstAxis);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SparseCategoricalCrossentropy_MatchesFormula(bool fromLogits)
    {
        var input = fromLogits ? ClassLogits : ClassProbs;
        var expected = new double[Labels.Length];
        var gradients = new double[Labels.Length][];
        for (int i = 0; i < Labels.Length; i++)
        {
            var t = Row(OneHot, i);
            var p = Row(input, i);
            expected[i] = fromLogits ? -LogSoftmax(p)[Labels[i]] : CategoricalValue(t, p);
            gradients[i] = fromLogits
                ? LogSoftmax(p).Select((l, k) => Math.Exp(l) - t[k]).ToArray()
                : CategoricalGradient(t, p);
        }
        CheckReductions(r => new SparseCategoricalCrossentropy(fromLogits, reduction: r), torch.tensor(Labels), input,
            expected, gradients);
        // Labels of shape (batch, 1), as floats, give the same values.
        var column = torch.tensor(Labels.Select(l => (double)l).ToArray()).reshape(-1, 1);
        Close(expected, new SparseCategoricalCrossentropy(fromLogits, reduction: "none").Call(column, Tensor2D(input)));
    }

    [Fact]
    public void SparseCategoricalCrossentropy_Logits_MatchTorchCrossEntropy()
    {
        var expected = nn.functional.cross_entropy(Tensor2D(ClassLogits), torch.tensor(Labels),
            reduction: nn.Reduction.None);
        var actual = new SparseCategoricalCrossentropy(fromLogits: true, reduction: "none")
            .Call(torch.tensor(Labels), Tensor2D(ClassLogits));
        Close(expected.data<double>().ToArray(), actual);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_KerasDocExamples()
    {
        var labels = torch.tensor(new long[] { 1, 2 });
        var yPred = Tensor2D(new double[,] { { 0.05, 0.95, 0 }, { 0.1, 0.8, 0.1 } });
        Assert.Equal(1.177, new SparseCategoricalCrossentropy().Call(labels, yPred).item<double>(), 1e-3);
        var weighted = new SparseCategoricalCrossentropy().Call(labels, yPred, Tensor1D([0.3, 0.7]));
        Assert.Equal(0.814, weighted.item<double>(), 1e-3);
        var sum = new SparseCategoricalCrossentropy(reduction: "sum").Call(labels, yPred);
        Assert.Equal(2.354, sum.item<double>(), 1e-3);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_IgnoreClass_AveragesOverValidSamplesOnly()
    {
        // Keras masks ignored samples: zero loss, zero gradient, and the mean runs over the valid ones.
        var labels = torch.tensor(new long[] { 1, -1, 0 });
        var pred = Tensor2D(ClassLogits).requires_grad_();
        var loss = new SparseCategoricalCrossentropy(fromLogits: true, ignoreClass: -1).Call(labels, pred);
        double first = -LogSoftmax(Row(ClassLogits, 0))[1];
        double third = -LogSoftmax(Row(ClassLogits, 2))[0];
        Close((first + third) / 2, loss.item<double>());
        loss.backward();
        var expectedGradient = new double[3, 3];
        for (int k = 0; k < 3; k++)
        {
            expectedGradient[0, k] = (Math.Exp(LogSoftmax(Row(ClassLogits, 0))[k]) - (k == 1 ? 1 : 0)) / 2;
            expectedGradient[2, k] = (Math.Exp(LogSoftmax(Row(ClassLogits, 2))[k]) - (k == 0 ? 1 : 0)) / 2;
        }
        Close(expectedGradient, pred.grad!);

        var none = new SparseCategoricalCrossentropy(fromLogits: true, ignoreClass: -1, reduction: "none")
            .Call(labels, Tensor2D(ClassLogits));
        Close(new[] { first, 0.0, third }, none);
        var sum = new SparseCategoricalCrossentropy(fromLogits: true, ignoreClass: -1, reduction: "sum")
            .Call(labels, Tensor2D(ClassLogits));
        Close(first + third, sum.item<double>());
    }

    [Fact]
    public void SparseCategoricalCrossentropy_AllIgnored_GivesZero()
    {
        var loss = new SparseCategoricalCrossentropy(fromLogits: true, ignoreClass: 255)
            .Call(torch.tensor(new long[] { 255, 255 }), Tensor2D(new double[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Equal(0.0, loss.item<double>());
    }

    [Fact]
    public void SparseCategoricalCrossentropy_LabelOutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SparseCategoricalCrossentropy()
            .Call(torch.tensor(new long[] { 1, 3 }), Tensor2D(new double[,] { { 0.2, 0.5, 0.1 }, { 0.1, 0.8, 0.1 } })));
        Assert.Contains("label value of 3", ex.Message);
        Assert.Contains("[0, 3)", ex.Message);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_ShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SparseCategoricalCrossentropy()
            .Call(torch.tensor(new long[] { 1, 2 }), Tensor2D(ClassProbs)));
        Assert.Contains("target.shape=(2,)", ex.Message);
        Assert.Contains("output.shape=(3, 3)", ex.Message);
    }
}

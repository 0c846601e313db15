using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>Regression losses against hand-written formulas in doubles (value and analytic gradient), with TorchSharp's
/// functional losses as a second oracle where their convention matches Keras'.</summary>
public class RegressionLossTests
{
    private const double Eps = 1e-7;

    // Errors p - t mix signs and magnitudes below and above 1 (both Huber branches).
    private static readonly double[,] YTrue = { { 0.5, -1.2, 2.0 }, { 1.5, 0.3, -0.7 }, { -2.0, 0.8, 0.1 } };
    private static readonly double[,] YPred = { { 0.7, -0.4, 3.5 }, { 1.1, 0.35, -0.2 }, { -0.5, 2.9, 0.15 } };

    [Fact]
    public void MeanSquaredError_MatchesFormula()
    {
        var (value, gradient) = MeanOf((t, p) => (t - p) * (t - p), (t, p) => 2 * (p - t));
        Check(r => new MeanSquaredError(r), YTrue, YPred, value, gradient);
    }

    [Fact]
    public void MeanSquaredError_MatchesTorchMseLoss()
    {
        var expected = nn.functional.mse_loss(Tensor2D(YPred), Tensor2D(YTrue), nn.Reduction.None).mean([-1]);
        var actual = new MeanSquaredError("none").Call(Tensor2D(YTrue), Tensor2D(YPred));
        Close(expected.data<double>().ToArray(), actual);
    }

    [Fact]
    public void MeanAbsoluteError_MatchesFormula()
    {
        var (value, gradient) = MeanOf((t, p) => Math.Abs(t - p), (t, p) => Math.Sign(p - t));
        Check(r => new MeanAbsoluteError(r), YTrue, YPred, value, gradient);
        var torchL1 = nn.functional.l1_loss(Tensor2D(YPred), Tensor2D(YTrue), nn.Reduction.None).mean([-1]);
        Close(torchL1.data<double>().ToArray(), new MeanAbsoluteError("none").Call(Tensor2D(YTrue), Tensor2D(YPred)));
    }

    [Fact]
    public void MeanAbsolutePercentageError_MatchesFormula()
    {
        var (value, gradient) = MeanOf(
            (t, p) => 100 * Math.Abs((t - p) / Math.Max(Math.Abs(t), Eps)),
            (t, p) => 100 * Math.Sign(p - t) / Math.Max(Math.Abs(t), Eps));
        Check(r => new MeanAbsolutePercentageError(r), YTrue, YPred, value, gradient);
    }

    [Fact]
    public void MeanAbsolutePercentageError_ZeroTargetDividesByEpsilon()
    {
        var value = new MeanAbsolutePercentageError().Call(Tensor2D(new double[,] { { 0.0, 2.0 } }),
            Tensor2D(new double[,] { { 1e-7, 1.0 } }));
        Close((100 * 1.0 + 100 * 0.5) / 2, value.item<double>());
    }

    [Fact]
    public void MeanSquaredLogarithmicError_MatchesFormula_WithValuesBelowEpsilonRaised()
    {
        // A zero target and a negative prediction are raised to epsilon (the prediction then gets no gradient).
        double[,] yTrue = { { 0.5, 1.2, 2.0 }, { 3.0, 0.0, 0.7 } };
        double[,] yPred = { { 0.7, 0.4, 3.5 }, { 1.1, 0.35, -0.5 } };
        static double Diff(double t, double p) => Math.Log(Math.Max(p, Eps) + 1) - Math.Log(Math.Max(t, Eps) + 1);
        var (value, gradient) = MeanOf(
            (t, p) => Diff(t, p) * Diff(t, p),
            (t, p) => p < Eps ? 0.0 : 2 * Diff(t, p) / (p + 1));
        Check(r => new MeanSquaredLogarithmicError(r), yTrue, yPred, value, gradient);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(2.0)]
    public void Huber_MatchesFormula(double delta)
    {
        var (value, gradient) = MeanOf(
            (t, p) => Math.Abs(p - t) <= delta
                ? 0.5 * (p - t) * (p - t)
                : delta * Math.Abs(p - t) - 0.5 * delta * delta,
            (t, p) => Math.Abs(p - t) <= delta ? p - t : delta * Math.Sign(p - t));
        Check(r => new Huber(delta, r), YTrue, YPred, value, gradient);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void Huber_MatchesTorchHuberLoss(double delta)
    {
        var expected = nn.functional.huber_loss(Tensor2D(YPred), Tensor2D(YTrue), delta, nn.Reduction.None).mean([-1]);
        Close(expected.data<double>().ToArray(), new Huber(delta, "none").Call(Tensor2D(YTrue), Tensor2D(YPred)));
    }

    [Fact]
    public void LogCosh_MatchesFormula()
    {
        var (value, gradient) = MeanOf((t, p) => Math.Log(Math.Cosh(p - t)), (t, p) => Math.Tanh(p - t));
        Check(r => new LogCosh(r), YTrue, YPred, value, gradient);
    }

    [Fact]
    public void LogCosh_IsStableForLargeErrors()
    {
        // cosh(500) overflows a double; Keras' x + softplus(-2x) - log 2 gives |x| - log 2.
        var value = new LogCosh().Call(Tensor2D(new double[,] { { 0.0 } }), Tensor2D(new double[,] { { 500.0 } }));
        Close(500 - Math.Log(2), value.item<double>());
    }

    [Fact]
    public void KerasDocExamples()
    {
        // keras.losses.huber and keras.losses.log_cosh docstrings.
        var huber = new Huber().Call(Tensor2D(new double[,] { { 0, 1 }, { 0, 0 } }),
            Tensor2D(new double[,] { { 0.6, 0.4 }, { 0.4, 0.6 } }));
        Assert.Equal(0.155, huber.item<double>(), 1e-3);
        var logCosh = new LogCosh().Call(Tensor2D(new double[,] { { 0, 1 }, { 0, 0 } }),
            Tensor2D(new double[,] { { 1, 1 }, { 0, 0 } }));
        Assert.Equal(0.108, logCosh.item<double>(), 1e-3);
    }
}

using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>KL divergence and Poisson against hand-written formulas in doubles, and TorchSharp's <c>kl_div</c> and
/// <c>poisson_nll_loss</c> where their convention matches Keras'.</summary>
public class ProbabilisticLossTests
{
    private const double Eps = 1e-7;

    [Fact]
    public void KLDivergence_MatchesFormula_WithTargetsClippedToEpsilon()
    {
        // The second row's zero targets are clipped to 1e-7 as Keras does, so they add 1e-7 * log(1e-7 / p).
        double[,] yTrue = { { 0.2, 0.3, 0.5 }, { 0.0, 1.0, 0.0 } };
        double[,] yPred = { { 0.1, 0.6, 0.3 }, { 0.25, 0.5, 0.25 } };
        static double Clip(double v) => Math.Clamp(v, Eps, 1.0);
        Check(r => new KLDivergence(r), yTrue, yPred,
            (t, p) => t.Zip(p, (a, b) => Clip(a) * Math.Log(Clip(a) / Clip(b))).Sum(),
            (t, p) => t.Zip(p, (a, b) => -Clip(a) / b).ToArray());
    }

    [Fact]
    public void KLDivergence_MatchesTorchKlDiv_ForStrictlyPositiveTargets()
    {
        // torch's kl_div(input = log p, target = t) with log_target false is t * (log t - log p) (TorchSharp defaults
        // log_target to true): the same as Keras when no clipping applies.
        var yTrue = Tensor2D(new double[,] { { 0.2, 0.3, 0.5 }, { 0.6, 0.3, 0.1 } });
        var yPred = Tensor2D(new double[,] { { 0.1, 0.6, 0.3 }, { 0.25, 0.5, 0.25 } });
        var expected = nn.functional.kl_div(yPred.log(), yTrue, reduction: nn.Reduction.None, log_target: false)
            .sum([-1]);
        Close(expected.data<double>().ToArray(), new KLDivergence("none").Call(yTrue, yPred));
    }

    [Fact]
    public void KLDivergence_ClipsPredictions()
    {
        var value = new KLDivergence("none").Call(Tensor2D(new double[,] { { 1.0, 0.0 } }),
            Tensor2D(new double[,] { { 0.0, 1.0 } }));
        Close(new[] { Math.Log(1.0 / Eps) + Eps * Math.Log(Eps / 1.0) }, value);
    }

    [Fact]
    public void Poisson_MatchesFormula()
    {
        double[,] yTrue = { { 0, 1, 3 }, { 2, 0, 1 } };
        double[,] yPred = { { 0.5, 1.2, 2.5 }, { 1.7, 0.3, 0.9 } };
        var (value, gradient) = MeanOf((t, p) => p - t * Math.Log(p + Eps), (t, p) => 1 - t / (p + Eps));
        Check(r => new Poisson(r), yTrue, yPred, value, gradient);
    }

    [Fact]
    public void Poisson_MatchesTorchPoissonNllLoss()
    {
        // poisson_nll_loss(log_input: false, full: false) is input - target * log(input + eps), as Keras.
        var yTrue = Tensor2D(new double[,] { { 0, 1, 3 }, { 2, 0, 1 } });
        var yPred = Tensor2D(new double[,] { { 0.5, 1.2, 2.5 }, { 1.7, 0.3, 0.9 } });
        var expected = nn.functional.poisson_nll_loss(yPred, yTrue, log_input: false, full: false, eps: 1e-7f,
            reduction: nn.Reduction.None).mean([-1]);
        Close(expected.data<double>().ToArray(), new Poisson("none").Call(yTrue, yPred));
    }
}

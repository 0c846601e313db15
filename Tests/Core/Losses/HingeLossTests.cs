using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;

namespace Keras.Tests.Core.Losses;

/// <summary>Hinge, squared hinge and categorical hinge against hand-written formulas in doubles.</summary>
public class HingeLossTests
{
    // Margins 1 - t p of 1.3, 1.4, -0.5 and 0.2, 1.6, -1.0: active and inactive elements, none at the kink.
    private static readonly double[,] SignedLabels = { { -1, 1, 1 }, { 1, -1, -1 } };
    private static readonly double[,] BinaryLabels = { { 0, 1, 1 }, { 1, 0, 0 } };
    private static readonly double[,] Scores = { { 0.3, -0.4, 1.5 }, { 0.8, 0.6, -2.0 } };

    private static double Margin(double t, double p) => Math.Max(1 - t * p, 0);

    [Fact]
    public void Hinge_MatchesFormula()
    {
        var (value, gradient) = MeanOf(Margin, (t, p) => 1 - t * p > 0 ? -t : 0);
        Check(r => new Hinge(r), SignedLabels, Scores, value, gradient);
    }

    [Fact]
    public void SquaredHinge_MatchesFormula()
    {
        var (value, gradient) = MeanOf((t, p) => Margin(t, p) * Margin(t, p), (t, p) => -2 * t * Margin(t, p));
        Check(r => new SquaredHinge(r), SignedLabels, Scores, value, gradient);
    }

    [Fact]
    public void Hinge_ConvertsBinaryLabelsToSigned()
    {
        // 0/1 labels are mapped to -1/1, so they give the -1/1 results (value and gradient).
        var (value, gradient) = MeanOf(Margin, (t, p) => 1 - t * p > 0 ? -t : 0);
        Check(r => new Hinge(r), BinaryLabels, Scores,
            (t, p) => value(t.Select(y => 2 * y - 1).ToArray(), p),
            (t, p) => gradient(t.Select(y => 2 * y - 1).ToArray(), p));
        var (squared, squaredGradient) = MeanOf((t, p) => Margin(t, p) * Margin(t, p), (t, p) => -2 * t * Margin(t, p));
        Check(r => new SquaredHinge(r), BinaryLabels, Scores,
            (t, p) => squared(t.Select(y => 2 * y - 1).ToArray(), p),
            (t, p) => squaredGradient(t.Select(y => 2 * y - 1).ToArray(), p));
    }

    [Fact]
    public void Hinge_LeavesNonBinaryLabelsUnchanged()
    {
        // One label outside {0, 1} means none is converted, as Keras' convert_binary_labels_to_hinge.
        double[,] labels = { { 0, 1, 2 } };
        double[,] scores = { { 0.5, 0.25, 0.1 } };
        var value = new Hinge().Call(Tensor2D(labels), Tensor2D(scores));
        Close((Margin(0, 0.5) + Margin(1, 0.25) + Margin(2, 0.1)) / 3, value.item<double>());
    }

    [Fact]
    public void CategoricalHinge_MatchesFormula()
    {
        // Two rows with an active margin, one without.
        double[,] yTrue = { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } };
        double[,] yPred = { { 0.3, 0.5, 0.2 }, { 0.9, 0.1, 0.4 }, { 0.1, 0.2, 2.0 } };
        static (double Value, int ArgMax) Parts(double[] t, double[] p)
        {
            double pos = t.Zip(p, (a, b) => a * b).Sum();
            var negatives = t.Zip(p, (a, b) => (1 - a) * b).ToArray();
            int argMax = Array.IndexOf(negatives, negatives.Max());
            return (negatives[argMax] - pos + 1, argMax);
        }
        Check(r => new CategoricalHinge(r), yTrue, yPred,
            (t, p) => Math.Max(Parts(t, p).Value, 0),
            (t, p) =>
            {
                var (margin, argMax) = Parts(t, p);
                return t.Select((a, k) => margin > 0 ? (k == argMax ? 1 - a : 0) - a : 0).ToArray();
            });
    }
}

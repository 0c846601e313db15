using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>CosineSimilarity (Keras returns the negated cosine) against a hand-written formula in doubles and
/// TorchSharp's <c>cosine_similarity</c>.</summary>
public class CosineSimilarityTests
{
    private static readonly double[,] YTrue = { { 1, 2, 3 }, { 0, 1, 0 }, { 1, 1, 0 } };
    private static readonly double[,] YPred = { { 2, 1, 0.5 }, { 0.5, -1, 0.2 }, { -1, -1, 0 } };

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    [Fact]
    public void CosineSimilarity_MatchesFormula()
    {
        Check(r => new CosineSimilarity(reduction: r), YTrue, YPred,
            (t, p) => -t.Zip(p, (a, b) => a * b).Sum() / (Norm(t) * Norm(p)),
            (t, p) =>
            {
                // d(-t̂·p̂)/dp = -(t̂ - (t̂·p̂) p̂) / |p|
                var tHat = t.Select(a => a / Norm(t)).ToArray();
                var pHat = p.Select(b => b / Norm(p)).ToArray();
                double cos = tHat.Zip(pHat, (a, b) => a * b).Sum();
                return tHat.Zip(pHat, (a, b) => -(a - cos * b) / Norm(p)).ToArray();
            });
    }

    [Fact]
    public void CosineSimilarity_IsNegatedTorchCosineSimilarity()
    {
        var expected = -nn.functional.cosine_similarity(Tensor2D(YTrue), Tensor2D(YPred), dim: 1);
        var actual = new CosineSimilarity(reduction: "none").Call(Tensor2D(YTrue), Tensor2D(YPred));
        Close(expected.data<double>().ToArray(), actual);
    }

    [Fact]
    public void CosineSimilarity_KerasDocExample()
    {
        var values = new CosineSimilarity(reduction: "none").Call(
            Tensor2D(new double[,] { { 0, 1 }, { 1, 1 }, { 1, 1 } }),
            Tensor2D(new double[,] { { 1, 0 }, { 1, 1 }, { -1, -1 } }));
        Close(new[] { 0.0, -1.0, 1.0 }, values);
    }

    [Fact]
    public void CosineSimilarity_ZeroTarget_GivesZeroValueAndGradient()
    {
        var pred = Tensor2D(new double[,] { { 0.5, -2, 1 } }).requires_grad_();
        var loss = new CosineSimilarity().Call(Tensor2D(new double[,] { { 0, 0, 0 } }), pred);
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Close(new double[,] { { 0, 0, 0 } }, pred.grad!);
    }

    [Fact]
    public void CosineSimilarity_Axis0_ComparesColumns()
    {
        var values = new CosineSimilarity(axis: 0, reduction: "none").Call(Tensor2D(YTrue), Tensor2D(YPred));
        var expected = new double[3];
        for (int j = 0; j < 3; j++)
        {
            var t = Enumerable.Range(0, 3).Select(i => YTrue[i, j]).ToArray();
            var p = Enumerable.Range(0, 3).Select(i => YPred[i, j]).ToArray();
            expected[j] = -t.Zip(p, (a, b) => a * b).Sum() / (Norm(t) * Norm(p));
        }
        Close(expected, values);
    }
}

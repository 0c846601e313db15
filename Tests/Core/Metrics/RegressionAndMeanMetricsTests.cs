using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>Mean, MeanMetricWrapper, MeanAbsoluteError and MeanSquaredError against Keras' documented examples and
/// plain C# loops.</summary>
public class RegressionAndMeanMetricsTests
{
    private const int Digits = 5;

    [Fact]
    public void Mean_KerasExample()
    {
        using var m = new Mean();
        m.UpdateState(T([1, 3, 5, 7]));
        Assert.Equal(4.0, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([1, 3, 5, 7]), T([1, 1, 0, 0]));
        Assert.Equal(2.0, m.Result(), Digits);
    }

    [Fact]
    public void Mean_MatrixValues_AreAveragedPerSample_ThenWeighted()
    {
        using var m = new Mean();
        m.UpdateState(T([1, 2, 3, 10, 20, 30], 2, 3), T([3, 1]));
        // per-sample means 2 and 20, weighted 3:1
        Assert.Equal((3 * 2.0 + 1 * 20.0) / 4, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([1, 2, 3, 10, 20, 30], 2, 3), T([3, 1], 2, 1));
        Assert.Equal((3 * 2.0 + 1 * 20.0) / 4, m.Result(), Digits);
    }

    [Fact]
    public void Mean_ScalarWeightOverload_IsTheLossTrackerPath()
    {
        using var m = new Mean("loss");
        m.UpdateState(torch.tensor(2.0f), 32);
        m.UpdateState(torch.tensor(5.0f), 8);
        Assert.Equal((2.0 * 32 + 5.0 * 8) / 40, m.Result(), Digits);
        var ex = Assert.Throws<ArgumentException>(() => m.UpdateState(T([1, 2]), 2.0));
        Assert.Contains("0-d", ex.Message);
    }

    [Fact]
    public void Mean_TargetPredictionOverload_Throws()
    {
        using var m = new Mean();
        Assert.Throws<InvalidOperationException>(() => m.UpdateState(T([1]), T([1]), T([1])));
    }

    [Fact]
    public void MeanMetricWrapper_CustomFunction_IsWeightedMeanOfItsValues()
    {
        using var m = new MeanMetricWrapper((t, p) => (t - p).abs().max(-1).values, name: "max_abs");
        m.UpdateState(T([0, 0, 1, 1], 2, 2), T([0.5f, -2, 1, 1.25f], 2, 2), T([1, 3]));
        Assert.Equal((1 * 2.0 + 3 * 0.25) / 4, m.Result(), Digits);
        Assert.Equal("max_abs", m.Name);
    }

    [Fact]
    public void MeanSquaredError_And_MeanAbsoluteError_KerasExamples()
    {
        var yTrue = T([0, 1, 0, 0], 2, 2);
        var yPred = T([1, 1, 0, 0], 2, 2);
        using var mse = new MeanSquaredError();
        using var mae = new MeanAbsoluteError();
        mse.UpdateState(yTrue, yPred);
        mae.UpdateState(yTrue, yPred);
        Assert.Equal(0.25, mse.Result(), Digits);
        Assert.Equal(0.25, mae.Result(), Digits);
        mse.ResetState();
        mae.ResetState();
        mse.UpdateState(yTrue, yPred, T([1, 0]));
        mae.UpdateState(yTrue, yPred, T([1, 0]));
        Assert.Equal(0.5, mse.Result(), Digits);
        Assert.Equal(0.5, mae.Result(), Digits);
    }

    [Fact]
    public void RegressionMetrics_RandomWeightedBatches_MatchLoop()
    {
        const int n = 30, cols = 4;
        float[] t = Uniform(n * cols, 20, -2, 2), p = Uniform(n * cols, 21, -2, 2), w = Uniform(n, 22);
        double[] sq = new double[n], ab = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double d = t[i * cols + j] - p[i * cols + j];
                sq[i] += d * d / cols;
                ab[i] += Math.Abs(d) / cols;
            }
        }
        using var mse = new MeanSquaredError();
        using var mae = new MeanAbsoluteError();
        var (yTrue, yPred, weights) = (T(t, n, cols), T(p, n, cols), T(w));
        foreach (var (start, length) in new[] { (0, 10), (10, 20) })
        {
            var (t1, p1, w1) = (yTrue.narrow(0, start, length), yPred.narrow(0, start, length),
                weights.narrow(0, start, length));
            mse.UpdateState(t1, p1, w1);
            mae.UpdateState(t1, p1, w1);
        }
        Assert.Equal(WeightedMean(sq, w), mse.Result(), Digits);
        Assert.Equal(WeightedMean(ab, w), mae.Result(), Digits);
    }

    [Fact]
    public void Float64State_KeepsFullPrecision()
    {
        using var m = new Mean(dtype: "float64");
        m.UpdateState(torch.tensor(new[] { 1.0 + 1e-12, 1.0 }));
        Assert.Equal(1.0 + 0.5e-12, m.Result(), 15);
        Assert.Equal(torch.ScalarType.Float64, m.Variables[0].Value.dtype);
    }
}

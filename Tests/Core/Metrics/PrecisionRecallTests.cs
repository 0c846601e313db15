using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>Precision and Recall against Keras' documented examples and confusion counts taken in plain C#.</summary>
public class PrecisionRecallTests
{
    private const int Digits = 5;
    private const int N = 40;
    private const int Classes = 4;

    private static readonly float[] Truth = Ints(N * Classes, 30, 2).Select(v => (float)v).ToArray();
    private static readonly float[] Pred = Uniform(N * Classes, 31);
    private static readonly float[] SampleWeights = Uniform(N, 32);

    /// <summary>Weighted tp, fp, fn at <paramref name="threshold"/>: a prediction is positive when it is among its
    /// row's <paramref name="topK"/> (if set) and above the threshold; only column <paramref name="classId"/> counts
    /// when set.</summary>
    private static (double Tp, double Fp, double Fn) Oracle(double threshold, int? topK = null, int? classId = null,
        bool weighted = true)
    {
        double tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < N; i++)
        {
            var row = Row(Pred, Classes, i);
            var top = topK is int k
                ? row.Select((v, j) => (v, j)).OrderByDescending(x => x.v).Take(k).Select(x => x.j).ToHashSet()
                : Enumerable.Range(0, Classes).ToHashSet();
            double w = weighted ? SampleWeights[i] : 1.0;
            for (int j = 0; j < Classes; j++)
            {
                if (classId is int c && j != c)
                {
                    continue;
                }
                bool predicted = top.Contains(j) && row[j] > (float)threshold;
                bool actual = Truth[i * Classes + j] != 0;
                tp += predicted && actual ? w : 0;
                fp += predicted && !actual ? w : 0;
                fn += !predicted && actual ? w : 0;
            }
        }
        return (tp, fp, fn);
    }

    private static double Ratio(double a, double b) => a + b == 0 ? 0 : a / (a + b);

    [Fact]
    public void Precision_KerasExamples()
    {
        using var m = new Precision();
        m.UpdateState(T([0, 1, 1, 1]), T([1, 0, 1, 1]));
        Assert.Equal(2.0 / 3.0, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([0, 1, 1, 1]), T([1, 0, 1, 1]), T([0, 0, 1, 0]));
        Assert.Equal(1.0, m.Result(), Digits);
        using var top4 = new Precision(topK: 4);
        top4.UpdateState(T([0, 0, 1, 1]), T([1, 1, 1, 1]));
        Assert.Equal(0.5, top4.Result(), Digits);
    }

    [Fact]
    public void Recall_KerasExamples()
    {
        using var m = new Recall();
        m.UpdateState(T([0, 1, 1, 1]), T([1, 0, 1, 1]));
        Assert.Equal(2.0 / 3.0, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([0, 1, 1, 1]), T([1, 0, 1, 1]), T([0, 0, 1, 0]));
        Assert.Equal(1.0, m.Result(), Digits);
    }

    [Theory]
    [InlineData(new[] { 0.3, 0.5, 0.7 })]          // compared threshold by threshold
    [InlineData(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })] // evenly spaced: bucketed update
    public void PrecisionRecall_SeveralThresholds_MatchCounts(double[] thresholds)
    {
        using var precision = new Precision(thresholds);
        using var recall = new Recall(thresholds);
        var (y, p, w) = (T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        foreach (var (start, length) in new[] { (0, 15), (15, 25) })
        {
            precision.UpdateState(y.narrow(0, start, length), p.narrow(0, start, length), w.narrow(0, start, length));
            recall.UpdateState(y.narrow(0, start, length), p.narrow(0, start, length), w.narrow(0, start, length));
        }
        var expectedPrecision = thresholds.Select(t => Oracle(t)).Select(c => Ratio(c.Tp, c.Fp)).ToArray();
        var expectedRecall = thresholds.Select(t => Oracle(t)).Select(c => Ratio(c.Tp, c.Fn)).ToArray();
        AssertClose(expectedPrecision, precision.ResultPerThreshold());
        AssertClose(expectedRecall, recall.ResultPerThreshold());
        var ex = Assert.Throws<InvalidOperationException>(() => precision.Result());
        Assert.Contains("ResultPerThreshold()", ex.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void PrecisionRecall_SingleThreshold_MatchCounts(double threshold)
    {
        using var precision = new Precision(threshold);
        using var recall = new Recall(threshold);
        precision.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        recall.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        var c = Oracle(threshold);
        Assert.Equal(Ratio(c.Tp, c.Fp), precision.Result(), Digits);
        Assert.Equal(Ratio(c.Tp, c.Fn), recall.Result(), Digits);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PrecisionRecall_TopK_MatchCounts(int k)
    {
        using var precision = new Precision(topK: k);
        using var recall = new Recall(topK: k);
        precision.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes));
        recall.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes));
        var c = Oracle(-1e10, topK: k, weighted: false);
        Assert.Equal(Ratio(c.Tp, c.Fp), precision.Result(), Digits);
        Assert.Equal(Ratio(c.Tp, c.Fn), recall.Result(), Digits);
    }

    [Fact]
    public void PrecisionRecall_TopKWithThreshold_MatchCounts()
    {
        using var precision = new Precision(0.6, topK: 2);
        using var recall = new Recall(0.6, topK: 2);
        precision.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        recall.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        var c = Oracle(0.6, topK: 2);
        Assert.Equal(Ratio(c.Tp, c.Fp), precision.Result(), Digits);
        Assert.Equal(Ratio(c.Tp, c.Fn), recall.Result(), Digits);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(3, null)]
    [InlineData(2, 2)]
    public void PrecisionRecall_ClassId_MatchCountsOfThatColumn(int classId, int? topK)
    {
        using var precision = new Precision(classId: classId, topK: topK);
        using var recall = new Recall(classId: classId, topK: topK);
        precision.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        recall.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes), T(SampleWeights));
        var c = Oracle(topK is null ? 0.5 : -1e10, topK, classId);
        Assert.Equal(Ratio(c.Tp, c.Fp), precision.Result(), Digits);
        Assert.Equal(Ratio(c.Tp, c.Fn), recall.Result(), Digits);
    }

    [Fact]
    public void PrecisionRecall_PerElementWeights_Broadcast()
    {
        using var precision = new Precision();
        // y_pred > 0.5: [1, 0, 1, 1]; labels [0, 1, 1, 1]; element weights [2, 5, 3, 4]: tp 3 + 4, fp 2.
        precision.UpdateState(T([0, 1, 1, 1], 2, 2), T([0.9f, 0.1f, 0.8f, 0.7f], 2, 2), T([2, 5, 3, 4], 2, 2));
        Assert.Equal(7.0 / 9.0, precision.Result(), Digits);
    }

    [Fact]
    public void PrecisionRecall_InvalidArguments_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Precision([0.2, 1.5]));
        Assert.Equal("Threshold values must be in [0, 1]. Received: [1.5] (Parameter 'thresholds')", ex.Message);
        Assert.Equal("topK", Assert.Throws<ArgumentException>(() => new Recall(topK: 0)).ParamName);
        Assert.Equal("classId", Assert.Throws<ArgumentException>(() => new Recall(classId: -1)).ParamName);
        using var m = new Precision(classId: 4);
        var range = Assert.Throws<ArgumentException>(() => m.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes)));
        Assert.Contains("class_id=4 is out of range", range.Message);
        using var flat = new Recall(classId: 0);
        var rank = Assert.Throws<ArgumentException>(() => flat.UpdateState(T([0, 1]), T([0.2f, 0.8f])));
        Assert.Contains("y_pred must be a 2D array", rank.Message);
        using var top = new Precision(topK: 5);
        Assert.Contains("`top_k`=5", Assert.Throws<ArgumentException>(
            () => top.UpdateState(T(Truth, N, Classes), T(Pred, N, Classes))).Message);
        using var shapes = new Precision();
        Assert.Contains("must have the same shape", Assert.Throws<ArgumentException>(
            () => shapes.UpdateState(T([0, 1, 1]), T([0.2f, 0.8f]))).Message);
    }

    [Fact]
    public void PrecisionRecall_ResetState_ClearsCounts()
    {
        using var m = new Recall();
        m.UpdateState(T([1, 1]), T([0.9f, 0.1f]));
        Assert.Equal(0.5, m.Result(), Digits);
        m.ResetState();
        Assert.Equal(0.0, m.Result());
        m.UpdateState(T([1, 1]), T([0.9f, 0.8f]));
        Assert.Equal(1.0, m.Result(), Digits);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Digits);
        }
    }
}

using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy and the top-k accuracies against
/// Keras' documented examples and against plain C# loops on seeded random data.</summary>
public class AccuracyMetricsTests
{
    private const int Digits = 5;

    [Fact]
    public void Accuracy_KerasExample()
    {
        using var m = new Accuracy();
        m.UpdateState(T([1, 2, 3, 4], 4, 1), T([0, 2, 3, 4], 4, 1));
        Assert.Equal(0.75, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([1, 2, 3, 4], 4, 1), T([0, 2, 3, 4], 4, 1), T([1, 1, 0, 0]));
        Assert.Equal(0.5, m.Result(), Digits);
    }

    [Fact]
    public void Accuracy_RandomWeightedColumns_MatchesLoop()
    {
        const int n = 50, cols = 3;
        long[] truth = Ints(n * cols, 1, 3), pred = Ints(n * cols, 2, 3);
        float[] w = Uniform(n, 3);
        var perSample = Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, cols).Average(j => truth[i * cols + j] == pred[i * cols + j] ? 1.0 : 0.0))
            .ToArray();
        using var m = new Accuracy();
        m.UpdateState(L(truth, n, cols), L(pred, n, cols), T(w));
        Assert.Equal(WeightedMean(perSample, w), m.Result(), Digits);
    }

    [Fact]
    public void Accuracy_RankOneBatches_CountAsOneSampleEach_AsKeras()
    {
        // Keras averages rank-1 inputs over the last (only) axis, so each batch adds one value with weight 1.
        using var m = new Accuracy();
        m.UpdateState(T([1, 2, 3, 4]), T([0, 2, 3, 4]));
        m.UpdateState(T([1, 2]), T([0, 0]));
        Assert.Equal((0.75 + 0.0) / 2, m.Result(), Digits);
    }

    [Fact]
    public void BinaryAccuracy_KerasExample()
    {
        using var m = new BinaryAccuracy();
        m.UpdateState(T([1, 1, 0, 0], 4, 1), T([0.98f, 1, 0, 0.6f], 4, 1));
        Assert.Equal(0.75, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([1, 1, 0, 0], 4, 1), T([0.98f, 1, 0, 0.6f], 4, 1), T([1, 0, 0, 1]));
        Assert.Equal(0.5, m.Result(), Digits);
    }

    [Fact]
    public void BinaryAccuracy_CustomThreshold_MultiColumn_Weighted_MatchesLoop()
    {
        const int n = 40, cols = 3;
        float[] truth = Ints(n * cols, 4, 2).Select(v => (float)v).ToArray();
        float[] pred = Uniform(n * cols, 5);
        float[] w = Uniform(n, 6);
        var perSample = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, cols)
            .Average(j => (pred[i * cols + j] > 0.7f ? 1f : 0f) == truth[i * cols + j] ? 1.0 : 0.0)).ToArray();
        using var m = new BinaryAccuracy(threshold: 0.7);
        m.UpdateState(T(truth, n, cols), T(pred, n, cols), T(w));
        Assert.Equal(WeightedMean(perSample, w), m.Result(), Digits);
    }

    [Fact]
    public void BinaryAccuracy_RankOneLabels_WithColumnPredictions_ArePerSample()
    {
        using var m = new BinaryAccuracy();
        m.UpdateState(L([1, 0, 1, 0, 1]), T([0.9f, 0.2f, 0.4f, 0.7f, 0.51f], 5, 1), T([1, 2, 1, 1, 3]));
        // matches: 1, 1, 0, 0, 1 → (1 + 2 + 0 + 0 + 3) / 8
        Assert.Equal(6.0 / 8.0, m.Result(), Digits);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void BinaryAccuracy_ThresholdOutsideOpenUnitInterval_Throws(double threshold)
    {
        var ex = Assert.Throws<ArgumentException>(() => new BinaryAccuracy(threshold: threshold));
        Assert.Contains("Invalid value for argument `threshold`. Expected a value in interval (0, 1).", ex.Message);
        Assert.Equal("threshold", ex.ParamName);
    }

    [Fact]
    public void CategoricalAccuracy_KerasExample()
    {
        using var m = new CategoricalAccuracy();
        var yTrue = T([0, 0, 1, 0, 1, 0], 2, 3);
        var yPred = T([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0], 2, 3);
        m.UpdateState(yTrue, yPred);
        Assert.Equal(0.5, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(yTrue, yPred, T([0.7f, 0.3f]));
        Assert.Equal(0.3, m.Result(), Digits);
    }

    [Fact]
    public void CategoricalAccuracy_Random_AccumulatesAcrossBatches_MatchesLoop()
    {
        const int n = 60, classes = 5;
        long[] labels = Ints(n, 7, classes);
        float[] oneHot = new float[n * classes];
        for (int i = 0; i < n; i++)
        {
            oneHot[i * classes + labels[i]] = 1;
        }
        float[] pred = Uniform(n * classes, 8);
        float[] w = Uniform(n, 9);
        var perSample = Enumerable.Range(0, n)
            .Select(i => ArgMax(Row(pred, classes, i)) == labels[i] ? 1.0 : 0.0).ToArray();
        using var m = new CategoricalAccuracy();
        var yTrue = T(oneHot, n, classes);
        var yPred = T(pred, n, classes);
        var weights = T(w);
        foreach (var (start, length) in new[] { (0, 25), (25, 5), (30, 30) })
        {
            m.UpdateState(
                yTrue.narrow(0, start, length), yPred.narrow(0, start, length), weights.narrow(0, start, length));
        }
        Assert.Equal(WeightedMean(perSample, w), m.Result(), Digits);
    }

    [Fact]
    public void SparseCategoricalAccuracy_KerasExample()
    {
        using var m = new SparseCategoricalAccuracy();
        var yPred = T([0.1f, 0.6f, 0.3f, 0.05f, 0.95f, 0], 2, 3);
        m.UpdateState(T([2, 1], 2, 1), yPred);
        Assert.Equal(0.5, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([2, 1], 2, 1), yPred, T([0.7f, 0.3f]));
        Assert.Equal(0.3, m.Result(), Digits);
    }

    [Fact]
    public void SparseCategoricalAccuracy_IntLabelsOfRankOneAndTwo_AgreeWithLoop()
    {
        const int n = 45, classes = 4;
        long[] labels = Ints(n, 10, classes);
        float[] pred = Uniform(n * classes, 11);
        var perSample = Enumerable.Range(0, n)
            .Select(i => ArgMax(Row(pred, classes, i)) == labels[i] ? 1.0 : 0.0).ToArray();
        using var flat = new SparseCategoricalAccuracy();
        using var column = new SparseCategoricalAccuracy();
        flat.UpdateState(L(labels), T(pred, n, classes));
        column.UpdateState(L(labels, n, 1), T(pred, n, classes));
        Assert.Equal(perSample.Average(), flat.Result(), Digits);
        Assert.Equal(perSample.Average(), column.Result(), Digits);
    }

    [Fact]
    public void SparseCategoricalAccuracy_ComparesInTheLabelDtype_AsKeras()
    {
        // The arg-max (1) is cast to the float label dtype, so a label of 1.7 does not match (no truncation).
        using var m = new SparseCategoricalAccuracy();
        m.UpdateState(T([1.7f, 1f]), T([0.1f, 0.8f, 0.1f, 0.1f, 0.8f, 0.1f], 2, 3));
        Assert.Equal(0.5, m.Result(), Digits);
    }

    [Fact]
    public void TopKCategoricalAccuracy_KerasExample()
    {
        using var m = new TopKCategoricalAccuracy(k: 1);
        var yTrue = T([0, 0, 1, 0, 1, 0], 2, 3);
        var yPred = T([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0], 2, 3);
        m.UpdateState(yTrue, yPred);
        Assert.Equal(0.5, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(yTrue, yPred, T([0.7f, 0.3f]));
        Assert.Equal(0.3, m.Result(), Digits);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void TopKCategoricalAccuracy_Random_MatchesRankCount(int k)
    {
        const int n = 50, classes = 6;
        long[] labels = Ints(n, 12, classes);
        float[] oneHot = new float[n * classes];
        for (int i = 0; i < n; i++)
        {
            oneHot[i * classes + labels[i]] = 1;
        }
        float[] pred = Uniform(n * classes, 13);
        float[] w = Uniform(n, 14);
        var perSample = Enumerable.Range(0, n).Select(i =>
        {
            var row = Row(pred, classes, i);
            return row.Count(v => v > row[labels[i]]) < k ? 1.0 : 0.0;
        }).ToArray();
        using var m = new TopKCategoricalAccuracy(k);
        m.UpdateState(T(oneHot, n, classes), T(pred, n, classes), T(w));
        Assert.Equal(WeightedMean(perSample, w), m.Result(), Digits);
    }

    [Fact]
    public void TopKCategoricalAccuracy_DefaultKAboveClassCount_CountsEverySample()
    {
        using var m = new TopKCategoricalAccuracy();
        m.UpdateState(T([0, 0, 1, 0, 1, 0], 2, 3), T([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0], 2, 3));
        Assert.Equal(1.0, m.Result(), Digits);
    }

    [Fact]
    public void TopKAccuracy_TiesWithTheKthValue_CountAsHits_AsKerasTorch()
    {
        using var m = new SparseTopKCategoricalAccuracy(k: 1);
        m.UpdateState(L([1, 2]), T([0.4f, 0.4f, 0.2f, 0.5f, 0.3f, 0.2f], 2, 3));
        Assert.Equal(0.5, m.Result(), Digits);
    }

    [Fact]
    public void SparseTopKCategoricalAccuracy_KerasExample()
    {
        using var m = new SparseTopKCategoricalAccuracy(k: 1);
        var yPred = T([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0], 2, 3);
        m.UpdateState(L([2, 1]), yPred);
        Assert.Equal(0.5, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(L([2, 1]), yPred, T([0.7f, 0.3f]));
        Assert.Equal(0.3, m.Result(), Digits);
    }

    [Fact]
    public void SparseTopKCategoricalAccuracy_SequencePredictions_AreFlattenedPerStep()
    {
        const int n = 8, steps = 3, classes = 5;
        long[] labels = Ints(n * steps, 15, classes);
        float[] pred = Uniform(n * steps * classes, 16);
        var hits = Enumerable.Range(0, n * steps).Select(r =>
        {
            var row = Row(pred, classes, r);
            return row.Count(v => v > row[labels[r]]) < 2 ? 1.0 : 0.0;
        }).ToArray();
        var perSample = Enumerable.Range(0, n).Select(i => hits.Skip(i * steps).Take(steps).Average()).ToArray();
        using var m = new SparseTopKCategoricalAccuracy(k: 2);
        m.UpdateState(L(labels, n, steps), T(pred, n, steps, classes));
        Assert.Equal(perSample.Average(), m.Result(), Digits);
    }

    [Fact]
    public void TopK_NonPositiveK_Throws()
    {
        Assert.Equal("k", Assert.Throws<ArgumentException>(() => new TopKCategoricalAccuracy(0)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentException>(() => new SparseTopKCategoricalAccuracy(-1)).ParamName);
    }

    [Fact]
    public void ResultBeforeAnyUpdate_IsZero_AndResetClears()
    {
        using var m = new CategoricalAccuracy();
        Assert.Equal(0.0, m.Result());
        m.UpdateState(T([0, 1], 1, 2), T([0.2f, 0.8f], 1, 2));
        Assert.Equal(1.0, m.Result(), Digits);
        m.ResetState();
        Assert.Equal(0.0, m.Result());
        Assert.All(m.Variables, v => Assert.All(v.ToArray(), x => Assert.Equal(0f, x)));
        m.UpdateState(T([0, 1], 1, 2), T([0.9f, 0.1f], 1, 2));
        Assert.Equal(0.0, m.Result(), Digits);
    }

    [Fact]
    public void WeightsThatDoNotBroadcast_FailNamingSampleWeight()
    {
        using var m = new SparseCategoricalAccuracy();
        var ex = Assert.Throws<ArgumentException>(
            () => m.UpdateState(L([0, 1, 2]), T([1, 0, 0, 0, 1, 0, 0, 0, 1], 3, 3), T([1, 1])));
        Assert.Contains("`sample_weight` of shape (2,)", ex.Message);
        Assert.Equal("sampleWeight", ex.ParamName);
    }
}

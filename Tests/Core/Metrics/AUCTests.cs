using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>AUC against Keras' documented examples, against curve areas computed in plain C# from confusion counts
/// taken by the test itself at the same thresholds, and against the exact (rank-statistic) ROC AUC.</summary>
public class AUCTests
{
    private const int Digits = 5;

    /// <summary>Weighted confusion counts at each threshold, in double: positive when <c>pred &gt; t</c>.</summary>
    private static (double[] Tp, double[] Fp, double[] Tn, double[] Fn) Counts(float[] labels, float[] preds,
        IReadOnlyList<double> thresholds, float[]? weights = null)
    {
        int n = thresholds.Count;
        double[] tp = new double[n], fp = new double[n], tn = new double[n], fn = new double[n];
        for (int t = 0; t < n; t++)
        {
            float threshold = (float)thresholds[t];
            for (int i = 0; i < preds.Length; i++)
            {
                double w = weights?[i] ?? 1.0;
                bool predicted = preds[i] > threshold;
                bool actual = labels[i] != 0;
                if (predicted && actual) tp[t] += w;
                else if (predicted) fp[t] += w;
                else if (actual) fn[t] += w;
                else tn[t] += w;
            }
        }
        return (tp, fp, tn, fn);
    }

    private static double Div(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>The area under a curve given by points <c>(x[i], y[i])</c> with x decreasing in i, summed by
    /// trapezoids (or lower/upper rectangles).</summary>
    private static double Area(double[] x, double[] y, string method = "interpolation")
    {
        double area = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double height = method switch
            {
                "interpolation" => (y[i] + y[i + 1]) / 2,
                "minoring" => Math.Min(y[i], y[i + 1]),
                _ => Math.Max(y[i], y[i + 1]),
            };
            area += (x[i] - x[i + 1]) * height;
        }
        return area;
    }

    private static double RocArea((double[] Tp, double[] Fp, double[] Tn, double[] Fn) c,
        string method = "interpolation")
    {
        var tpr = c.Tp.Select((tp, i) => Div(tp, tp + c.Fn[i])).ToArray();
        var fpr = c.Fp.Select((fp, i) => Div(fp, fp + c.Tn[i])).ToArray();
        return Area(fpr, tpr, method);
    }

    /// <summary>Davis-Goadrich interpolated PR area: within each interval TP and P = TP + FP vary linearly and
    /// precision dTP/dP is integrated in closed form.</summary>
    private static double InterpolatedPrArea((double[] Tp, double[] Fp, double[] Tn, double[] Fn) c)
    {
        double area = 0;
        for (int i = 0; i + 1 < c.Tp.Length; i++)
        {
            double pA = c.Tp[i] + c.Fp[i], pB = c.Tp[i + 1] + c.Fp[i + 1];
            double dtp = c.Tp[i] - c.Tp[i + 1], dp = pA - pB;
            double slope = Div(dtp, Math.Max(dp, 0));
            double intercept = c.Tp[i + 1] - slope * pB;
            double ratio = pA > 0 && pB > 0 ? pA / pB : 1;
            area += Div(slope * (dtp + intercept * Math.Log(ratio)), Math.Max(c.Tp[i + 1] + c.Fn[i + 1], 0));
        }
        return area;
    }

    /// <summary>The exact ROC AUC: the probability that a positive outscores a negative (ties count half).</summary>
    private static double ExactRocAuc(float[] labels, float[] preds)
    {
        var pos = preds.Where((_, i) => labels[i] != 0).ToArray();
        var neg = preds.Where((_, i) => labels[i] == 0).ToArray();
        double wins = 0;
        foreach (var p in pos)
        {
            foreach (var q in neg)
            {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double)pos.Length * neg.Length);
    }

    private static (float[] Labels, float[] Preds) Scores(int n, int seed)
    {
        float[] labels = Ints(n, seed, 2).Select(v => (float)v).ToArray();
        float[] u = Uniform(n, seed + 1);
        // Positives in [0.25, 1), negatives in [0, 0.75): overlapping, spread over [0, 1].
        float[] preds = labels.Select((l, i) => l != 0 ? 0.25f + 0.75f * u[i] : 0.75f * u[i]).ToArray();
        return (labels, preds);
    }

    [Fact]
    public void KerasExample_ThreeThresholds()
    {
        using var m = new AUC(numThresholds: 3);
        m.UpdateState(T([0, 0, 1, 1]), T([0, 0.5f, 0.3f, 0.9f]));
        Assert.Equal(0.75, m.Result(), Digits);
        m.ResetState();
        m.UpdateState(T([0, 0, 1, 1]), T([0, 0.5f, 0.3f, 0.9f]), T([1, 0, 0, 1]));
        Assert.Equal(1.0, m.Result(), Digits);
    }

    [Theory]
    [InlineData("interpolation")]
    [InlineData("minoring")]
    [InlineData("majoring")]
    public void Roc_Default200Thresholds_IsTheTrapezoidAreaOfTheThresholdedCounts(string method)
    {
        var (labels, preds) = Scores(500, 40);
        float[] w = Uniform(500, 42, 0.5f, 2f);
        using var m = new AUC(summationMethod: method);
        var (y, p, sw) = (T(labels), T(preds), T(w));
        foreach (var (start, length) in new[] { (0, 100), (100, 150), (250, 250) })
        {
            m.UpdateState(y.narrow(0, start, length), p.narrow(0, start, length), sw.narrow(0, start, length));
        }
        Assert.Equal(RocArea(Counts(labels, preds, m.Thresholds, w), method), m.Result(), Digits);
    }

    [Fact]
    public void Roc_SummationMethods_BracketTheInterpolation()
    {
        var (labels, preds) = Scores(300, 43);
        using var low = new AUC(numThresholds: 20, summationMethod: "minoring");
        using var mid = new AUC(numThresholds: 20);
        using var high = new AUC(numThresholds: 20, summationMethod: "Majoring");
        foreach (var m in new[] { low, mid, high })
        {
            m.UpdateState(T(labels), T(preds));
        }
        Assert.True(low.Result() < mid.Result() && mid.Result() < high.Result());
    }

    [Fact]
    public void Roc_ApproachesTheExactAuc_AsThresholdsIncrease()
    {
        var (labels, preds) = Scores(2000, 44);
        double exact = ExactRocAuc(labels, preds);
        using var coarse = new AUC(numThresholds: 10);
        using var standard = new AUC();
        using var fine = new AUC(numThresholds: 2000);
        foreach (var m in new[] { coarse, standard, fine })
        {
            m.UpdateState(T(labels), T(preds));
        }
        Assert.InRange(exact, 0.7, 0.85);
        Assert.True(Math.Abs(standard.Result() - exact) < 2e-3, $"{standard.Result()} vs exact {exact}");
        Assert.True(Math.Abs(fine.Result() - exact) < 2e-4, $"{fine.Result()} vs exact {exact}");
        Assert.True(Math.Abs(coarse.Result() - exact) > Math.Abs(fine.Result() - exact));
    }

    [Fact]
    public void Roc_PerfectlySeparatedScores_GiveOne_AndReversedGiveZero()
    {
        using var perfect = new AUC();
        using var reversed = new AUC();
        perfect.UpdateState(T([0, 0, 1, 1]), T([0.1f, 0.2f, 0.8f, 0.9f]));
        reversed.UpdateState(T([1, 1, 0, 0]), T([0.1f, 0.2f, 0.8f, 0.9f]));
        Assert.Equal(1.0, perfect.Result(), Digits);
        Assert.Equal(0.0, reversed.Result(), Digits);
    }

    [Fact]
    public void Pr_Interpolation_MatchesDavisGoadrichAreaOfTheCounts()
    {
        var (labels, preds) = Scores(400, 45);
        using var m = new AUC(curve: "PR");
        m.UpdateState(T(labels), T(preds));
        Assert.Equal(InterpolatedPrArea(Counts(labels, preds, m.Thresholds)), m.Result(), Digits);
    }

    [Theory]
    [InlineData("minoring")]
    [InlineData("majoring")]
    public void Pr_Riemann_MatchesAreaOfPrecisionOverRecall(string method)
    {
        var (labels, preds) = Scores(400, 46);
        using var m = new AUC(numThresholds: 50, curve: "pr", summationMethod: method);
        m.UpdateState(T(labels), T(preds));
        var c = Counts(labels, preds, m.Thresholds);
        var recall = c.Tp.Select((tp, i) => Div(tp, tp + c.Fn[i])).ToArray();
        var precision = c.Tp.Select((tp, i) => Div(tp, tp + c.Fp[i])).ToArray();
        Assert.Equal(Area(recall, precision, method), m.Result(), Digits);
    }

    [Fact]
    public void CustomThresholds_UnevenlySpaced_UseTheGivenCutsPlusEnds()
    {
        var (labels, preds) = Scores(300, 47);
        using var m = new AUC(thresholds: [0.7, 0.2, 0.5]);
        Assert.Equal(5, m.NumThresholds);
        Assert.Equal([-1e-7, 0.2, 0.5, 0.7, 1 + 1e-7], m.Thresholds);
        m.UpdateState(T(labels), T(preds));
        Assert.Equal(RocArea(Counts(labels, preds, m.Thresholds)), m.Result(), Digits);
        Assert.Equal(new[] { 0.2, 0.5, 0.7 }, (double[])m.GetConfig()["thresholds"]!);
    }

    [Fact]
    public void CustomThresholds_EvenlySpaced_AgreeWithNumThresholds()
    {
        var (labels, preds) = Scores(300, 48);
        using var byCount = new AUC(numThresholds: 5);
        using var byList = new AUC(thresholds: [0.25, 0.5, 0.75]);
        byCount.UpdateState(T(labels), T(preds));
        byList.UpdateState(T(labels), T(preds));
        Assert.Equal(byCount.Result(), byList.Result(), Digits);
        Assert.Equal(RocArea(Counts(labels, preds, byCount.Thresholds)), byCount.Result(), Digits);
    }

    [Fact]
    public void FromLogits_AppliesSigmoid()
    {
        var (labels, preds) = Scores(200, 49);
        var logits = preds.Select(p => (float)Math.Log(p / (1 - p + 1e-12) + 1e-12)).ToArray();
        var probabilities = logits.Select(z => (float)(1 / (1 + Math.Exp(-z)))).ToArray();
        using var m = new AUC(fromLogits: true);
        m.UpdateState(T(labels), T(logits));
        Assert.Equal(RocArea(Counts(labels, probabilities, m.Thresholds)), m.Result(), 4);
    }

    [Fact]
    public void NotMultiLabel_FlattensLabelColumns_AndLabelWeightsWeighPredictions()
    {
        const int n = 100, labelsPerRow = 3;
        float[] labels = Ints(n * labelsPerRow, 50, 2).Select(v => (float)v).ToArray();
        float[] preds = Uniform(n * labelsPerRow, 51);
        double[] labelWeights = [1.0, 0.5, 2.0];
        float[] elementWeights = Enumerable.Range(0, n * labelsPerRow)
            .Select(i => (float)labelWeights[i % labelsPerRow]).ToArray();
        using var plain = new AUC();
        using var weighted = new AUC(labelWeights: labelWeights);
        plain.UpdateState(T(labels, n, labelsPerRow), T(preds, n, labelsPerRow));
        weighted.UpdateState(T(labels, n, labelsPerRow), T(preds, n, labelsPerRow));
        Assert.Equal(RocArea(Counts(labels, preds, plain.Thresholds)), plain.Result(), Digits);
        Assert.Equal(RocArea(Counts(labels, preds, weighted.Thresholds, elementWeights)), weighted.Result(), Digits);
    }

    [Theory]
    [InlineData(null, false, "ROC")]
    [InlineData(3, false, "ROC")]
    [InlineData(null, true, "ROC")]
    [InlineData(3, false, "PR")]
    [InlineData(null, true, "PR")]
    public void MultiLabel_AveragesPerLabelAucs(int? numLabels, bool unevenThresholds, string curve)
    {
        const int n = 120, labelsPerRow = 3;
        float[] labels = Ints(n * labelsPerRow, 52, 2).Select(v => (float)v).ToArray();
        float[] u = Uniform(n * labelsPerRow, 53);
        float[] preds = labels.Select((l, i) => l != 0 ? 0.3f + 0.7f * u[i] : 0.7f * u[i]).ToArray();
        double[]? thresholds = unevenThresholds ? [0.1, 0.35, 0.4, 0.8] : null;
        double[] labelWeights = [1.0, 3.0, 0.0];
        using var even = new AUC(curve: curve, multiLabel: true, numLabels: numLabels, thresholds: thresholds);
        using var weighted = new AUC(curve: curve, multiLabel: true, numLabels: numLabels, thresholds: thresholds,
            labelWeights: labelWeights);
        foreach (var m in new[] { even, weighted })
        {
            m.UpdateState(T(labels, n, labelsPerRow), T(preds, n, labelsPerRow));
        }
        var perLabel = Enumerable.Range(0, labelsPerRow).Select(j =>
        {
            var col = Enumerable.Range(0, n).Select(i => i * labelsPerRow + j).ToArray();
            var counts = Counts(col.Select(k => labels[k]).ToArray(), col.Select(k => preds[k]).ToArray(),
                even.Thresholds);
            return curve == "ROC" ? RocArea(counts) : InterpolatedPrArea(counts);
        }).ToArray();
        Assert.Equal(perLabel.Average(), even.Result(), Digits);
        Assert.Equal((perLabel[0] + 3 * perLabel[1]) / 4, weighted.Result(), Digits);
    }

    [Fact]
    public void MultiLabel_BeforeFirstUpdate_HasNoStateAndResultZero()
    {
        using var m = new AUC(multiLabel: true);
        Assert.Empty(m.Variables);
        Assert.Equal(0.0, m.Result());
        m.ResetState();
        m.UpdateState(T([0, 1, 1, 0], 2, 2), T([0.2f, 0.9f, 0.6f, 0.4f], 2, 2));
        Assert.Equal(4, m.Variables.Count);
        Assert.Equal([200L, 2L], m.Variables[0].Value.shape);
        var ex = Assert.Throws<ArgumentException>(() => m.UpdateState(T([0, 1, 1], 1, 3), T([0.2f, 0.9f, 0.6f], 1, 3)));
        Assert.Contains("built for 2 labels", ex.Message);
        var rank = Assert.Throws<ArgumentException>(() => m.UpdateState(T([0, 1]), T([0.2f, 0.9f])));
        Assert.Contains("`y_pred` must have rank 2 when `multi_label=True`. Found rank 1.", rank.Message);
    }

    [Fact]
    public void InvalidArguments_ThrowKerasMessages()
    {
        Assert.Equal(
            "Invalid AUC curve value: \"XY\". Expected values are [\"PR\", \"ROC\"] (Parameter 'curve')",
            Assert.Throws<ArgumentException>(() => new AUC(curve: "XY")).Message);
        Assert.StartsWith("Invalid AUC summation method value: \"trapezoid\". Expected values are " +
            "[\"interpolation\", \"majoring\", \"minoring\"]",
            Assert.Throws<ArgumentException>(() => new AUC(summationMethod: "trapezoid")).Message);
        Assert.StartsWith("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=1",
            Assert.Throws<ArgumentException>(() => new AUC(numThresholds: 1)).Message);
        Assert.StartsWith("`num_labels` is needed only when `multi_label` is True.",
            Assert.Throws<ArgumentException>(() => new AUC(numLabels: 3)).Message);
        Assert.Contains("`label_weights` has 2 entries but there are 3 labels",
            Assert.Throws<ArgumentException>(
                () => new AUC(multiLabel: true, numLabels: 3, labelWeights: [1, 2])).Message);
    }

    [Fact]
    public void ResetState_ClearsCounts()
    {
        using var m = new AUC();
        m.UpdateState(T([1, 1, 0, 0]), T([0.1f, 0.2f, 0.8f, 0.9f]));
        Assert.Equal(0.0, m.Result(), Digits);
        m.ResetState();
        Assert.All(m.Variables, v => Assert.All(v.ToArray(), x => Assert.Equal(0f, x)));
        m.UpdateState(T([0, 0, 1, 1]), T([0.1f, 0.2f, 0.8f, 0.9f]));
        Assert.Equal(1.0, m.Result(), Digits);
    }
}

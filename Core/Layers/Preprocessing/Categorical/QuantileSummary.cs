namespace Keras.Layers;

/// <summary>The approximate quantile summary of Keras' <c>Discretization.adapt</c> (<c>summarize</c>,
/// <c>merge_summaries</c>, <c>compress_summary</c>, <c>get_bin_boundaries</c>), with numpy's float32/float64 arithmetic
/// reproduced step by step so adapted boundaries equal Keras'.</summary>
internal sealed class QuantileSummary
{
    private QuantileSummary(float[] values, float[] weights)
    {
        Values = values;
        Weights = weights;
    }

    /// <summary>The partition values, increasing.</summary>
    public float[] Values { get; }

    /// <summary>The weight (count) of each value.</summary>
    public float[] Weights { get; }

    /// <summary>An empty summary.</summary>
    public static QuantileSummary Empty { get; } = new([], []);

    /// <summary>Keras' <c>summarize</c>: every <c>max(n·ε, 1)</c>-th sorted value, weighted by that step.</summary>
    /// <param name="data">The values (any shape, flattened).</param>
    /// <param name="epsilon">The error tolerance.</param>
    /// <returns>The summary.</returns>
    public static QuantileSummary Summarize(float[] data, double epsilon)
    {
        var values = (float[])data.Clone();
        Array.Sort(values);
        double increment = values.Length / (1.0 / epsilon);
        double step = Math.Max(increment, 1);
        int start = (int)increment;
        int stride = (int)step;
        var picked = new List<float>();
        for (int i = start; i < values.Length; i += stride)
        {
            picked.Add(values[i]);
        }
        return new QuantileSummary([.. picked], Enumerable.Repeat((float)step, picked.Count).ToArray());
    }

    /// <summary>Keras' <c>merge_summaries</c>: both summaries sorted by value together, then compressed.</summary>
    /// <param name="next">The summary of the new batch.</param>
    /// <param name="epsilon">The error tolerance.</param>
    /// <returns>The merged summary.</returns>
    public QuantileSummary Merge(QuantileSummary next, double epsilon)
    {
        var pairs = next.Values.Zip(next.Weights).Concat(Values.Zip(Weights)).OrderBy(p => p.First).ToArray();
        return new QuantileSummary(pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray())
            .Compress(epsilon);
    }

    /// <summary>Keras' <c>get_bin_boundaries</c>: the summary compressed to <paramref name="numBins"/> parts, last
    /// value dropped.</summary>
    /// <param name="numBins">The number of bins.</param>
    /// <returns>The boundaries.</returns>
    public double[] BinBoundaries(int numBins)
    {
        var values = Compress(1.0 / numBins).Values;
        return values.Take(Math.Max(0, values.Length - 1)).Select(v => (double)v).ToArray();
    }

    /// <summary>Keras' <c>compress_summary</c>: values and cumulative weights interpolated at the percentiles
    /// <c>ε, 2ε, ..., </c> (numpy's <c>arange</c> and <c>interp</c>), unless the summary is already small.</summary>
    private QuantileSummary Compress(double epsilon)
    {
        if (Values.Length * epsilon < 1)
        {
            return this;
        }
        int count = (int)Math.Ceiling(1.0 / epsilon);
        var percents = new double[count];
        for (int i = 0; i < count; i++)
        {
            percents[i] = epsilon + i * epsilon;
        }
        var cumulative = new float[Weights.Length];
        float sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i];
            cumulative[i] = sum;
        }
        var cumulativePercents = cumulative.Select(c => (double)(c / cumulative[^1])).ToArray();
        var newValues = Interp(percents, cumulativePercents, Values.Select(v => (double)v).ToArray());
        var newCumulative = Interp(percents, cumulativePercents, cumulative.Select(c => (double)c).ToArray());
        var newWeights = new float[count];
        for (int i = 0; i < count; i++)
        {
            newWeights[i] = (float)(newCumulative[i] - (i == 0 ? 0 : newCumulative[i - 1]));
        }
        return new QuantileSummary(newValues.Select(v => (float)v).ToArray(), newWeights);
    }

    /// <summary>numpy's <c>interp</c> for increasing <paramref name="xp"/>.</summary>
    private static double[] Interp(double[] x, double[] xp, double[] fp)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (xp.Length == 1 || v >= xp[^1])
            {
                result[i] = xp.Length == 1 ? fp[0] : fp[^1];
                continue;
            }
            if (v < xp[0])
            {
                result[i] = fp[0];
                continue;
            }
            int j = UpperBound(xp, v) - 1;
            if (v == xp[j])
            {
                result[i] = fp[j];
                continue;
            }
            double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
            result[i] = slope * (v - xp[j]) + fp[j];
            if (double.IsNaN(result[i]))
            {
                result[i] = slope * (v - xp[j + 1]) + fp[j + 1];
                if (double.IsNaN(result[i]) && fp[j] == fp[j + 1])
                {
                    result[i] = fp[j];
                }
            }
        }
        return result;
    }

    /// <summary>The first index whose value is greater than <paramref name="value"/>.</summary>
    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}

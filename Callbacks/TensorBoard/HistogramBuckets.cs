namespace Keras.Callbacks;

/// <summary>TensorBoard's histogram bucketing (<c>tensorboard.plugins.histogram.summary_v2._buckets</c>).</summary>
internal static class HistogramBuckets
{
    /// <summary>TensorBoard's <c>DEFAULT_BUCKET_COUNT</c>.</summary>
    internal const int DefaultCount = 30;

    /// <summary>The <c>[k, 3]</c> rows <c>[left_edge, right_edge, count]</c> of <paramref name="data"/>: no rows
    /// for no data; one row <c>[v - 0.5, v + 0.5, n]</c> when every value is <c>v</c>; otherwise
    /// <paramref name="bucketCount"/> equal-width buckets from the minimum to the maximum, the maximum counted in
    /// the last one.</summary>
    internal static double[,] Compute(ReadOnlySpan<double> data, int bucketCount = DefaultCount)
    {
        if (data.IsEmpty)
        {
            return new double[0, 3];
        }
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double v in data)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double range = max - min;
        if (range == 0)
        {
            return new[,] { { min - 0.5, min + 0.5, data.Length } };
        }
        double width = range / bucketCount;
        var counts = new double[bucketCount];
        foreach (double v in data)
        {
            int index = (int)Math.Floor((v - min) / width);
            counts[Math.Min(index, bucketCount - 1)] += 1;
        }
        var rows = new double[bucketCount, 3];
        for (int i = 0; i < bucketCount; i++)
        {
            rows[i, 0] = Edge(i);
            rows[i, 1] = i == bucketCount - 1 ? max : Edge(i + 1);
            rows[i, 2] = counts[i];
        }
        return rows;

        // tf.linspace(min, max, count + 1): min + i * (max - min) / count.
        double Edge(int i) => min + i * (range / bucketCount);
    }
}

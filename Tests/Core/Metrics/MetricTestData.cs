namespace Keras.Tests.Core.Metrics;

/// <summary>Small helpers for the metric tests: tensors from arrays, seeded random data, and plain C# reductions
/// used as independent oracles.</summary>
internal static class MetricTestData
{
    internal static Tensor T(float[] values, params long[] shape) =>
        torch.tensor(values).reshape(shape.Length == 0 ? [values.Length] : shape);

    internal static Tensor L(long[] values, params long[] shape) =>
        torch.tensor(values).reshape(shape.Length == 0 ? [values.Length] : shape);

    internal static float[] Uniform(int n, int seed, float low = 0f, float high = 1f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => low + (float)random.NextDouble() * (high - low)).ToArray();
    }

    internal static long[] Ints(int n, int seed, int maxExclusive)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (long)random.Next(maxExclusive)).ToArray();
    }

    /// <summary>The weighted mean of per-sample values, <c>sum(w v) / sum(w)</c>, in double.</summary>
    internal static double WeightedMean(double[] perSample, float[]? weights = null)
    {
        double total = 0, count = 0;
        for (int i = 0; i < perSample.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            total += w * perSample[i];
            count += w;
        }
        return count == 0 ? 0 : total / count;
    }

    /// <summary>Row <paramref name="i"/> of a row-major matrix with <paramref name="cols"/> columns.</summary>
    internal static float[] Row(float[] matrix, int cols, int i) => matrix.Skip(i * cols).Take(cols).ToArray();

    internal static int ArgMax(float[] row)
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best])
            {
                best = j;
            }
        }
        return best;
    }
}

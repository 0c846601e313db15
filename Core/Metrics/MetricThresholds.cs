namespace Keras.Metrics;

/// <summary>A metric's sorted decision thresholds, as numbers and as a detached tensor in the state dtype
/// (Keras' <c>parse_init_thresholds</c> and <c>is_evenly_distributed_thresholds</c>).</summary>
internal sealed class MetricThresholds : IDisposable
{
    /// <summary>The threshold used for top-k without explicit thresholds (Keras' <c>NEG_INF</c>).</summary>
    internal const double NegInf = -1e10;

    internal MetricThresholds(double[] values, string dtype, bool evenlyDistributed)
    {
        Values = values;
        EvenlyDistributed = evenlyDistributed;
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        Tensor = Backend.KerasBackend.Current.ToTensor(values, "thresholds").to_type(Ops.DType(dtype))
            .DetachFromDisposeScope();
    }

    /// <summary>The thresholds, in order.</summary>
    internal IReadOnlyList<double> Values { get; }

    /// <summary>The thresholds as a 1-D tensor in the state dtype (owned; never dispose it elsewhere).</summary>
    internal Tensor Tensor { get; }

    /// <summary>Whether the thresholds are <c>i / (n - 1)</c> for <c>i = 0..n-1</c> (so bucketing can replace the
    /// threshold-by-prediction comparison).</summary>
    internal bool EvenlyDistributed { get; }

    /// <summary>Whether the end thresholds lie just outside <c>[0, 1]</c> (AUC's <c>-ε</c> and <c>1+ε</c>).</summary>
    internal bool WithEpsilon => Values[0] < 0.0 || Values[^1] > 1.0;

    internal int Count => Values.Count;

    /// <summary>Keras' <c>parse_init_thresholds</c>: the given thresholds (each in [0, 1]) or the default.</summary>
    internal static double[] Parse(double[]? thresholds, double defaultThreshold)
    {
        if (thresholds is null)
        {
            return [defaultThreshold];
        }
        if (thresholds.Length == 0)
        {
            throw new ArgumentException("Argument `thresholds` must not be empty.", nameof(thresholds));
        }
        var invalid = thresholds.Where(t => double.IsNaN(t) || t < 0 || t > 1).ToArray();
        if (invalid.Length > 0)
        {
            throw new ArgumentException(
                $"Threshold values must be in [0, 1]. Received: [{string.Join(", ", invalid)}]", nameof(thresholds));
        }
        return (double[])thresholds.Clone();
    }

    /// <summary>Keras' <c>is_evenly_distributed_thresholds</c>: at least 3 values, each within
    /// <c>1e-7 + 1e-5 |i/(n-1)|</c> of <c>i/(n-1)</c> (numpy's <c>allclose</c> against a float32 range).</summary>
    internal static bool IsEvenlyDistributed(IReadOnlyList<double> thresholds)
    {
        int n = thresholds.Count;
        if (n < 3)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            double even = (float)i / (n - 1);
            if (Math.Abs(thresholds[i] - even) > Ops.Epsilon + 1e-5 * Math.Abs(even))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Frees the threshold tensor.</summary>
    public void Dispose() => Tensor.Dispose();
}

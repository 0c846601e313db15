namespace Keras.Metrics;

/// <summary>The weighted <c>total</c>/<c>count</c> pair behind <see cref="Mean"/> and
/// <see cref="MeanMetricWrapper"/>: Keras' <c>Mean.update_state</c> (with <c>reduce_to_samplewise_values</c>) and
/// <c>Mean.result</c>, written once.</summary>
/// <remarks>Updates are in-place tensor ops (no read-back); only <see cref="Result"/> synchronises.</remarks>
internal sealed class MeanAccumulator(Variable total, Variable count, string metricName)
{
    /// <summary>Adds values (any shape): each sample's values are averaged over the non-batch axes, weighted by
    /// <paramref name="sampleWeight"/> when given, and counted once per sample (or by weight).</summary>
    internal void Add(Tensor values, Tensor? sampleWeight)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var dtype = total.Value.dtype;
        var v = values.dtype == dtype ? values.detach() : values.detach().to_type(dtype);
        Tensor? w = null;
        if (sampleWeight is not null)
        {
            w = sampleWeight.detach().to_type(dtype);
            (v, w) = MetricsUtils.SqueezeOrExpandToSameRank(v, w);
            long weightRank = w.dim();
            if (v.dim() > weightRank)
            {
                v = v.mean(MetricsUtils.Axes(weightRank, v.dim()));
            }
            w = MetricsUtils.BroadcastWeight(w, v.shape, metricName);
            v = v * w;
            if (weightRank > 1)
            {
                w = w.mean(MetricsUtils.Axes(1, weightRank));
            }
        }
        if (v.dim() > 1)
        {
            v = v.mean(MetricsUtils.Axes(1, v.dim()));
        }
        total.Value.add_(v.sum());
        if (w is not null)
        {
            count.Value.add_(w.sum());
        }
        else
        {
            count.Value.add_(v.dim() >= 1 ? v.shape[0] : 1);
        }
    }

    /// <summary>Adds one value with a scalar weight (Keras' fast path for a 0-d value and a number weight).</summary>
    internal void Add(Tensor value, double weight)
    {
        if (value.dim() != 0)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": a scalar weight needs a 0-d value. Received: value.shape=" +
                $"{new Shape(value.shape)}; pass a weight tensor instead.", nameof(value));
        }
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        total.Value.add_(value.detach().to_type(total.Value.dtype), weight);
        count.Value.add_(weight);
    }

    /// <summary><c>total / count</c>, or 0 when nothing was counted (Keras' <c>divide_no_nan</c>).</summary>
    internal double Result()
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return MetricsUtils.ReadDouble(Ops.DivideNoNan(total.Value, count.Value));
    }
}

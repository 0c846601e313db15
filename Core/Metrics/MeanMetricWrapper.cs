namespace Keras.Metrics;

/// <summary>Turns a per-sample function <c>fn(yTrue, yPred)</c> into a metric that reports the weighted mean of its
/// values over everything seen (<c>keras.metrics.MeanMetricWrapper</c>); the accuracy and regression metrics are
/// built on it.</summary>
/// <remarks>Each update runs <c>fn</c>, averages its values over the non-batch axes, weights them by
/// <c>sampleWeight</c> and adds them to <c>total</c>/<c>count</c> in place; <see cref="Result"/> is
/// <c>total / count</c> (0 before any update).</remarks>
/// <example><code>
/// var mse = new MeanMetricWrapper((yTrue, yPred) => (yTrue - yPred).square().mean([-1]), name: "my_mse");
/// mse.UpdateState(targets, predictions);
/// double value = mse.Result();
/// </code></example>
public class MeanMetricWrapper : Metric
{
    private readonly Func<Tensor, Tensor, Tensor> _fn;
    private readonly MeanAccumulator _mean;

    /// <summary>Creates the metric.</summary>
    /// <param name="fn">The per-sample function; it returns values of shape <c>(batch, ...)</c>.</param>
    /// <param name="name">The name. Defaults to <c>"mean_metric_wrapper"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public MeanMetricWrapper(Func<Tensor, Tensor, Tensor> fn, string name = "mean_metric_wrapper",
        string dtype = "float32") : base(name, dtype)
    {
        ArgumentNullException.ThrowIfNull(fn);
        _fn = fn;
        _mean = new MeanAccumulator(AddState("total", []), AddState("count", []), name);
    }

    /// <summary>Accumulates <c>fn(yTrue, yPred)</c>, weighted by <paramref name="sampleWeight"/> when given.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">Optional weights, one per sample (or broadcastable to the function's values).</param>
    /// <exception cref="ArgumentException">The shapes do not fit the function, or the weights do not
    /// broadcast.</exception>
    public sealed override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        _mean.Add(_fn(yTrue.detach(), yPred.detach()), WithMask(sampleWeight, KerasMask.Get(yPred)));
    }

    /// <inheritdoc />
    public sealed override double Result() => _mean.Result();

    /// <summary>Keras' <c>apply_mask(..., reduction="sum")</c>: a prediction's mask (e.g. padded timesteps) multiplies
    /// the sample weights, so masked positions do not count.</summary>
    private static Tensor? WithMask(Tensor? sampleWeight, Tensor? mask)
    {
        if (mask is null)
        {
            return sampleWeight;
        }
        var weights = mask.to_type(torch.ScalarType.Float32);
        if (sampleWeight is null)
        {
            return weights;
        }
        var (m, w) = MetricsUtils.SqueezeOrExpandToSameRank(weights, sampleWeight.to_type(torch.ScalarType.Float32));
        return m * w;
    }
}

namespace Keras.Metrics;

/// <summary>How often thresholded predictions match binary labels (<c>keras.metrics.BinaryAccuracy</c>).</summary>
/// <remarks>A prediction counts as 1 when it is above <see cref="Threshold"/>; per sample, the fraction of matches
/// along the last axis.</remarks>
/// <example><code>
/// var m = new BinaryAccuracy();
/// m.UpdateState(Ops.Constant([1f, 1f, 0f, 0f], [4, 1]), Ops.Constant([0.98f, 1f, 0f, 0.6f], [4, 1]));
/// double value = m.Result();   // 0.75
/// </code></example>
public sealed class BinaryAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"binary_accuracy"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <param name="threshold">Predictions above it count as 1. Defaults to 0.5; must lie in (0, 1).</param>
    /// <exception cref="ArgumentException"><paramref name="threshold"/> is outside (0, 1).</exception>
    public BinaryAccuracy(string name = "binary_accuracy", string dtype = "float32", double threshold = 0.5)
        : base(Function(ValidThreshold(threshold)), name, dtype)
    {
        Threshold = threshold;
    }

    /// <summary>The decision threshold.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["threshold"] = Threshold;
        return config;
    }

    private static double ValidThreshold(double threshold) => threshold > 0 && threshold < 1
        ? threshold
        : throw new ArgumentException(
            "Invalid value for argument `threshold`. Expected a value in interval (0, 1). " +
            $"Received: threshold={threshold}", nameof(threshold));

    private static Func<Tensor, Tensor, Tensor> Function(double threshold) => (t, p) => Compute(t, p, threshold);

    /// <summary>Keras' <c>binary_accuracy</c>: <c>mean(y_true == (y_pred &gt; threshold), axis=-1)</c>.</summary>
    private static Tensor Compute(Tensor yTrue, Tensor yPred, double threshold)
    {
        var (t, p) = MetricsUtils.SqueezeOrExpandToSameRank(yTrue, yPred);
        var predicted = p.gt(threshold).to_type(t.dtype);
        return t.eq(predicted).to_type(Ops.DType("float32")).mean([-1]);
    }
}

namespace Keras.Metrics;

/// <summary>How often predictions equal labels exactly (<c>keras.metrics.Accuracy</c>).</summary>
/// <remarks>Per sample, the fraction of equal entries along the last axis; compare class ids with class ids. The
/// string <c>"accuracy"</c> picks binary, categorical or sparse categorical accuracy instead, as Keras'
/// <c>compile</c>.</remarks>
/// <example><code>
/// var m = new Accuracy();
/// m.UpdateState(Ops.Constant([1f, 2f, 3f, 4f], [4, 1]), Ops.Constant([0f, 2f, 3f, 4f], [4, 1]));
/// double value = m.Result();   // 0.75
/// </code></example>
public sealed class Accuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"accuracy"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public Accuracy(string name = "accuracy", string dtype = "float32") : base(Compute, name, dtype)
    {
    }

    /// <summary>Keras' <c>accuracy</c>: <c>mean(y_true == y_pred, axis=-1)</c> after matching ranks.</summary>
    private static Tensor Compute(Tensor yTrue, Tensor yPred)
    {
        var (t, p) = MetricsUtils.SqueezeOrExpandToSameRank(yTrue.to_type(yPred.dtype), yPred);
        return t.eq(p).to_type(Ops.DType("float32")).mean([-1]);
    }
}

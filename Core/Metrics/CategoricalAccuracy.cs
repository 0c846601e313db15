namespace Keras.Metrics;

/// <summary>How often the arg-max prediction matches the arg-max of one-hot labels
/// (<c>keras.metrics.CategoricalAccuracy</c>).</summary>
/// <remarks>Logits work as well as probabilities, since the arg-max is the same.</remarks>
/// <example><code>
/// var m = new CategoricalAccuracy();
/// var yTrue = Ops.Constant([0f, 0f, 1f, 0f, 1f, 0f], [2, 3]);
/// m.UpdateState(yTrue, Ops.Constant([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0f], [2, 3]));
/// double value = m.Result();   // 0.5
/// </code></example>
public sealed class CategoricalAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"categorical_accuracy"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public CategoricalAccuracy(string name = "categorical_accuracy", string dtype = "float32")
        : base(Compute, name, dtype)
    {
    }

    /// <summary>Keras' <c>categorical_accuracy</c>: <c>argmax(y_true) == argmax(y_pred)</c> per sample.</summary>
    private static Tensor Compute(Tensor yTrue, Tensor yPred)
    {
        var labels = Ops.ArgMax(yTrue, -1);
        long[] labelsShape = labels.shape;
        bool reshape = labels.dim() == yPred.dim();
        if (reshape)
        {
            labels = labels.squeeze(-1);
        }
        var matches = Ops.ArgMax(yPred, -1).to_type(labels.dtype).eq(labels).to_type(Ops.DType("float32"));
        return reshape ? matches.reshape(labelsShape) : matches;
    }
}

namespace Keras.Metrics;

/// <summary>How often the arg-max prediction equals the integer label
/// (<c>keras.metrics.SparseCategoricalAccuracy</c>).</summary>
/// <remarks>Labels of shape <c>(batch,)</c> or <c>(batch, 1)</c>; predictions of shape <c>(batch, classes)</c>,
/// probabilities or logits. The arg-max is cast to the label dtype before comparing, as Keras.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy",
///     metrics: [new SparseCategoricalAccuracy()]);
/// </code></example>
public sealed class SparseCategoricalAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"sparse_categorical_accuracy"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy", string dtype = "float32")
        : base(Compute, name, dtype)
    {
    }

    /// <summary>Keras' <c>sparse_categorical_accuracy</c>: <c>y_true == argmax(y_pred)</c> per sample.</summary>
    private static Tensor Compute(Tensor yTrue, Tensor yPred)
    {
        var labels = yTrue;
        long[] labelsShape = labels.shape;
        bool reshape = labels.dim() == yPred.dim() && labels.dim() > 0 && labels.shape[^1] == 1;
        if (reshape)
        {
            labels = labels.squeeze(-1);
        }
        var predicted = Ops.ArgMax(yPred, -1);
        var matches = (labels.dtype == predicted.dtype ? predicted : predicted.to_type(labels.dtype)).eq(labels)
            .to_type(TorchSharp.torch.ScalarType.Float32);
        if (reshape)
        {
            matches = matches.reshape(labelsShape);
        }
        return matches.dim() > 1 && matches.shape[^1] == 1 ? matches.squeeze(-1) : matches;
    }
}

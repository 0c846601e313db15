namespace Keras.Losses;

/// <summary>Hinge loss, <c>mean(maximum(1 - y_true * y_pred, 0), axis=-1)</c>; labels are expected in <c>{-1, 1}</c>,
/// and 0/1 labels are converted to -1/1 (<c>keras.losses.Hinge</c>).</summary>
/// <example><code>
/// Tensor value = new Hinge().Call(labels, scores);   // labels of -1/1 or 0/1
/// </code></example>
public sealed class Hinge : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"hinge"</c>.</param>
    public Hinge(string reduction = "sum_over_batch_size", string name = "hinge")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.Hinge(yTrue, yPred);
}

namespace Keras.Losses;

/// <summary>Categorical hinge loss, <c>maximum(neg - pos + 1, 0)</c> with <c>pos = sum(y_true * y_pred)</c> and <c>neg
/// = max((1 - y_true) * y_pred)</c> over the class axis (<c>keras.losses.CategoricalHinge</c>).</summary>
/// <example><code>
/// Tensor value = new CategoricalHinge().Call(oneHotLabels, scores);
/// </code></example>
public sealed class CategoricalHinge : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"categorical_hinge"</c>.</param>
    public CategoricalHinge(string reduction = "sum_over_batch_size", string name = "categorical_hinge")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.CategoricalHinge(yTrue, yPred);
}

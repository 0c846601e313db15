namespace Keras.Losses;

/// <summary>Mean of absolute errors, <c>mean(abs(y_true - y_pred), axis=-1)</c>
/// (<c>keras.losses.MeanAbsoluteError</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new MeanAbsoluteError());   // or loss: "mae"
/// </code></example>
public sealed class MeanAbsoluteError : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"mean_absolute_error"</c>.</param>
    public MeanAbsoluteError(string reduction = "sum_over_batch_size", string name = "mean_absolute_error")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.MeanAbsoluteError(yTrue, yPred);
}

namespace Keras.Losses;

/// <summary>Mean of squared errors, <c>mean(square(y_true - y_pred), axis=-1)</c>
/// (<c>keras.losses.MeanSquaredError</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new MeanSquaredError());   // or loss: "mse"
/// </code></example>
public sealed class MeanSquaredError : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"mean_squared_error"</c>.</param>
    public MeanSquaredError(string reduction = "sum_over_batch_size", string name = "mean_squared_error")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.MeanSquaredError(yTrue, yPred);
}

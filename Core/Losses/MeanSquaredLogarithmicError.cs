namespace Keras.Losses;

/// <summary>Mean squared logarithmic error, <c>mean(square(log(y_pred + 1) - log(y_true + 1)), axis=-1)</c>, with
/// values below 1e-7 raised to 1e-7 (<c>keras.losses.MeanSquaredLogarithmicError</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new MeanSquaredLogarithmicError());   // or loss: "msle"
/// </code></example>
public sealed class MeanSquaredLogarithmicError : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"mean_squared_logarithmic_error"</c>.</param>
    public MeanSquaredLogarithmicError(string reduction = "sum_over_batch_size",
        string name = "mean_squared_logarithmic_error")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.MeanSquaredLogarithmicError(yTrue, yPred);
}

namespace Keras.Losses;

/// <summary>Mean absolute percentage error, <c>100 * mean(abs((y_true - y_pred) / maximum(abs(y_true), 1e-7)),
/// axis=-1)</c> (<c>keras.losses.MeanAbsolutePercentageError</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new MeanAbsolutePercentageError());   // or loss: "mape"
/// </code></example>
public sealed class MeanAbsolutePercentageError : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"mean_absolute_percentage_error"</c>.</param>
    public MeanAbsolutePercentageError(string reduction = "sum_over_batch_size",
        string name = "mean_absolute_percentage_error")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.MeanAbsolutePercentageError(yTrue, yPred);
}

namespace Keras.Losses;

/// <summary>Logarithm of the hyperbolic cosine of the prediction error, <c>mean(log(cosh(y_pred - y_true)),
/// axis=-1)</c>: about <c>x²/2</c> for small errors and <c>|x| - log 2</c> for large ones
/// (<c>keras.losses.LogCosh</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new LogCosh());   // or loss: "log_cosh"
/// </code></example>
public sealed class LogCosh : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"log_cosh"</c>.</param>
    public LogCosh(string reduction = "sum_over_batch_size", string name = "log_cosh")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.LogCosh(yTrue, yPred);
}

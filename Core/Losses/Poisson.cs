namespace Keras.Losses;

/// <summary>Poisson loss, <c>mean(y_pred - y_true * log(y_pred + 1e-7), axis=-1)</c>
/// (<c>keras.losses.Poisson</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new Poisson());   // or loss: "poisson"
/// </code></example>
public sealed class Poisson : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"poisson"</c>.</param>
    public Poisson(string reduction = "sum_over_batch_size", string name = "poisson")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.Poisson(yTrue, yPred);
}

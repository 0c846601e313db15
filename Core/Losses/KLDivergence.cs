namespace Keras.Losses;

/// <summary>Kullback-Leibler divergence, <c>sum(y_true * log(y_true / y_pred), axis=-1)</c>, with both distributions
/// clipped to <c>[1e-7, 1]</c> (<c>keras.losses.KLDivergence</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new KLDivergence());   // or loss: "kld"
/// </code></example>
public sealed class KLDivergence : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"kl_divergence"</c>.</param>
    public KLDivergence(string reduction = "sum_over_batch_size", string name = "kl_divergence")
        : base(name, reduction)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.KLDivergence(yTrue, yPred);
}

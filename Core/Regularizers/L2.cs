namespace Keras.Regularizers;

/// <summary>The L2 penalty <c>l2 · sum(x²)</c> (<c>keras.regularizers.L2</c>, string <c>"l2"</c>).</summary>
/// <remarks>As in Keras there is no factor ½: <c>L2(0.01)</c> of a weight <c>w</c> is <c>0.01 · Σ w²</c>.</remarks>
/// <example><code>var dense = new Dense(3, kernelRegularizer: new L2(1e-4));</code></example>
public sealed class L2 : Regularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="l2">The L2 factor, non-negative. Defaults to 0.01.</param>
    /// <exception cref="ArgumentException"><paramref name="l2"/> is negative or not finite.</exception>
    public L2(double l2 = 0.01)
    {
        Factor = ValidateFactor(l2, "l2");
    }

    /// <summary>The L2 factor.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public override Tensor Call(Tensor x) => x.square().sum() * Factor;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["l2"] = Factor };
}

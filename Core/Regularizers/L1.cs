namespace Keras.Regularizers;

/// <summary>The L1 penalty <c>l1 · sum(|x|)</c> (<c>keras.regularizers.L1</c>, string <c>"l1"</c>).</summary>
/// <example><code>var dense = new Dense(3, kernelRegularizer: new L1(0.001));</code></example>
public sealed class L1 : Regularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="l1">The L1 factor, non-negative. Defaults to 0.01.</param>
    /// <exception cref="ArgumentException"><paramref name="l1"/> is negative or not finite.</exception>
    public L1(double l1 = 0.01)
    {
        Factor = ValidateFactor(l1, "l1");
    }

    /// <summary>The L1 factor.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public override Tensor Call(Tensor x) => x.abs().sum() * Factor;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["l1"] = Factor };
}

namespace Keras.Regularizers;

/// <summary>The sum of an L1 and an L2 penalty, <c>l1 · sum(|x|) + l2 · sum(x²)</c>
/// (<c>keras.regularizers.L1L2</c>).</summary>
/// <remarks>The class defaults to no penalty (<c>l1 = l2 = 0</c>), as Keras; the string <c>"l1_l2"</c> gives
/// <c>l1 = l2 = 0.01</c>, as Keras' <c>l1_l2</c> shortcut.</remarks>
/// <example><code>var dense = new Dense(3, kernelRegularizer: new L1L2(l1: 1e-5, l2: 1e-4));</code></example>
public sealed class L1L2 : Regularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="l1">The L1 factor, non-negative. Defaults to 0.</param>
    /// <param name="l2">The L2 factor, non-negative. Defaults to 0.</param>
    /// <exception cref="ArgumentException">A factor is negative or not finite.</exception>
    public L1L2(double l1 = 0.0, double l2 = 0.0)
    {
        L1Factor = ValidateFactor(l1, "l1");
        L2Factor = ValidateFactor(l2, "l2");
    }

    /// <summary>The L1 factor.</summary>
    public double L1Factor { get; }

    /// <summary>The L2 factor.</summary>
    public double L2Factor { get; }

    /// <inheritdoc />
    public override Tensor Call(Tensor x)
    {
        var penalty = Ops.Zeros([], Ops.DTypeName(x.dtype));
        if (L1Factor != 0)
        {
            penalty = penalty + x.abs().sum() * L1Factor;
        }
        if (L2Factor != 0)
        {
            penalty = penalty + x.square().sum() * L2Factor;
        }
        return penalty;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["l1"] = L1Factor, ["l2"] = L2Factor };
}

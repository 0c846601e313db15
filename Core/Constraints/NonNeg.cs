namespace Keras.Constraints;

/// <summary>Constrains the weights to be non-negative: <c>max(w, 0)</c> (<c>keras.constraints.NonNeg</c>, string
/// <c>"non_neg"</c>).</summary>
/// <example><code>var dense = new Dense(4, kernelConstraint: new NonNeg());</code></example>
public sealed class NonNeg : Constraint
{
    /// <inheritdoc />
    public override Tensor Call(Tensor w) => w.clamp_min(0);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => [];
}

namespace Keras.Initializers;

/// <summary>He normal: variance scaling 2.0, fan_in, truncated normal (<c>"he_normal"</c>).</summary>
/// <example><code>var init = new HeNormal();</code></example>
public sealed class HeNormal() : VarianceScaling(2.0, "fan_in", "truncated_normal")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

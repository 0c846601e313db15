namespace Keras.Initializers;

/// <summary>Glorot (Xavier) normal: variance scaling 1.0, fan_avg, truncated normal (<c>"glorot_normal"</c>).</summary>
/// <example><code>var init = new GlorotNormal();</code></example>
public sealed class GlorotNormal() : VarianceScaling(1.0, "fan_avg", "truncated_normal")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

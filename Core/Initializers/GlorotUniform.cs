namespace Keras.Initializers;

/// <summary>Glorot (Xavier) uniform: variance scaling 1.0, fan_avg, uniform (<c>"glorot_uniform"</c>).</summary>
/// <example><code>var init = new GlorotUniform();</code></example>
public sealed class GlorotUniform() : VarianceScaling(1.0, "fan_avg", "uniform")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

namespace Keras.Initializers;

/// <summary>He uniform: variance scaling 2.0, fan_in, uniform (<c>"he_uniform"</c>).</summary>
/// <example><code>var init = new HeUniform();</code></example>
public sealed class HeUniform() : VarianceScaling(2.0, "fan_in", "uniform")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

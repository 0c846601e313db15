namespace Keras.Initializers;

/// <summary>LeCun uniform: variance scaling 1.0, fan_in, uniform (<c>"lecun_uniform"</c>).</summary>
/// <example><code>var init = new LecunUniform();</code></example>
public sealed class LecunUniform() : VarianceScaling(1.0, "fan_in", "uniform")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

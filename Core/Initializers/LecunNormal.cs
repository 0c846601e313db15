namespace Keras.Initializers;

/// <summary>LeCun normal: variance scaling 1.0, fan_in, truncated normal (<c>"lecun_normal"</c>).</summary>
/// <example><code>var init = new LecunNormal();</code></example>
public sealed class LecunNormal() : VarianceScaling(1.0, "fan_in", "truncated_normal")
{
    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["seed"] = null };
}

namespace Keras.Initializers;

/// <summary>Normal values within two standard deviations (<c>"truncated_normal"</c>).</summary>
/// <param name="mean">The mean. Defaults to 0.</param>
/// <param name="stddev">The standard deviation before truncation. Defaults to 0.05.</param>
/// <example><code>var init = new TruncatedNormal(stddev: 0.02);</code></example>
public sealed class TruncatedNormal(double mean = 0.0, double stddev = 0.05) : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.TruncatedNormal(shape, mean, stddev);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["mean"] = mean, ["stddev"] = stddev };
}

namespace Keras.Initializers;

/// <summary>Normal values (<c>"random_normal"</c>).</summary>
/// <param name="mean">The mean. Defaults to 0.</param>
/// <param name="stddev">The standard deviation. Defaults to 0.05.</param>
/// <example><code>var init = new RandomNormal(stddev: 0.01);</code></example>
public sealed class RandomNormal(double mean = 0.0, double stddev = 0.05) : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.RandomNormal(shape, mean, stddev);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["mean"] = mean, ["stddev"] = stddev };
}

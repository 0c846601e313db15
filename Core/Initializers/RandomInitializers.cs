namespace Keras.Initializers;

/// <summary>Uniform values in <c>[minval, maxval)</c> (<c>"random_uniform"</c>).</summary>
/// <param name="minval">The lower bound. Defaults to -0.05.</param>
/// <param name="maxval">The upper bound. Defaults to 0.05.</param>
/// <example><code>var init = new RandomUniform(-0.1, 0.1);</code></example>
public sealed class RandomUniform(double minval = -0.05, double maxval = 0.05) : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.RandomUniform(shape, minval, maxval);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["minval"] = minval, ["maxval"] = maxval };
}

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

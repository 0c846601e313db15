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

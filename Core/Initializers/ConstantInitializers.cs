namespace Keras.Initializers;

/// <summary>Fills with zeros (<c>"zeros"</c>).</summary>
/// <example><code>var bias = new Zeros().Call([10]);</code></example>
public sealed class Zeros : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.Zeros(shape, dtype);
}

/// <summary>Fills with ones (<c>"ones"</c>).</summary>
/// <example><code>var gamma = new Ones().Call([64]);</code></example>
public sealed class Ones : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.Ones(shape, dtype);
}

/// <summary>Fills with a constant value (<c>"constant"</c>).</summary>
/// <param name="value">The value. Defaults to 0.</param>
/// <example><code>var init = new Constant(0.1);</code></example>
public sealed class Constant(double value = 0.0) : Initializer
{
    /// <summary>The fill value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.Full(shape, Value, dtype);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["value"] = Value };
}

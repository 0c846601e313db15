namespace Keras.Initializers;

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

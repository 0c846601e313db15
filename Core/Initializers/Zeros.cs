namespace Keras.Initializers;

/// <summary>Fills with zeros (<c>"zeros"</c>).</summary>
/// <example><code>var bias = new Zeros().Call([10]);</code></example>
public sealed class Zeros : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.Zeros(shape, dtype);
}

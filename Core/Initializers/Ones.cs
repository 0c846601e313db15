namespace Keras.Initializers;

/// <summary>Fills with ones (<c>"ones"</c>).</summary>
/// <example><code>var gamma = new Ones().Call([64]);</code></example>
public sealed class Ones : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32") => Ops.Ones(shape, dtype);
}

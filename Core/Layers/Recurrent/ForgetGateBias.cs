using Keras.Initializers;

namespace Keras.Layers;

/// <summary>Keras' <c>unit_forget_bias</c> initializer of LSTM biases <c>(4·units)</c>: the bias initializer for the
/// i, c and o gates, ones for the forget gate f.</summary>
/// <param name="inner">The bias initializer of the other gates.</param>
internal sealed class ForgetGateBias(Initializer inner) : Initializer
{
    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32")
    {
        long units = shape[0] / 4;
        using var i = inner.Call([units], dtype);
        using var f = Ops.Ones([units], dtype);
        using var co = inner.Call([2 * units], dtype);
        return Ops.Concatenate([i, f, co]);
    }
}

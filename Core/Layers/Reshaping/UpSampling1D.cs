namespace Keras.Layers;

/// <summary>Repeats each step <c>size</c> times along the time axis (<c>keras.layers.UpSampling1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, features)</c>, output <c>(batch, steps · size, features)</c>.</remarks>
/// <example><code>
/// var layer = new UpSampling1D(size: 2);
/// Tensor y = layer.Call(x);   // (batch, 5, 3) → (batch, 10, 3)
/// </code></example>
public sealed class UpSampling1D : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="size">The upsampling factor; positive. Defaults to 2.</param>
    /// <param name="name">The layer name. Defaults to <c>up_sampling1d</c>, <c>up_sampling1d_1</c>, ...</param>
    public UpSampling1D(int size = 2, string? name = null) : base(name)
    {
        if (size <= 0)
        {
            throw new ArgumentException(
                $"Argument `size` should be a positive integer. Received: size={size}", nameof(size));
        }
        Size = size;
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>The upsampling factor.</summary>
    public int Size { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape.With(1, inputShape[1] * Size);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["size"] = Size;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => inputs.repeat_interleave(Size, 1);
}

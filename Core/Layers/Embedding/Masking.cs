namespace Keras.Layers;

/// <summary>Masks timesteps whose features all equal <c>maskValue</c> (<c>keras.layers.Masking</c>).</summary>
/// <remarks>For an input <c>(batch, timesteps, features)</c>, a timestep is kept when any of its features differs from
/// <c>maskValue</c>. Masked timesteps are set to 0 in the output, and the output carries the mask
/// <c>any(inputs != maskValue, axis=-1)</c> for mask-consuming layers (RNNs, attention, pooling).</remarks>
/// <example><code>
/// var masked = new Masking(maskValue: 0.0).Call(x);   // x: (batch, 10, 8); mask: (batch, 10)
/// </code></example>
public sealed class Masking : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="maskValue">The padding value. Defaults to 0.0.</param>
    /// <param name="name">The layer name. Defaults to <c>masking</c>, ...</param>
    public Masking(double maskValue = 0.0, string? name = null) : base(name)
    {
        MaskValue = maskValue;
        SupportsMasking = true;
    }

    /// <summary>The padding value.</summary>
    public double MaskValue { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => inputs.ne(MaskValue).any(-1);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["mask_value"] = MaskValue;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs * inputs.ne(MaskValue).any(-1, keepdim: true).to_type(inputs.dtype);
}

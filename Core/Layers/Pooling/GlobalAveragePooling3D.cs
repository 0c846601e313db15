namespace Keras.Layers;

/// <summary>Global mean over the three spatial axes (<c>keras.layers.GlobalAveragePooling3D</c>, alias
/// <c>GlobalAvgPool3D</c>).</summary>
/// <example><code>
/// var pool = new GlobalAveragePooling3D();
/// Tensor y = pool.Call(x);   // (batch, 4, 4, 4, 16) → (batch, 16)
/// </code></example>
public sealed class GlobalAveragePooling3D : BaseGlobalPooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="keepdims">Whether the spatial axes stay in the output with length 1. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>global_average_pooling3d</c>,
    /// <c>global_average_pooling3d_1</c>, ...</param>
    public GlobalAveragePooling3D(string dataFormat = "channels_last", bool keepdims = false, string? name = null)
        : base(3, dataFormat, keepdims, name)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.mean([.. SpatialAxes], keepdim: Keepdims);
}

namespace Keras.Layers;

/// <summary>Global mean over the rows and columns (<c>keras.layers.GlobalAveragePooling2D</c>, alias
/// <c>GlobalAvgPool2D</c>).</summary>
/// <example><code>
/// var pool = new GlobalAveragePooling2D();
/// Tensor y = pool.Call(x);   // (batch, 7, 7, 64) → (batch, 64)
/// </code></example>
public sealed class GlobalAveragePooling2D : BaseGlobalPooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="keepdims">Whether the spatial axes stay in the output with length 1. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>global_average_pooling2d</c>,
    /// <c>global_average_pooling2d_1</c>, ...</param>
    public GlobalAveragePooling2D(string dataFormat = "channels_last", bool keepdims = false, string? name = null)
        : base(2, dataFormat, keepdims, name)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.mean([.. SpatialAxes], keepdim: Keepdims);
}

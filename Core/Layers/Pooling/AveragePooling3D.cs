namespace Keras.Layers;

/// <summary>Average pooling over the three spatial axes (<c>keras.layers.AveragePooling3D</c>, alias <c>AvgPool3D</c>):
/// each window position keeps the mean of the window.</summary>
/// <remarks>Input <c>(batch, dim1, dim2, dim3, channels)</c> (channels_last) or <c>(batch, channels, dim1, dim2,
/// dim3)</c> (channels_first); the output has the same layout. "same" padding follows TensorFlow (extra cell at the end
/// of an axis). Each window averages only the cells inside the input: with "same" padding the padded cells are not
/// counted.</remarks>
/// <example><code>
/// var pool = new AveragePooling3D(poolSize: 2, padding: "same");
/// Tensor y = pool.Call(x);   // (batch, 5, 8, 8, 2) → (batch, 3, 4, 4, 2)
/// </code></example>
public sealed class AveragePooling3D : BasePooling
{
    /// <summary>Creates the layer with the same window size and stride on every spatial axis.</summary>
    /// <param name="poolSize">The window size on every spatial axis; positive.</param>
    /// <param name="strides">The step on every spatial axis; positive. Defaults to the window size.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>average_pooling3d</c>, <c>average_pooling3d_1</c>, ...</param>
    public AveragePooling3D(int poolSize, int? strides = null, string padding = "valid",
        string dataFormat = "channels_last", string? name = null)
        : this((poolSize, poolSize, poolSize), strides is int s ? (s, s, s) : null, padding, dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a window size and stride per spatial axis.</summary>
    /// <param name="poolSize">The window size per spatial axis; positive.</param>
    /// <param name="strides">The step per spatial axis; positive. Defaults to <paramref name="poolSize"/>.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>average_pooling3d</c>, <c>average_pooling3d_1</c>, ...</param>
    public AveragePooling3D((int Dim1, int Dim2, int Dim3) poolSize, (int Dim1, int Dim2, int Dim3)? strides = null,
        string padding = "valid", string dataFormat = "channels_last", string? name = null)
        : base(3, "average", [poolSize.Dim1, poolSize.Dim2, poolSize.Dim3],
            strides is { } s ? [s.Dim1, s.Dim2, s.Dim3] : null, padding, dataFormat, name)
    {
    }
}

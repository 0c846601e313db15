namespace Keras.Layers;

/// <summary>Pads slices along the three spatial axes with zeros at the start and end of each spatial axis
/// (<c>keras.layers.ZeroPadding3D</c>).</summary>
/// <remarks>Input <c>(batch, dim1, dim2, dim3, channels)</c> (channels_last) or <c>(batch, channels, dim1, dim2,
/// dim3)</c> (channels_first); the output has the same layout. Keras' default is <c>padding=((1, 1), (1, 1), (1,
/// 1))</c>.
/// </remarks>
/// <example><code>
/// var layer = new ZeroPadding3D(padding: 2);
/// Tensor y = layer.Call(x);   // (batch, 4, 4, 4, 3) → (batch, 8, 8, 8, 3)
/// </code></example>
public sealed class ZeroPadding3D : BaseZeroPadding
{
    /// <summary>Creates the layer with the same amount on every side of every spatial axis.</summary>
    /// <param name="padding">How many zeros to add on each side; non-negative. Defaults to 1.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding3d</c>, <c>zero_padding3d_1</c>, ...</param>
    public ZeroPadding3D(int padding = 1, string dataFormat = "channels_last", string? name = null)
        : this((padding, padding, padding), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a symmetric amount per spatial axis.</summary>
    /// <param name="padding">How many zeros to add on each side of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding3d</c>, <c>zero_padding3d_1</c>, ...</param>
    public ZeroPadding3D((int Dim1, int Dim2, int Dim3) padding,
        string dataFormat = "channels_last", string? name = null)
        : this(((padding.Dim1, padding.Dim1), (padding.Dim2, padding.Dim2), (padding.Dim3, padding.Dim3)),
            dataFormat, name)
    {
    }

    /// <summary>Creates the layer with an amount for each side of each spatial axis.</summary>
    /// <param name="padding">How many zeros to add at the start and end of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding3d</c>, <c>zero_padding3d_1</c>, ...</param>
    public ZeroPadding3D(((int Start, int End) Dim1, (int Start, int End) Dim2, (int Start, int End) Dim3) padding,
        string dataFormat = "channels_last", string? name = null)
        : base([padding.Dim1, padding.Dim2, padding.Dim3], dataFormat, name)
    {
    }
}

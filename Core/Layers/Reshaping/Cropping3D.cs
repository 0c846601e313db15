namespace Keras.Layers;

/// <summary>Crops slices along the three spatial axes at the start and end of each spatial axis
/// (<c>keras.layers.Cropping3D</c>).</summary>
/// <remarks>Input <c>(batch, dim1, dim2, dim3, channels)</c> (channels_last) or <c>(batch, channels, dim1, dim2,
/// dim3)</c> (channels_first); the output has the same layout. Keras' default is <c>cropping=((1, 1), (1, 1), (1,
/// 1))</c>. Every crop must be smaller than its axis.
/// </remarks>
/// <example><code>
/// var layer = new Cropping3D(cropping: (2, 4, 2));
/// Tensor y = layer.Call(x);   // (batch, 28, 28, 10, 3) → (batch, 24, 20, 6, 3)
/// </code></example>
public sealed class Cropping3D : BaseCropping
{
    /// <summary>Creates the layer with the same amount on every side of every spatial axis.</summary>
    /// <param name="cropping">How many cells to remove on each side; non-negative. Defaults to 1.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping3d</c>, <c>cropping3d_1</c>, ...</param>
    public Cropping3D(int cropping = 1, string dataFormat = "channels_last", string? name = null)
        : this((cropping, cropping, cropping), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a symmetric amount per spatial axis.</summary>
    /// <param name="cropping">How many cells to remove on each side of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping3d</c>, <c>cropping3d_1</c>, ...</param>
    public Cropping3D((int Dim1, int Dim2, int Dim3) cropping, string dataFormat = "channels_last", string? name = null)
        : this(((cropping.Dim1, cropping.Dim1), (cropping.Dim2, cropping.Dim2), (cropping.Dim3, cropping.Dim3)),
            dataFormat, name)
    {
    }

    /// <summary>Creates the layer with an amount for each side of each spatial axis.</summary>
    /// <param name="cropping">How many cells to remove at the start and end of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, dim1, dim2, dim3, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, dim1, dim2, dim3)</c>). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping3d</c>, <c>cropping3d_1</c>, ...</param>
    public Cropping3D(((int Start, int End) Dim1, (int Start, int End) Dim2, (int Start, int End) Dim3) cropping,
        string dataFormat = "channels_last", string? name = null)
        : base([cropping.Dim1, cropping.Dim2, cropping.Dim3], dataFormat, name)
    {
    }
}

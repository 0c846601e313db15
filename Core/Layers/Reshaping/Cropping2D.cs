namespace Keras.Layers;

/// <summary>Crops rows and columns at the start and end of each spatial axis
/// (<c>keras.layers.Cropping2D</c>).</summary>
/// <remarks>Input <c>(batch, rows, cols, channels)</c> (channels_last) or <c>(batch, channels, rows, cols)</c>
/// (channels_first); the output has the same layout. Keras' default is <c>cropping=((0, 0), (0, 0))</c>. Every crop
/// must be smaller than its axis.
/// </remarks>
/// <example><code>
/// var layer = new Cropping2D(cropping: ((2, 2), (4, 4)));
/// Tensor y = layer.Call(x);   // (batch, 28, 28, 3) → (batch, 24, 20, 3)
/// </code></example>
public sealed class Cropping2D : BaseCropping
{
    /// <summary>Creates the layer with the same amount on every side of every spatial axis.</summary>
    /// <param name="cropping">How many cells to remove on each side; non-negative. Defaults to 0.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping2d</c>, <c>cropping2d_1</c>, ...</param>
    public Cropping2D(int cropping = 0, string dataFormat = "channels_last", string? name = null)
        : this((cropping, cropping), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a symmetric amount per spatial axis.</summary>
    /// <param name="cropping">How many cells to remove on each side of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping2d</c>, <c>cropping2d_1</c>, ...</param>
    public Cropping2D((int Rows, int Cols) cropping, string dataFormat = "channels_last", string? name = null)
        : this(((cropping.Rows, cropping.Rows), (cropping.Cols, cropping.Cols)), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with an amount for each side of each spatial axis.</summary>
    /// <param name="cropping">How many cells to remove at the start and end of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping2d</c>, <c>cropping2d_1</c>, ...</param>
    public Cropping2D(((int Top, int Bottom) Rows, (int Left, int Right) Cols) cropping,
        string dataFormat = "channels_last", string? name = null)
        : base([cropping.Rows, cropping.Cols], dataFormat, name)
    {
    }
}

namespace Keras.Layers;

/// <summary>Pads rows and columns with zeros at the start and end of each spatial axis
/// (<c>keras.layers.ZeroPadding2D</c>).</summary>
/// <remarks>Input <c>(batch, rows, cols, channels)</c> (channels_last) or <c>(batch, channels, rows, cols)</c>
/// (channels_first); the output has the same layout. Keras' default is <c>padding=(1, 1)</c>.
/// </remarks>
/// <example><code>
/// var layer = new ZeroPadding2D(padding: ((1, 0), (1, 0)));
/// Tensor y = layer.Call(x);   // (batch, 28, 28, 3) → (batch, 29, 29, 3)
/// </code></example>
public sealed class ZeroPadding2D : BaseZeroPadding
{
    /// <summary>Creates the layer with the same amount on every side of every spatial axis.</summary>
    /// <param name="padding">How many zeros to add on each side; non-negative. Defaults to 1.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding2d</c>, <c>zero_padding2d_1</c>, ...</param>
    public ZeroPadding2D(int padding = 1, string dataFormat = "channels_last", string? name = null)
        : this((padding, padding), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a symmetric amount per spatial axis.</summary>
    /// <param name="padding">How many zeros to add on each side of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding2d</c>, <c>zero_padding2d_1</c>, ...</param>
    public ZeroPadding2D((int Rows, int Cols) padding, string dataFormat = "channels_last", string? name = null)
        : this(((padding.Rows, padding.Rows), (padding.Cols, padding.Cols)), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with an amount for each side of each spatial axis.</summary>
    /// <param name="padding">How many zeros to add at the start and end of each spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding2d</c>, <c>zero_padding2d_1</c>, ...</param>
    public ZeroPadding2D(((int Top, int Bottom) Rows, (int Left, int Right) Cols) padding,
        string dataFormat = "channels_last", string? name = null)
        : base([padding.Rows, padding.Cols], dataFormat, name)
    {
    }
}

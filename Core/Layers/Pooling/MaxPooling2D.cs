namespace Keras.Layers;

/// <summary>Max pooling over the rows and columns (<c>keras.layers.MaxPooling2D</c>, alias <c>MaxPool2D</c>): each
/// window position keeps the maximum of the window.</summary>
/// <remarks>Input <c>(batch, rows, cols, channels)</c> (channels_last) or <c>(batch, channels, rows, cols)</c>
/// (channels_first); the output has the same layout. "same" padding follows TensorFlow (extra cell at the end of an
/// axis).</remarks>
/// <example><code>
/// var pool = new MaxPooling2D(poolSize: (2, 2));
/// Tensor y = pool.Call(x);   // (batch, 28, 28, 8) → (batch, 14, 14, 8)
/// </code></example>
public sealed class MaxPooling2D : BasePooling
{
    /// <summary>Creates the layer with the same window size and stride on every spatial axis.</summary>
    /// <param name="poolSize">The window size on every spatial axis; positive. Defaults to 2.</param>
    /// <param name="strides">The step on every spatial axis; positive. Defaults to the window size.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>max_pooling2d</c>, <c>max_pooling2d_1</c>, ...</param>
    public MaxPooling2D(int poolSize = 2, int? strides = null, string padding = "valid",
        string dataFormat = "channels_last", string? name = null)
        : this((poolSize, poolSize), strides is int s ? (s, s) : null, padding, dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a window size and stride per spatial axis.</summary>
    /// <param name="poolSize">The window size per spatial axis; positive.</param>
    /// <param name="strides">The step per spatial axis; positive. Defaults to <paramref name="poolSize"/>.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, rows, cols, channels)</c>) or
    /// <c>"channels_first"</c> (<c>(batch, channels, rows, cols)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>max_pooling2d</c>, <c>max_pooling2d_1</c>, ...</param>
    public MaxPooling2D((int Rows, int Cols) poolSize, (int Rows, int Cols)? strides = null, string padding = "valid",
        string dataFormat = "channels_last", string? name = null)
        : base(2, "max", [poolSize.Rows, poolSize.Cols], strides is { } s ? [s.Rows, s.Cols] : null, padding,
            dataFormat, name)
    {
    }
}

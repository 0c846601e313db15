namespace Keras.Layers;

/// <summary>Max pooling over the steps (<c>keras.layers.MaxPooling1D</c>, alias <c>MaxPool1D</c>): each window position
/// keeps the maximum of the window.</summary>
/// <remarks>Input <c>(batch, steps, features)</c> (channels_last) or <c>(batch, features, steps)</c> (channels_first);
/// the output has the same layout. "same" padding follows TensorFlow (extra cell at the end of an axis).</remarks>
/// <example><code>
/// var pool = new MaxPooling1D(poolSize: 2);
/// Tensor y = pool.Call(x);   // (batch, 10, 4) → (batch, 5, 4)
/// </code></example>
public sealed class MaxPooling1D : BasePooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="poolSize">The window size; positive. Defaults to 2.</param>
    /// <param name="strides">The step; positive. Defaults to <paramref name="poolSize"/>.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, steps, features)</c>) or <c>"channels_first"</c>
    /// (<c>(batch, features, steps)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>max_pooling1d</c>, <c>max_pooling1d_1</c>, ...</param>
    public MaxPooling1D(int poolSize = 2, int? strides = null, string padding = "valid",
        string dataFormat = "channels_last", string? name = null)
        : base(1, "max", [poolSize], strides is int s ? [s] : null, padding, dataFormat, name)
    {
    }
}

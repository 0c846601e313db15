namespace Keras.Layers;

/// <summary>Average pooling over the steps (<c>keras.layers.AveragePooling1D</c>, alias <c>AvgPool1D</c>): each window
/// position keeps the mean of the window.</summary>
/// <remarks>Input <c>(batch, steps, features)</c> (channels_last) or <c>(batch, features, steps)</c> (channels_first);
/// the output has the same layout. "same" padding follows TensorFlow (extra cell at the end of an axis). Each window
/// averages only the cells inside the input: with "same" padding the padded cells are not counted.</remarks>
/// <example><code>
/// var pool = new AveragePooling1D(poolSize: 3, strides: 2, padding: "same");
/// Tensor y = pool.Call(x);   // (batch, 10, 4) → (batch, 5, 4)
/// </code></example>
public sealed class AveragePooling1D : BasePooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="poolSize">The window size; positive.</param>
    /// <param name="strides">The step; positive. Defaults to <paramref name="poolSize"/>.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so each spatial axis gives <c>ceil(size
    /// / stride)</c> steps, extra cell at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, steps, features)</c>) or <c>"channels_first"</c>
    /// (<c>(batch, features, steps)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>average_pooling1d</c>, <c>average_pooling1d_1</c>, ...</param>
    public AveragePooling1D(int poolSize, int? strides = null, string padding = "valid",
        string dataFormat = "channels_last", string? name = null)
        : base(1, "average", [poolSize], strides is int s ? [s] : null, padding, dataFormat, name)
    {
    }
}

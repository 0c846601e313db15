namespace Keras.Layers;

/// <summary>Global maximum over the steps (<c>keras.layers.GlobalMaxPooling1D</c>, alias
/// <c>GlobalMaxPool1D</c>).</summary>
/// <remarks>Like Keras, the layer ignores an input mask and drops it: the max runs over every step.</remarks>
/// <example><code>
/// var pool = new GlobalMaxPooling1D();
/// Tensor y = pool.Call(x);   // (batch, 10, 4) → (batch, 4)
/// </code></example>
public sealed class GlobalMaxPooling1D : BaseGlobalPooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, steps, features)</c>) or <c>"channels_first"</c>
    /// (<c>(batch, features, steps)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="keepdims">Whether the spatial axes stay in the output with length 1. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>global_max_pooling1d</c>, <c>global_max_pooling1d_1</c>,
    /// ...</param>
    public GlobalMaxPooling1D(string dataFormat = "channels_last", bool keepdims = false, string? name = null)
        : base(1, dataFormat, keepdims, name)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.amax([.. SpatialAxes], keepdim: Keepdims);
}

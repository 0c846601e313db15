namespace Keras.Layers;

/// <summary>Global mean over the steps (<c>keras.layers.GlobalAveragePooling1D</c>, alias <c>GlobalAvgPool1D</c>); with
/// a mask, the mean of the unmasked steps.</summary>
/// <remarks>A mask of shape <c>(batch, steps)</c> (e.g. from <c>Embedding(maskZero: true)</c>) excludes its false steps
/// from the mean; like Keras the output carries no mask, and a sample with every step masked gives NaN (0 / 0).
/// </remarks>
/// <example><code>
/// var pool = new GlobalAveragePooling1D();
/// Tensor y = pool.Call(x);   // (batch, 10, 4) → (batch, 4)
/// </code></example>
public sealed class GlobalAveragePooling1D : BaseGlobalPooling
{
    /// <summary>Creates the layer.</summary>
    /// <param name="dataFormat"><c>"channels_last"</c> (<c>(batch, steps, features)</c>) or <c>"channels_first"</c>
    /// (<c>(batch, features, steps)</c>). Defaults to <c>"channels_last"</c>.</param>
    /// <param name="keepdims">Whether the steps axis stays in the output with length 1. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>global_average_pooling1d</c>,
    /// <c>global_average_pooling1d_1</c>, ...</param>
    public GlobalAveragePooling1D(string dataFormat = "channels_last", bool keepdims = false, string? name = null)
        : base(1, dataFormat, keepdims, name)
    {
        SupportsMasking = true;
    }

    /// <summary>Keras' <c>compute_mask</c> returns None: the steps are pooled away.</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="previousMask">The input's mask, or <c>null</c>.</param>
    /// <returns>Always <c>null</c>.</returns>
    public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => null;

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
    {
        long stepsAxis = SpatialAxes[0];
        if (mask is null)
        {
            return inputs.mean([stepsAxis], keepdim: Keepdims);
        }
        var keep = mask.to_type(torch.ScalarType.Bool).unsqueeze(DataFormat == "channels_last" ? 2 : 1);
        var kept = Ops.Where(keep, inputs, Ops.Scalar(0, inputs));
        var counts = keep.to_type(inputs.dtype).sum([stepsAxis], keepdim: Keepdims);
        return kept.sum([stepsAxis], keepdim: Keepdims) / counts;
    }
}

namespace Keras.Onnx.Import;

/// <summary>A graph value as the importer holds it: the Keras symbolic tensor and how its axes relate to ONNX's.
/// </summary>
/// <param name="Tensor">The Keras symbolic tensor.</param>
/// <param name="ChannelsLast">True for a rank-4 ONNX NCHW value held as NHWC (what Keras' 2-D layers take).</param>
/// <param name="FlattenedFrom">For a rank-2 value made by flattening an NHWC map: the ONNX (C, H, W) it came from;
/// its features are in H, W, C order where ONNX has C, H, W (a following Gemm/MatMul permutes its weight rows).</param>
/// <param name="NonNegative">Whether every element is known to be ≥ 0 (after ReLU, ...): zero padding then equals a
/// max pool's -inf padding.</param>
internal sealed record OnnxImportedValue(KerasTensor Tensor, bool ChannelsLast = false, int[]? FlattenedFrom = null,
    bool NonNegative = false)
{
    /// <summary>The ONNX rank (batch included).</summary>
    internal int Rank => Tensor.Shape.Rank;

    /// <summary>The ONNX dim at an axis (batch included; null when unknown).</summary>
    internal int? OnnxDim(int axis)
    {
        if (FlattenedFrom is not null)
        {
            return Tensor.Shape[axis];
        }
        return ChannelsLast ? Tensor.Shape[ChannelsLastAxis(axis, Rank)] : Tensor.Shape[axis];
    }

    /// <summary>The Keras axis of an ONNX axis of this value (negative axes counted from the end).</summary>
    internal int KerasAxis(int onnxAxis)
    {
        int axis = onnxAxis < 0 ? onnxAxis + Rank : onnxAxis;
        return ChannelsLast ? ChannelsLastAxis(axis, Rank) : axis;
    }

    /// <summary>NCHW axis → NHWC axis: batch stays, channels go last, spatial axes move one left.</summary>
    internal static int ChannelsLastAxis(int axis, int rank) => axis switch
    {
        0 => 0,
        1 => rank - 1,
        _ => axis - 1,
    };
}

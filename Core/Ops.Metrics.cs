using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Whether each target's prediction is among the <paramref name="k"/> largest of its row
    /// (<c>keras.ops.in_top_k</c>); ties with the k-th largest value count as in, as Keras' torch backend.</summary>
    /// <param name="targets">Integer class indices of shape <c>(batch,)</c>.</param>
    /// <param name="predictions">Scores of shape <c>(batch, classes)</c>.</param>
    /// <param name="k">How many of the top predictions to look at. A <paramref name="k"/> of at least the number of
    /// classes makes every target count.</param>
    /// <returns>A bool tensor of shape <c>(batch,)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="k"/> is below 1 or the shapes do not match.</exception>
    public static Tensor InTopK(Tensor targets, Tensor predictions, int k)
    {
        if (k < 1)
        {
            throw new ArgumentException($"Argument `k` must be a positive integer. Received: k={k}", nameof(k));
        }
        if (predictions.dim() != 2 || targets.dim() != 1 || targets.shape[0] != predictions.shape[0])
        {
            throw new ArgumentException(
                "`in_top_k` expects targets of shape (batch,) and predictions of shape (batch, classes). " +
                $"Received: targets.shape={new Shape(targets.shape)}, predictions.shape={new Shape(predictions.shape)}",
                nameof(targets));
        }
        long kk = Math.Min(k, predictions.shape[1]);
        var kth = predictions.topk((int)kk, dim: -1).values.narrow(-1, kk - 1, 1);
        var targetValues = predictions.gather(-1, targets.to_type(ScalarType.Int64).unsqueeze(-1));
        return targetValues.ge(kth).squeeze(-1);
    }

    /// <summary>Sums <paramref name="data"/> rows into <paramref name="numSegments"/> segments along axis 0
    /// (<c>keras.ops.segment_sum</c>); ids outside <c>[0, numSegments)</c> are dropped, as Keras' torch
    /// backend.</summary>
    /// <param name="data">The values, of shape <c>(n, ...)</c>.</param>
    /// <param name="segmentIds">Integer ids with the shape of <paramref name="data"/> (one per element) or
    /// <c>(n,)</c> (one per row).</param>
    /// <param name="numSegments">The number of segments.</param>
    /// <returns>A tensor of shape <c>(numSegments, ...)</c> with the dtype of <paramref name="data"/>.</returns>
    public static Tensor SegmentSum(Tensor data, Tensor segmentIds, long numSegments)
    {
        var ids = segmentIds.to_type(ScalarType.Int64);
        ids = torch.where(ids.ge(0).logical_and(ids.lt(numSegments)), ids, torch.full_like(ids, numSegments));
        if (ids.dim() < data.dim())
        {
            var view = new long[data.dim()];
            Array.Fill(view, 1L);
            view[0] = ids.shape[0];
            ids = ids.reshape(view).expand(data.shape);
        }
        var shape = (long[])data.shape.Clone();
        shape[0] = numSegments + 1;
        var sums = torch.zeros(shape, data.dtype, data.device).scatter_add_(0, ids, data);
        return sums.narrow(0, 0, numSegments);
    }
}

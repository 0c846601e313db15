using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>The mean and the biased variance of <paramref name="x"/> over <paramref name="axes"/>
    /// (<c>keras.ops.moments</c>).</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="axes">The axes to reduce (non-negative).</param>
    /// <param name="keepDims">Whether the reduced axes stay as size-1 dimensions. Defaults to false.</param>
    /// <returns>The mean and the variance <c>E[(x − mean)²]</c>.</returns>
    /// <example><code>var (mean, variance) = Ops.Moments(x, [0, 1, 2]);</code></example>
    public static (Tensor Mean, Tensor Variance) Moments(Tensor x, long[] axes, bool keepDims = false)
    {
        var (variance, mean) = torch.var_mean(x, axes, unbiased: false, keepdim: keepDims);
        return (mean, variance);
    }

    /// <summary>Batch normalization with libtorch's fused kernel, the channel axis anywhere (Keras'
    /// <c>BatchNormalization</c> without a mask).</summary>
    /// <param name="x">The input.</param>
    /// <param name="axis">The channel axis (non-negative).</param>
    /// <param name="movingMean">The mean used when <paramref name="useBatchStatistics"/> is false, shape
    /// (C).</param>
    /// <param name="movingVariance">The variance used when <paramref name="useBatchStatistics"/> is false, shape
    /// (C).</param>
    /// <param name="gamma">The scale, shape (C), or null.</param>
    /// <param name="beta">The offset, shape (C), or null.</param>
    /// <param name="useBatchStatistics">Normalize with the batch's mean and biased variance (training) instead of
    /// the moving statistics (inference). The moving statistics are not touched either way.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <returns><c>(x − mean) · rsqrt(variance + ε) · gamma + beta</c>.</returns>
    /// <remarks>The input is viewed as (outer, C, inner) so libtorch reduces over every axis but the channel one,
    /// with no transposition.</remarks>
    public static Tensor FusedBatchNormalization(Tensor x, int axis, Tensor movingMean, Tensor movingVariance,
        Tensor? gamma, Tensor? beta, bool useBatchStatistics, double epsilon)
    {
        var dims = x.shape;
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++)
        {
            outer *= dims[i];
        }
        for (int i = axis + 1; i < dims.Length; i++)
        {
            inner *= dims[i];
        }
        var view = inner == 1 ? x.reshape(outer, dims[axis]) : x.reshape(outer, dims[axis], inner);
        var y = useBatchStatistics
            ? torch.nn.functional.batch_norm(view, null, null, gamma, beta, training: true, eps: epsilon)
            : torch.nn.functional.batch_norm(view, movingMean, movingVariance, gamma, beta, training: false,
                eps: epsilon);
        return y.reshape(dims);
    }

    /// <summary><c>keras.ops.batch_normalization</c>: normalizes with given statistics, broadcast along
    /// <paramref name="axis"/>; gradients flow into every tensor argument.</summary>
    /// <param name="x">The input.</param>
    /// <param name="mean">The mean, shape (C).</param>
    /// <param name="variance">The variance, shape (C).</param>
    /// <param name="axis">The channel axis (non-negative).</param>
    /// <param name="offset">The offset (beta), shape (C), or null.</param>
    /// <param name="scale">The scale (gamma), shape (C), or null.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <returns><c>(x − mean) · rsqrt(variance + ε) · scale + offset</c>.</returns>
    public static Tensor BatchNormalization(Tensor x, Tensor mean, Tensor variance, int axis, Tensor? offset,
        Tensor? scale, double epsilon)
    {
        var shape = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
        shape[axis] = x.shape[axis];
        var inv = variance.add(epsilon).rsqrt().reshape(shape);
        if (scale is not null)
        {
            inv = inv * scale.reshape(shape);
        }
        var y = (x - mean.reshape(shape)) * inv;
        return offset is null ? y : y + offset.reshape(shape);
    }

    /// <summary>Keras' masked batch moments: the mean and biased variance over <paramref name="axes"/> with each
    /// position weighted by the mask (<c>BatchNormalization._moments</c>).</summary>
    /// <param name="x">The input.</param>
    /// <param name="mask">A mask with one dimension less than <paramref name="x"/> (the last axis is
    /// broadcast).</param>
    /// <param name="axes">The reduction axes (non-negative).</param>
    /// <returns>The mean and variance, flattened to one dimension.</returns>
    /// <remarks>As Keras, the weights are the mask expanded on the last axis (not broadcast to it), and the sums
    /// of weights get Keras' fuzz factor 1e-7.</remarks>
    public static (Tensor Mean, Tensor Variance) MaskedMoments(Tensor x, Tensor mask, long[] axes)
    {
        const double fuzz = 1e-7;
        var weights = mask.to_type(x.dtype).unsqueeze(-1);
        var weighted = weights * x;
        var weightSum = weights.sum(axes, keepdim: true).add(fuzz);
        var mean = weighted.sum(axes, keepdim: true) / weightSum;
        var squared = (weighted - mean).square();
        var variance = (weights * squared).sum(axes, keepdim: true) / weightSum;
        return (mean.reshape(-1), variance.reshape(-1));
    }

    /// <summary>Updates a moving average in place, outside autograd:
    /// <c>average = average · momentum + value · (1 − momentum)</c>.</summary>
    /// <param name="average">The live tensor of a non-trainable variable.</param>
    /// <param name="value">The new observation, same shape.</param>
    /// <param name="momentum">The momentum.</param>
    public static void AssignMovingAverage(Tensor average, Tensor value, double momentum)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        average.mul_(momentum).add_(value.detach(), alpha: 1.0 - momentum);
    }

    /// <summary><c>keras.ops.layer_normalization</c>: normalizes over <paramref name="axes"/> per sample.</summary>
    /// <param name="x">The input.</param>
    /// <param name="gamma">The scale (Keras' parameter shape), or null.</param>
    /// <param name="beta">The offset, or null (ignored with <paramref name="rmsScaling"/>).</param>
    /// <param name="axes">The normalized axes, sorted and non-negative.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="rmsScaling">Keras' deprecated <c>rms_scaling</c>: <c>x · rsqrt(var(x) + ε) · gamma</c>, without
    /// centering. Defaults to false.</param>
    /// <returns>The normalized tensor.</returns>
    /// <remarks>Trailing axes use libtorch's fused <c>layer_norm</c>; other axes use moments, as Keras.</remarks>
    public static Tensor LayerNormalization(Tensor x, Tensor? gamma, Tensor? beta, int[] axes, double epsilon,
        bool rmsScaling = false)
    {
        int rank = (int)x.dim();
        var broadcast = Enumerable.Repeat(1L, rank).ToArray();
        foreach (int axis in axes)
        {
            broadcast[axis] = x.shape[axis];
        }
        var reduce = axes.Select(a => (long)a).ToArray();
        if (rmsScaling)
        {
            var (_, variance) = Moments(x, reduce, keepDims: true);
            var scaled = x * variance.add(epsilon).rsqrt();
            return gamma is null ? scaled : scaled * gamma.reshape(broadcast);
        }
        bool trailing = axes.Select((a, i) => a == rank - axes.Length + i).All(b => b);
        if (trailing)
        {
            var normalizedShape = axes.Select(a => x.shape[a]).ToArray();
            return torch.nn.functional.layer_norm(x, normalizedShape, gamma?.reshape(normalizedShape),
                beta?.reshape(normalizedShape), epsilon);
        }
        var (mean, var) = Moments(x, reduce, keepDims: true);
        var inv = var.add(epsilon).rsqrt();
        if (gamma is not null)
        {
            inv = inv * gamma.reshape(broadcast);
        }
        var res = -mean * inv;
        if (beta is not null)
        {
            res = res + beta.reshape(broadcast);
        }
        return x * inv + res;
    }

    /// <summary>Group normalization with libtorch's fused kernel (Keras' <c>GroupNormalization</c>): channels on
    /// <paramref name="axis"/> split into <paramref name="groups"/> consecutive groups, each normalized over the
    /// group's channels and every non-batch axis.</summary>
    /// <param name="x">The input, batch first.</param>
    /// <param name="groups">The number of groups; divides the channel count.</param>
    /// <param name="axis">The channel axis (non-negative, not 0).</param>
    /// <param name="gamma">Per-channel scale, or null.</param>
    /// <param name="beta">Per-channel offset, or null.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <returns>The normalized tensor, same layout as <paramref name="x"/>.</returns>
    public static Tensor GroupNormalization(Tensor x, int groups, int axis, Tensor? gamma, Tensor? beta,
        double epsilon)
    {
        var channelsFirst = axis == 1 ? x : x.movedim([axis], [1]);
        var y = torch.nn.functional.group_norm(channelsFirst, groups, gamma, beta, epsilon);
        return axis == 1 ? y : y.movedim([1], [axis]);
    }

    /// <summary>Scales to unit L2 norm over <paramref name="axes"/>:
    /// <c>x · rsqrt(max(Σ x², 1e-12))</c> (Keras' <c>UnitNormalization</c>).</summary>
    /// <param name="x">The input.</param>
    /// <param name="axes">The axes (non-negative).</param>
    /// <returns>The normalized tensor.</returns>
    public static Tensor UnitNormalization(Tensor x, long[] axes) =>
        x * x.square().sum(axes, keepdim: true).clamp_min(1e-12).rsqrt();
}

namespace Keras;

public static partial class Ops
{
    /// <summary>Keras' <c>ops.normalize(x, axis, order=2)</c>: <c>x * min(rsqrt(sum(x², axis)), 1/ε)</c> with
    /// <c>ε = 1e-7</c> (<c>keras.config.epsilon()</c>).</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis to normalize along.</param>
    /// <returns>The L2-normalized tensor.</returns>
    public static Tensor L2Normalize(Tensor x, int axis)
    {
        var squareSum = x.square().sum(axis, keepdim: true);
        var inverseNorm = torch.clamp_max(torch.rsqrt(squareSum), 1.0 / 1e-7);
        return x * inverseNorm;
    }

    /// <summary>Keras' <c>batch_dot</c>: for each sample, the dot product of <paramref name="x"/> along
    /// <paramref name="xAxis"/> with <paramref name="y"/> along <paramref name="yAxis"/>.</summary>
    /// <param name="x">A tensor of rank ≥ 2, batch first.</param>
    /// <param name="y">A tensor of rank ≥ 2 with the same batch size.</param>
    /// <param name="xAxis">The non-batch axis of <paramref name="x"/> that is summed over (non-negative).</param>
    /// <param name="yAxis">The non-batch axis of <paramref name="y"/> that is summed over (non-negative).</param>
    /// <returns>Shape <c>(batch, x's other axes..., y's other axes...)</c>, or <c>(batch, 1)</c> when both inputs
    /// have rank 2.</returns>
    public static Tensor BatchDot(Tensor x, Tensor y, int xAxis, int yAxis)
    {
        long batch = x.shape[0];
        var xOther = x.shape.Where((_, i) => i != 0 && i != xAxis).ToArray();
        var yOther = y.shape.Where((_, i) => i != 0 && i != yAxis).ToArray();
        long depth = x.shape[xAxis];
        var xPerm = Enumerable.Range(0, (int)x.dim()).Where(i => i != xAxis).Append(xAxis)
            .Select(i => (long)i).ToArray();
        var yPerm = new[] { 0, yAxis }.Concat(Enumerable.Range(1, (int)y.dim() - 1).Where(i => i != yAxis))
            .Select(i => (long)i).ToArray();
        var x3 = x.permute(xPerm).reshape(batch, -1, depth);
        var y3 = y.permute(yPerm).reshape(batch, depth, -1);
        var result = torch.bmm(x3, y3);
        long[] outputShape = [batch, .. xOther, .. yOther];
        return outputShape.Length == 1 ? result.reshape(batch, 1) : result.reshape(outputShape);
    }

    /// <summary>A boolean tensor of ones shaped like <paramref name="x"/>.</summary>
    /// <param name="x">The reference tensor.</param>
    /// <returns>All-true mask.</returns>
    public static Tensor OnesLikeBool(Tensor x) => torch.ones_like(x, dtype: torch.ScalarType.Bool);
}

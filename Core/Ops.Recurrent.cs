namespace Keras;

public static partial class Ops
{
    /// <summary><c>input + a @ b</c> in one libtorch kernel (<c>addmm</c>): the recurrent projection of an RNN step.</summary>
    /// <param name="input">The term added to the product, shape <c>(batch, n)</c> or <c>(n)</c>.</param>
    /// <param name="a">The left factor, shape <c>(batch, k)</c>.</param>
    /// <param name="b">The right factor, shape <c>(k, n)</c>.</param>
    /// <returns>A new tensor of shape <c>(batch, n)</c>.</returns>
    internal static Tensor RecurrentAddmm(Tensor input, Tensor a, Tensor b) => torch.addmm(input, a, b, 1, 1);

    /// <summary>Converts a Keras convolution kernel <c>(*kernel_size, in, out)</c> to libtorch's
    /// <c>(out, in, *kernel_size)</c>, contiguous.</summary>
    /// <param name="kernel">The Keras-layout kernel.</param>
    /// <returns>A new tensor (differentiable with respect to <paramref name="kernel"/>).</returns>
    internal static Tensor RecurrentConvWeight(Tensor kernel)
    {
        int rank = (int)kernel.dim() - 2;
        var order = new long[rank + 2];
        order[0] = rank + 1;
        order[1] = rank;
        for (int i = 0; i < rank; i++)
        {
            order[i + 2] = i;
        }
        using var permuted = kernel.permute(order);
        return permuted.contiguous();
    }

    /// <summary>An N-d convolution (N = 1, 2, 3) of a channels-first input, padded as Keras' <c>"same"</c> (the odd
    /// pixel at the end, as TensorFlow) or <c>"valid"</c>.</summary>
    /// <param name="x">The input, shape <c>(batch, channels, *spatial)</c>.</param>
    /// <param name="weight">The kernel in libtorch layout <c>(out, in, *kernel_size)</c>
    /// (<see cref="RecurrentConvWeight"/>).</param>
    /// <param name="strides">The strides, one per spatial axis.</param>
    /// <param name="dilation">The dilation rates, one per spatial axis.</param>
    /// <param name="same">True for <c>"same"</c> padding, false for <c>"valid"</c>.</param>
    /// <returns>The output, shape <c>(batch, out, *spatial_out)</c>.</returns>
    internal static Tensor RecurrentConv(Tensor x, Tensor weight, long[] strides, long[] dilation, bool same)
    {
        int rank = strides.Length;
        Tensor input = x;
        if (same)
        {
            var pad = new long[2 * rank];
            bool any = false;
            for (int i = 0; i < rank; i++)
            {
                long size = x.shape[i + 2];
                long k = weight.shape[i + 2];
                long output = (size + strides[i] - 1) / strides[i];
                long total = Math.Max((output - 1) * strides[i] + (k - 1) * dilation[i] + 1 - size, 0);
                // torch's pad lists the last axis first, as (before, after) pairs.
                pad[2 * (rank - 1 - i)] = total / 2;
                pad[2 * (rank - 1 - i) + 1] = total - total / 2;
                any |= total > 0;
            }
            if (any)
            {
                input = torch.nn.functional.pad(x, pad);
            }
        }
        try
        {
            return rank switch
            {
                1 => torch.nn.functional.conv1d(input, weight, null, strides[0], 0, dilation[0]),
                2 => torch.nn.functional.conv2d(input, weight, null, strides, [0, 0], dilation),
                3 => torch.nn.functional.conv3d(input, weight, null, strides, [0, 0, 0], dilation),
                _ => throw new ArgumentException($"Convolutions of rank {rank} are not supported; expected 1, 2 or 3.",
                    nameof(strides)),
            };
        }
        finally
        {
            if (!ReferenceEquals(input, x))
            {
                input.Dispose();
            }
        }
    }
}

using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Max pooling over the spatial axes (<c>keras.ops.max_pool</c>), with TensorFlow's padding
    /// rules.</summary>
    /// <param name="x">The input, rank 3 to 5: <c>(batch, *spatial, channels)</c> or <c>(batch, channels,
    /// *spatial)</c>.</param>
    /// <param name="poolSize">The window size per spatial axis.</param>
    /// <param name="strides">The step per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so the output has <c>ceil(size /
    /// stride)</c> steps). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <returns>The pooled tensor, in the input's data format.</returns>
    /// <remarks>"same" pads the extra cell at the end of an axis, as TensorFlow, and the padding never wins the max.
    /// </remarks>
    /// <example><code>Tensor y = Ops.MaxPool(x, [2, 2], [2, 2], "same");</code></example>
    public static Tensor MaxPool(Tensor x, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides,
        string padding = "valid", string dataFormat = "channels_last")
    {
        var (input, pads) = PoolingInput(x, poolSize, strides, padding, dataFormat);
        if (pads.Any(p => p != 0))
        {
            input = torch.nn.functional.pad(input, pads, PaddingModes.Constant, double.NegativeInfinity);
        }
        var (kernel, stride) = PoolingWindow(poolSize, strides);
        var pooled = kernel.Length == 2
            ? torch.nn.functional.max_pool2d(input, kernel, stride)
            : torch.nn.functional.max_pool3d(input, kernel, stride);
        return PoolingOutput(pooled, poolSize.Count, dataFormat);
    }

    /// <summary>Average pooling over the spatial axes (<c>keras.ops.average_pool</c>), with TensorFlow's padding
    /// rules.</summary>
    /// <param name="x">The input, rank 3 to 5: <c>(batch, *spatial, channels)</c> or <c>(batch, channels,
    /// *spatial)</c>.</param>
    /// <param name="poolSize">The window size per spatial axis.</param>
    /// <param name="strides">The step per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (pad so the output has <c>ceil(size /
    /// stride)</c> steps). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <returns>The pooled tensor, in the input's data format.</returns>
    /// <remarks>"same" pads the extra cell at the end of an axis, as TensorFlow, and each window averages only the
    /// cells inside the input (the padded cells are not counted, whether the padding is symmetric or not).</remarks>
    /// <example><code>Tensor y = Ops.AveragePool(x, [3], [2], "same");</code></example>
    public static Tensor AveragePool(Tensor x, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides,
        string padding = "valid", string dataFormat = "channels_last")
    {
        var (input, pads) = PoolingInput(x, poolSize, strides, padding, dataFormat);
        var (kernel, stride) = PoolingWindow(poolSize, strides);
        Tensor pooled;
        if (pads.All(p => p == 0))
        {
            pooled = PoolingSum(input, kernel, stride, divisor: null);
        }
        else
        {
            // Window sums over the zero-padded input, divided by how many real cells each window covers.
            var sums = PoolingSum(torch.nn.functional.pad(input, pads), kernel, stride, divisor: 1);
            Tensor counts;
            using (torch.no_grad())
            {
                using var ones = torch.ones([1, 1, .. input.shape[2..]], input.dtype, input.device);
                using var padded = torch.nn.functional.pad(ones, pads);
                counts = PoolingSum(padded, kernel, stride, divisor: 1);
            }
            pooled = sums / counts;
        }
        return PoolingOutput(pooled, poolSize.Count, dataFormat);
    }

    /// <summary>Moves a pooling input to channels-first rank 4 or 5 (1D pooling runs as 2D over a unit height) and
    /// computes libtorch's pad list (innermost axis first) for the padding mode.</summary>
    private static (Tensor Input, long[] Pads) PoolingInput(Tensor x, IReadOnlyList<int> poolSize,
        IReadOnlyList<int> strides, string padding, string dataFormat)
    {
        int rank = poolSize.Count;
        if (rank is < 1 or > 3 || strides.Count != rank || x.dim() != rank + 2)
        {
            throw new ArgumentException(
                $"Pooling expects 1 to 3 spatial axes with one pool size and stride each and an input of rank " +
                $"spatial + 2. Received: pool_size=({string.Join(", ", poolSize)}), " +
                $"strides=({string.Join(", ", strides)}), input shape {new Shape(x.shape)}.");
        }
        if (padding is not ("valid" or "same"))
        {
            throw new ArgumentException(
                $"`padding` must be \"valid\" or \"same\". Received: padding=\"{padding}\"", nameof(padding));
        }
        var input = dataFormat switch
        {
            "channels_last" => x.permute([0, rank + 1, .. Enumerable.Range(1, rank).Select(a => (long)a)]),
            "channels_first" => x,
            _ => throw new ArgumentException(
                "`data_format` must be \"channels_last\" or \"channels_first\". " +
                $"Received: data_format=\"{dataFormat}\"",
                nameof(dataFormat)),
        };
        var pads = new long[2 * rank];
        if (padding == "same")
        {
            for (int axis = 0; axis < rank; axis++)
            {
                long size = input.shape[2 + axis];
                long output = (size + strides[axis] - 1) / strides[axis];
                long total = Math.Max((output - 1) * strides[axis] + poolSize[axis] - size, 0);
                int slot = 2 * (rank - 1 - axis);
                pads[slot] = total / 2;
                pads[slot + 1] = total - total / 2;
            }
        }
        if (rank == 1)
        {
            input = input.unsqueeze(2);
            pads = [.. pads, 0, 0];
        }
        return (input, pads);
    }

    /// <summary>The libtorch kernel and stride (1D pooling as 2D with a unit height).</summary>
    private static (long[] Kernel, long[] Stride) PoolingWindow(IReadOnlyList<int> poolSize,
        IReadOnlyList<int> strides) =>
        poolSize.Count == 1
            ? ([1, poolSize[0]], [1, strides[0]])
            : (poolSize.Select(p => (long)p).ToArray(), strides.Select(s => (long)s).ToArray());

    /// <summary>Window averages (<paramref name="divisor"/> null) or window sums (divisor 1) of a rank-4/5
    /// tensor.</summary>
    private static Tensor PoolingSum(Tensor x, long[] kernel, long[] stride, long? divisor) => kernel.Length == 2
        ? torch.nn.functional.avg_pool2d(x, kernel, stride, divisor_override: divisor)
        : torch.nn.functional.avg_pool3d(x, kernel, stride, divisor_override: divisor);

    /// <summary>Back from the channels-first working layout to the caller's data format.</summary>
    private static Tensor PoolingOutput(Tensor pooled, int rank, string dataFormat)
    {
        if (rank == 1)
        {
            pooled = pooled.squeeze(2);
        }
        return dataFormat == "channels_last"
            ? pooled.permute([0, .. Enumerable.Range(2, rank).Select(a => (long)a), 1])
            : pooled;
    }
}

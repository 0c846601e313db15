using Keras.Layers;
using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>N-D convolution (cross-correlation) with a Keras kernel, as <c>keras.ops.conv</c> plus an optional
    /// fused bias; 1-D, 2-D and 3-D.</summary>
    /// <param name="inputs">Input of shape <c>(batch, spatial..., channels)</c> (or channels first).</param>
    /// <param name="kernel">Kernel in Keras layout <c>(k..., in / groups, out)</c>; the number of groups is
    /// <c>in / kernel.shape[-2]</c>.</param>
    /// <param name="strides">One stride per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c>, <c>"same"</c> (TensorFlow's: the odd pixel goes at the end) or
    /// <c>"causal"</c> (1-D: <c>dilation·(k−1)</c> zeros before).</param>
    /// <param name="dilationRate">One dilation per spatial axis.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="bias">An optional bias of shape <c>(out,)</c>, added in the same kernel.</param>
    /// <returns>The output, in <paramref name="dataFormat"/>.</returns>
    /// <remarks>Channels-last inputs are viewed as channels first (a permutation, no copy) for libtorch and the result
    /// is viewed back; the kernel is permuted to <c>(out, in / groups, k...)</c>.</remarks>
    public static Tensor Conv(Tensor inputs, Tensor kernel, int[] strides, string padding, int[] dilationRate,
        string dataFormat = "channels_last", Tensor? bias = null)
    {
        bool channelsLast = CheckConvArguments(inputs, kernel, strides, dilationRate, dataFormat, "conv");
        var x = ToChannelsFirst(inputs, channelsLast);
        long inChannels = x.shape[1];
        long groups = inChannels / kernel.shape[^2];
        if (groups * kernel.shape[^2] != inChannels)
        {
            throw new ArgumentException(
                $"The number of input channels ({inChannels}) must be a multiple of the kernel's input channels " +
                $"({kernel.shape[^2]}). Received: inputs.shape={new Shape(inputs.shape)}, " +
                $"kernel.shape={new Shape(kernel.shape)}, data_format='{dataFormat}'.", nameof(kernel));
        }
        var y = ConvChannelsFirst(x, TorchKernel(kernel), bias, strides, padding, dilationRate, groups);
        return ToChannelsLast(y, channelsLast);
    }

    /// <summary>Depthwise convolution with a Keras kernel, as <c>keras.ops.depthwise_conv</c> plus an optional fused
    /// bias: each input channel <c>c</c> is convolved with <c>kernel[..., c, m]</c> into output channel
    /// <c>c·depth_multiplier + m</c>.</summary>
    /// <param name="inputs">Input of shape <c>(batch, spatial..., channels)</c> (or channels first).</param>
    /// <param name="kernel">Kernel in Keras layout <c>(k..., in, depth_multiplier)</c>.</param>
    /// <param name="strides">One stride per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c> (TensorFlow's).</param>
    /// <param name="dilationRate">One dilation per spatial axis.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="bias">An optional bias of shape <c>(in·depth_multiplier,)</c>.</param>
    /// <returns>The output, in <paramref name="dataFormat"/>.</returns>
    public static Tensor DepthwiseConv(Tensor inputs, Tensor kernel, int[] strides, string padding, int[] dilationRate,
        string dataFormat = "channels_last", Tensor? bias = null)
    {
        bool channelsLast = CheckConvArguments(inputs, kernel, strides, dilationRate, dataFormat, "depthwise_conv");
        var x = ToChannelsFirst(inputs, channelsLast);
        CheckKernelChannels(x, kernel, inputs, dataFormat);
        var y = ConvChannelsFirst(x, DepthwiseTorchKernel(kernel), bias, strides, padding, dilationRate, x.shape[1]);
        return ToChannelsLast(y, channelsLast);
    }

    /// <summary>Depthwise separable convolution, as <c>keras.ops.separable_conv</c> plus an optional fused bias: a
    /// depthwise convolution (strides, padding and dilation apply here) followed by a 1×1 pointwise
    /// convolution.</summary>
    /// <param name="inputs">Input of shape <c>(batch, spatial..., channels)</c> (or channels first).</param>
    /// <param name="depthwiseKernel">Keras layout <c>(k..., in, depth_multiplier)</c>.</param>
    /// <param name="pointwiseKernel">Keras layout <c>(1..., in·depth_multiplier, filters)</c>.</param>
    /// <param name="strides">One stride per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c> (TensorFlow's).</param>
    /// <param name="dilationRate">One dilation per spatial axis.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="bias">An optional bias of shape <c>(filters,)</c>.</param>
    /// <returns>The output, in <paramref name="dataFormat"/>.</returns>
    public static Tensor SeparableConv(Tensor inputs, Tensor depthwiseKernel, Tensor pointwiseKernel, int[] strides,
        string padding, int[] dilationRate, string dataFormat = "channels_last", Tensor? bias = null)
    {
        bool channelsLast = CheckConvArguments(inputs, depthwiseKernel, strides, dilationRate, dataFormat,
            "separable_conv");
        var x = ToChannelsFirst(inputs, channelsLast);
        CheckKernelChannels(x, depthwiseKernel, inputs, dataFormat);
        var depthwise = ConvChannelsFirst(x, DepthwiseTorchKernel(depthwiseKernel), null, strides, padding,
            dilationRate, x.shape[1]);
        int rank = strides.Length;
        var ones = Enumerable.Repeat(1, rank).ToArray();
        var y = ConvChannelsFirst(depthwise, TorchKernel(pointwiseKernel), bias, ones, "valid", ones, 1);
        return ToChannelsLast(y, channelsLast);
    }

    /// <summary>Transposed convolution with a Keras kernel, as <c>keras.ops.conv_transpose</c> plus an optional bias;
    /// the output length per axis is Keras' <c>compute_conv_transpose_output_shape</c>.</summary>
    /// <param name="inputs">Input of shape <c>(batch, spatial..., channels)</c> (or channels first).</param>
    /// <param name="kernel">Kernel in Keras layout <c>(k..., out, in)</c>.</param>
    /// <param name="strides">One stride per spatial axis.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c>.</param>
    /// <param name="outputPadding">Extra output length per axis (each below its stride), or null to infer it.</param>
    /// <param name="dilationRate">One dilation per spatial axis.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="bias">An optional bias of shape <c>(out,)</c>.</param>
    /// <returns>The output, in <paramref name="dataFormat"/>.</returns>
    /// <remarks>libtorch's <c>conv_transpose</c> runs with the symmetric part of the crop as its padding; what is left
    /// (Keras' "same" crops one more pixel at the start than at the end, or extends with zeros when the output is
    /// longer than the full transposed convolution) is a narrow view or a pad.</remarks>
    public static Tensor ConvTranspose(Tensor inputs, Tensor kernel, int[] strides, string padding,
        int[]? outputPadding, int[] dilationRate, string dataFormat = "channels_last", Tensor? bias = null)
    {
        bool channelsLast = CheckConvArguments(inputs, kernel, strides, dilationRate, dataFormat, "conv_transpose");
        var x = ToChannelsFirst(inputs, channelsLast);
        if (x.shape[1] != kernel.shape[^1])
        {
            throw new ArgumentException(
                "The number of input channels must match the kernel's input channels. Received: input channels=" +
                $"{x.shape[1]}, kernel input channels={kernel.shape[^1]}, data_format='{dataFormat}'.", nameof(kernel));
        }
        int rank = strides.Length;
        var torchPadding = new long[rank];
        var cropBefore = new long[rank];
        var cropAfter = new long[rank];
        bool extends = false;
        bool crops = false;
        for (int i = 0; i < rank; i++)
        {
            int k = (int)kernel.shape[i];
            int effective = (k - 1) * dilationRate[i] + 1;
            var (left, right) = ConvUtils.TransposePadding(k, strides[i], dilationRate[i], padding, outputPadding?[i]);
            long before = effective - 1 - left;
            long after = effective - 1 - right;
            torchPadding[i] = Math.Max(Math.Min(before, after), 0);
            cropBefore[i] = before - torchPadding[i];
            cropAfter[i] = after - torchPadding[i];
            extends |= cropBefore[i] < 0 || cropAfter[i] < 0;
            crops |= cropBefore[i] != 0 || cropAfter[i] != 0;
        }
        var weight = TorchKernel(kernel);
        var fusedBias = extends ? null : bias;
        var zeros = new long[rank];
        var stride = strides.Select(s => (long)s).ToArray();
        var dilation = dilationRate.Select(d => (long)d).ToArray();
        var y = rank switch
        {
            1 => nn.functional.conv_transpose1d(x, weight, fusedBias, stride[0], torchPadding[0], 0, dilation[0]),
            2 => nn.functional.conv_transpose2d(x, weight, fusedBias, stride, torchPadding, zeros, dilation),
            _ => nn.functional.conv_transpose3d(x, weight, fusedBias, stride, torchPadding, zeros, dilation),
        };
        if (extends)
        {
            y = nn.functional.pad(y, PadArgument(cropBefore, cropAfter, negate: true));
            if (bias is not null)
            {
                y = y.add(bias.reshape(ChannelsFirstBiasShape(bias, rank)));
            }
        }
        else if (crops)
        {
            for (int i = 0; i < rank; i++)
            {
                y = y.narrow(2 + i, cropBefore[i], y.shape[2 + i] - cropBefore[i] - cropAfter[i]);
            }
        }
        return ToChannelsLast(y, channelsLast);
    }

    /// <summary>Convolution of a channels-first input with a torch-layout weight; "same" and "causal" padding is
    /// computed per axis, its symmetric part passed to libtorch and any asymmetric rest padded explicitly.</summary>
    /// <remarks>An explicit pad is a temporary, released once the convolution has run (autograd keeps what it
    /// needs); a channels-first caller with a torch-layout weight (ConvLSTM, per step) uses this directly.</remarks>
    internal static Tensor ConvChannelsFirst(Tensor x, Tensor weight, Tensor? bias, int[] strides, string padding,
        int[] dilationRate, long groups = 1)
    {
        int rank = strides.Length;
        var symmetric = new long[rank];
        var extraBefore = new long[rank];
        var extraAfter = new long[rank];
        bool asymmetric = false;
        for (int i = 0; i < rank; i++)
        {
            var (before, after) = ConvUtils.Padding(padding, x.shape[2 + i], (int)weight.shape[2 + i], strides[i],
                dilationRate[i]);
            symmetric[i] = Math.Min(before, after);
            extraBefore[i] = before - symmetric[i];
            extraAfter[i] = after - symmetric[i];
            asymmetric |= before != after;
        }
        using var padded = asymmetric
            ? nn.functional.pad(x, PadArgument(extraBefore, extraAfter, negate: false))
            : null;
        var input = padded ?? x;
        var stride = strides.Select(s => (long)s).ToArray();
        var dilation = dilationRate.Select(d => (long)d).ToArray();
        return rank switch
        {
            1 => nn.functional.conv1d(input, weight, bias, stride[0], symmetric[0], dilation[0], groups),
            2 => nn.functional.conv2d(input, weight, bias, stride, symmetric, dilation, groups),
            _ => nn.functional.conv3d(input, weight, bias, stride, symmetric, dilation, groups),
        };
    }

    /// <summary>Validates ranks and returns whether the data format is channels last.</summary>
    private static bool CheckConvArguments(Tensor inputs, Tensor kernel, int[] strides, int[] dilationRate,
        string dataFormat, string op)
    {
        int rank = strides.Length;
        if (rank is < 1 or > 3 || dilationRate.Length != rank || kernel.dim() != rank + 2 || inputs.dim() != rank + 2)
        {
            throw new ArgumentException(
                $"`{op}` supports 1-D, 2-D and 3-D convolutions with inputs of rank N + 2, kernels of rank N + 2 and " +
                $"N strides and dilation rates. Received: inputs.shape={new Shape(inputs.shape)}, " +
                $"kernel.shape={new Shape(kernel.shape)}, strides={IntTuple.FormatTuple(strides)}, " +
                $"dilation_rate={IntTuple.FormatTuple(dilationRate)}.", nameof(inputs));
        }
        return ConvUtils.StandardizeDataFormat(dataFormat) == "channels_last";
    }

    private static void CheckKernelChannels(Tensor channelsFirst, Tensor kernel, Tensor inputs, string dataFormat)
    {
        if (channelsFirst.shape[1] != kernel.shape[^2])
        {
            throw new ArgumentException(
                "The number of input channels must match the kernel's input channels. Received: input channels=" +
                $"{channelsFirst.shape[1]}, kernel input channels={kernel.shape[^2]}, data_format='{dataFormat}' " +
                $"(inputs.shape={new Shape(inputs.shape)}).", nameof(kernel));
        }
    }

    /// <summary>Views <c>(batch, spatial..., channels)</c> as <c>(batch, channels, spatial...)</c>.</summary>
    private static Tensor ToChannelsFirst(Tensor x, bool channelsLast)
    {
        if (!channelsLast)
        {
            return x;
        }
        int n = (int)x.dim();
        var order = new long[n];
        order[1] = n - 1;
        for (int i = 2; i < n; i++)
        {
            order[i] = i - 1;
        }
        return x.permute(order);
    }

    /// <summary>Views <c>(batch, channels, spatial...)</c> as <c>(batch, spatial..., channels)</c>.</summary>
    private static Tensor ToChannelsLast(Tensor y, bool channelsLast)
    {
        if (!channelsLast)
        {
            return y;
        }
        int n = (int)y.dim();
        var order = new long[n];
        for (int i = 1; i < n - 1; i++)
        {
            order[i] = i + 1;
        }
        order[n - 1] = 1;
        return y.permute(order);
    }

    /// <summary>Keras <c>(k..., a, b)</c> → torch <c>(b, a, k...)</c>: a conv kernel <c>(k..., in, out)</c> becomes
    /// <c>(out, in, k...)</c>, a transposed-conv kernel <c>(k..., out, in)</c> becomes <c>(in, out,
    /// k...)</c>.</summary>
    /// <remarks>Made contiguous (a copy of the small kernel): libtorch's native kernels (slow_conv_transpose2d,
    /// dilated and 3-D convolutions) require a contiguous weight in the backward pass and abort the process
    /// otherwise.</remarks>
    internal static Tensor TorchKernel(Tensor kernel)
    {
        int n = (int)kernel.dim();
        var order = new long[n];
        order[0] = n - 1;
        order[1] = n - 2;
        for (int i = 2; i < n; i++)
        {
            order[i] = i - 2;
        }
        return kernel.permute(order).contiguous();
    }

    /// <summary>Depthwise <c>(k..., in, m)</c> → <c>(k..., 1, in·m)</c> (channel <c>c·m + j</c>) → torch
    /// <c>(in·m, 1, k...)</c> for a convolution with <c>in</c> groups.</summary>
    private static Tensor DepthwiseTorchKernel(Tensor kernel)
    {
        var shape = kernel.shape.ToArray();
        int n = shape.Length;
        shape[n - 1] = shape[n - 2] * shape[n - 1];
        shape[n - 2] = 1;
        return TorchKernel(kernel.reshape(shape));
    }

    /// <summary>The shape <c>(1, channels, 1...)</c> that broadcasts a bias over a channels-first output.</summary>
    private static long[] ChannelsFirstBiasShape(Tensor bias, int rank)
    {
        var shape = Enumerable.Repeat(1L, rank + 2).ToArray();
        shape[1] = bias.shape[0];
        return shape;
    }

    /// <summary>torch's pad argument (last axis first) for the spatial axes; negated pads crop.</summary>
    private static long[] PadArgument(long[] before, long[] after, bool negate)
    {
        int rank = before.Length;
        var pad = new long[2 * rank];
        long sign = negate ? -1 : 1;
        for (int i = 0; i < rank; i++)
        {
            pad[2 * i] = sign * before[rank - 1 - i];
            pad[2 * i + 1] = sign * after[rank - 1 - i];
        }
        return pad;
    }
}

namespace Keras.Layers;

/// <summary>Keras' convolution arithmetic (<c>compute_conv_output_shape</c>,
/// <c>compute_conv_transpose_output_shape</c>, TF "same" padding) and argument checks, shared by the convolution
/// layers and <see cref="Ops"/>.</summary>
internal static class ConvUtils
{
    /// <summary>Keras' <c>standardize_padding</c>: lower-cases and checks the padding mode.</summary>
    public static string StandardizePadding(string padding, bool allowCausal)
    {
        ArgumentNullException.ThrowIfNull(padding);
        string value = padding.ToLowerInvariant();
        if (value is "valid" or "same" || (allowCausal && value == "causal"))
        {
            return value;
        }
        string allowed = allowCausal ? "{'valid', 'same', 'causal'}" : "{'valid', 'same'}";
        throw new ArgumentException(
            $"The `padding` argument must be a list/tuple or one of {allowed}. Received: {value}", nameof(padding));
    }

    /// <summary>Keras' <c>standardize_data_format</c>: lower-cases and checks the data format.</summary>
    public static string StandardizeDataFormat(string dataFormat)
    {
        ArgumentNullException.ThrowIfNull(dataFormat);
        string value = dataFormat.ToLowerInvariant();
        if (value is "channels_last" or "channels_first")
        {
            return value;
        }
        throw new ArgumentException(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. " +
            $"Received: data_format={value}", nameof(dataFormat));
    }

    /// <summary>Keras' check that a stride and a dilation above 1 are not combined.</summary>
    public static void CheckStridesAndDilation(int[] strides, int[] dilationRate)
    {
        if (strides.Max() > 1 && dilationRate.Max() > 1)
        {
            throw new ArgumentException(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: " +
                $"strides={IntTuple.FormatTuple(strides)} and dilation_rate={IntTuple.FormatTuple(dilationRate)}",
                "strides");
        }
    }

    /// <summary>Keras' check of <c>depth_multiplier</c>.</summary>
    public static void CheckDepthMultiplier(int depthMultiplier)
    {
        if (depthMultiplier <= 0)
        {
            throw new ArgumentException(
                "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. " +
                $"Received depth_multiplier={depthMultiplier}.", nameof(depthMultiplier));
        }
    }

    /// <summary>Keras' check of <c>filters</c>.</summary>
    public static void CheckFilters(int filters)
    {
        if (filters <= 0)
        {
            throw new ArgumentException(
                "Invalid value for argument `filters`. Expected a strictly positive value. " +
                $"Received filters={filters}.", nameof(filters));
        }
    }

    /// <summary>The padding before and after one spatial axis: none for "valid"; TensorFlow's "same" (the odd pixel
    /// goes at the end); <c>dilation·(kernel−1)</c> before for "causal".</summary>
    public static (long Before, long After) Padding(string padding, long size, int kernel, int stride, int dilation)
    {
        switch (padding)
        {
            case "same":
                long output = (size + stride - 1) / stride;
                long total = Math.Max((output - 1) * stride + (long)(kernel - 1) * dilation + 1 - size, 0);
                return (total / 2, total - total / 2);
            case "causal":
                return ((long)dilation * (kernel - 1), 0);
            default:
                return (0, 0);
        }
    }

    /// <summary>One spatial output length of a convolution (Keras' <c>compute_conv_output_shape</c>); null stays
    /// null.</summary>
    public static int? OutputLength(int? size, int kernel, int stride, int dilation, string padding)
    {
        if (size is not int n)
        {
            return null;
        }
        return padding == "valid"
            ? FloorDiv(n - dilation * (kernel - 1) - 1, stride) + 1
            : FloorDiv(n - 1, stride) + 1;
    }

    /// <summary>The output shape of a convolution with <paramref name="channels"/> output channels; throws Keras'
    /// errors when the input rank is wrong or a "valid" output would be empty.</summary>
    public static Shape ConvOutputShape(Shape inputShape, int rank, int channels, int[] kernelSize, int[] strides,
        int[] dilationRate, string padding, bool channelsLast, string layerName)
    {
        CheckRank(inputShape, rank, layerName);
        var dims = new int?[rank + 2];
        dims[0] = inputShape[0];
        int first = channelsLast ? 1 : 2;
        for (int i = 0; i < rank; i++)
        {
            int? length = OutputLength(inputShape[first + i], kernelSize[i], strides[i], dilationRate[i], padding);
            if (length <= 0)
            {
                string kernel = FormatDims([.. kernelSize.Select(k => (int?)k),
                    inputShape[ChannelAxis(channelsLast, rank + 2)], channels]);
                throw new ArgumentException(
                    $"Computed output size would be zero or negative for layer \"{layerName}\". Received `inputs " +
                    $"shape={inputShape}`, `kernel shape={kernel}`, " +
                    $"`dilation_rate={IntTuple.FormatTuple(dilationRate)}`, " +
                    $"`strides={IntTuple.FormatTuple(strides)}`, `padding={padding}`.");
            }
            dims[first + i] = length;
        }
        dims[ChannelAxis(channelsLast, rank + 2)] = channels;
        return new Shape(dims);
    }

    /// <summary>The number of input channels of a layer input; it must be known to build the layer.</summary>
    public static int InputChannels(Shape inputShape, int rank, bool channelsLast, string layerName)
    {
        CheckRank(inputShape, rank, layerName);
        return inputShape[ChannelAxis(channelsLast, rank + 2)] ?? throw new ArgumentException(
            $"The channel dimension of the inputs to layer \"{layerName}\" should be defined. " +
            $"Received: input_shape={inputShape}");
    }

    /// <summary>A kernel shape in Keras layout: the spatial sizes, then two channel dimensions.</summary>
    public static Shape KernelShape(int[] spatial, int channelsIn, int channelsOut) =>
        new([.. spatial.Select(k => (int?)k), channelsIn, channelsOut]);

    private static void CheckRank(Shape inputShape, int rank, string layerName)
    {
        if (inputShape.Rank != rank + 2)
        {
            throw new ArgumentException(
                $"Layer \"{layerName}\" expects inputs of rank {rank + 2} (batch, {rank} spatial dimension" +
                $"{(rank == 1 ? "" : "s")} and channels). Received: input_shape={inputShape}");
        }
    }

    private static string FormatDims(int?[] dims) => new Shape(dims).ToString();

    /// <summary>One spatial output length of a transposed convolution (Keras'
    /// <c>_get_output_shape_given_tf_padding</c>); null stays null.</summary>
    public static int? TransposeOutputLength(int? size, int kernel, int stride, int dilation, string padding,
        int? outputPadding)
    {
        if (size is not int n)
        {
            return null;
        }
        int effective = (kernel - 1) * dilation + 1;
        if (padding == "valid")
        {
            return (n - 1) * stride + effective + (outputPadding ?? Math.Max(effective, stride) - effective);
        }
        return outputPadding is int op ? (n - 1) * stride + effective % 2 + op : n * stride;
    }

    /// <summary>The output shape of a transposed convolution (Keras'
    /// <c>compute_conv_transpose_output_shape</c>).</summary>
    public static Shape ConvTransposeOutputShape(Shape inputShape, int filters, int[] kernelSize, int[] strides,
        int[] dilationRate, string padding, int[]? outputPadding, bool channelsLast, string layerName)
    {
        int rank = kernelSize.Length;
        CheckRank(inputShape, rank, layerName);
        var dims = new int?[rank + 2];
        dims[0] = inputShape[0];
        int first = channelsLast ? 1 : 2;
        for (int i = 0; i < rank; i++)
        {
            dims[first + i] = TransposeOutputLength(inputShape[first + i], kernelSize[i], strides[i], dilationRate[i],
                padding, outputPadding?[i]);
        }
        dims[channelsLast ? rank + 1 : 1] = filters;
        return new Shape(dims);
    }

    /// <summary>The padding of the stride-dilated input that Keras' JAX backend uses for a transposed convolution
    /// (<c>_convert_conv_transpose_padding_args_from_keras_to_jax</c>); it reproduces TensorFlow's
    /// <c>conv_transpose</c> and gives <see cref="TransposeOutputLength"/>.</summary>
    public static (int Left, int Right) TransposePadding(int kernel, int stride, int dilation, string padding,
        int? outputPadding)
    {
        int effective = (kernel - 1) * dilation + 1;
        if (padding == "valid")
        {
            int op = outputPadding ?? Math.Max(effective, stride) - effective;
            return (effective - 1, effective - 1 + op);
        }
        int total = outputPadding is int given ? effective + effective % 2 - 2 + given : stride + effective - 2;
        int left = Math.Min(total / 2 + total % 2, effective - 1);
        return (left, total - left);
    }

    /// <summary>Keras' input spec after building: rank at least N + 2 and the channel axis (-1 or 1) fixed.</summary>
    public static InputSpec BuiltInputSpec(int rank, bool channelsLast, int inputChannels) =>
        new(minNdim: rank + 2, axes: new Dictionary<int, int> { [channelsLast ? -1 : 1] = inputChannels });

    /// <summary>The channel axis of a Keras shape or tensor of rank <paramref name="ndim"/>.</summary>
    public static int ChannelAxis(bool channelsLast, int ndim) => channelsLast ? ndim - 1 : 1;

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);
}

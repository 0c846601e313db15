using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the convolutions: Conv1D/2D/3D (groups, dilation, TensorFlow's asymmetric "same", causal),
/// Conv1D/2D/3DTranspose (output_padding), DepthwiseConv1D/2D and SeparableConv1D/2D, channels_last or
/// channels_first. Kernels are stored as Keras holds them and transposed to ONNX's layout in the graph.</summary>
internal static class ConvolutionExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<BaseConv>((layer, context, x) =>
            Convolve(context, layer, x, OnnxKernel(context, layer.Kernel!), layer.Groups));
        OnnxExporters.RegisterUnary<BaseDepthwiseConv>((layer, context, x) =>
            Convolve(context, layer, x, DepthwiseKernel(context, layer.Kernel!), Channels(context, layer, x)));
        OnnxExporters.RegisterUnary<BaseSeparableConv>(Separable);
        OnnxExporters.RegisterUnary<BaseConvTranspose>(Transpose);
    }

    /// <summary>Keras (k..., in, out) to ONNX (out, in, k...).</summary>
    private static string OnnxKernel(OnnxExportContext context, Variable kernel) =>
        context.AddNode("Transpose", [context.AddInitializer(kernel)],
            OnnxAttribute.Ints("perm", TorchOrder(kernel.Shape.Rank)));

    /// <summary>Keras (k..., in, multiplier) to ONNX (in * multiplier, 1, k...) for a convolution with in groups.</summary>
    private static string DepthwiseKernel(OnnxExportContext context, Variable kernel)
    {
        var dims = kernel.Shape.Select(d => (long)d!.Value).ToArray();
        long[] grouped = [.. dims[..^2], 1, dims[^2] * dims[^1]];
        var reshaped = context.AddNode("Reshape", [context.AddInitializer(kernel), context.AddInt64s("shape", grouped)]);
        return context.AddNode("Transpose", [reshaped], OnnxAttribute.Ints("perm", TorchOrder(dims.Length)));
    }

    private static long[] TorchOrder(int rank) => [rank - 1, rank - 2, .. Enumerable.Range(0, rank - 2).Select(i => (long)i)];

    private static long Channels(OnnxExportContext context, BaseConvolution layer, string x)
    {
        var shape = context.ShapeOf(x);
        return shape[layer.DataFormat == "channels_last" ? -1 : 1] ?? throw new NotSupportedException(
            $"Layer \"{layer.Name}\" exports to ONNX with a known channel count. Received input shape {shape}.");
    }

    private static string Separable(BaseSeparableConv layer, OnnxExportContext context, string x)
    {
        bool last = layer.DataFormat == "channels_last";
        int rank = layer.Rank + 2;
        var input = last ? context.ToChannelsFirst(x, rank) : x;
        var depthwise = context.AddNode("Conv", [input, DepthwiseKernel(context, layer.DepthwiseKernel!)],
            ConvAttributes(context, layer, context.ShapeOf(x), Channels(context, layer, x)));
        var ones = Enumerable.Repeat(1L, layer.Rank).ToArray();
        var y = context.AddNode("Conv",
            [depthwise, OnnxKernel(context, layer.PointwiseKernel!), layer.Bias is { } b ? context.AddInitializer(b) : ""],
            OnnxAttribute.Ints("strides", ones), OnnxAttribute.Ints("dilations", ones));
        return context.AddActivation(layer.Activation, last ? context.ToChannelsLast(y, rank) : y);
    }

    private static string Convolve(OnnxExportContext context, BaseConvolution layer, string x, string kernel, long groups)
    {
        bool last = layer.DataFormat == "channels_last";
        int rank = layer.Rank + 2;
        var input = last ? context.ToChannelsFirst(x, rank) : x;
        var y = context.AddNode("Conv", [input, kernel, layer.Bias is { } b ? context.AddInitializer(b) : ""],
            ConvAttributes(context, layer, context.ShapeOf(x), groups));
        return context.AddActivation(layer.Activation, last ? context.ToChannelsLast(y, rank) : y);
    }

    /// <summary>Strides, dilations, group and explicit begin/end pads (TensorFlow's "same" puts the odd pixel at the
    /// end; "causal" pads only before); SAME_UPPER where a strided spatial size is unknown.</summary>
    private static OnnxAttribute[] ConvAttributes(OnnxExportContext context, BaseConvolution layer, Shape input,
        long groups)
    {
        var spatial = Spatial(layer, input);
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Ints("strides", layer.Strides.Select(s => (long)s)),
            OnnxAttribute.Ints("dilations", layer.DilationRate.Select(d => (long)d)),
            OnnxAttribute.Int("group", groups),
        };
        // "same" pads depend on the size only for strides above 1 (ORT's SAME_UPPER has no dilation, which Keras
        // forbids together with strides above 1).
        if (layer.Padding == "same" && Enumerable.Range(0, layer.Rank).Any(i => spatial[i] is null && layer.Strides[i] > 1))
        {
            attributes.Add(OnnxAttribute.String("auto_pad", "SAME_UPPER"));
            return [.. attributes];
        }
        var pads = Enumerable.Range(0, layer.Rank)
            .Select(i => ConvUtils.Padding(layer.Padding, spatial[i] ?? 0, layer.KernelSize[i], layer.Strides[i],
                layer.DilationRate[i]))
            .ToList();
        attributes.Add(OnnxAttribute.Ints("pads", [.. pads.Select(p => p.Before), .. pads.Select(p => p.After)]));
        return [.. attributes];
    }

    private static int?[] Spatial(BaseConvolution layer, Shape input) =>
        Enumerable.Range(0, layer.Rank).Select(i => input[layer.DataFormat == "channels_last" ? 1 + i : 2 + i]).ToArray();

    /// <summary>The full transposed convolution (no pads), then the crop (or zero extension) Keras' padding implies,
    /// then the bias, as <c>Ops.ConvTranspose</c>.</summary>
    private static string Transpose(BaseConvTranspose layer, OnnxExportContext context, string x)
    {
        bool last = layer.DataFormat == "channels_last";
        int rank = layer.Rank + 2;
        var input = last ? context.ToChannelsFirst(x, rank) : x;
        var kernel = context.AddNode("Transpose", [context.AddInitializer(layer.Kernel!)],
            OnnxAttribute.Ints("perm", [rank - 1, rank - 2, .. Enumerable.Range(0, rank - 2).Select(i => (long)i)]));
        var y = context.AddNode("ConvTranspose", [input, kernel],
            OnnxAttribute.Ints("strides", layer.Strides.Select(s => (long)s)),
            OnnxAttribute.Ints("dilations", layer.DilationRate.Select(d => (long)d)));
        var before = new long[layer.Rank];
        var after = new long[layer.Rank];
        for (int i = 0; i < layer.Rank; i++)
        {
            int effective = (layer.KernelSize[i] - 1) * layer.DilationRate[i] + 1;
            var (left, right) = ConvUtils.TransposePadding(layer.KernelSize[i], layer.Strides[i], layer.DilationRate[i],
                layer.Padding, layer.OutputPadding?[i]);
            before[i] = -(effective - 1 - left);
            after[i] = -(effective - 1 - right);
        }
        if (before.Any(p => p != 0) || after.Any(p => p != 0))
        {
            y = context.AddNode("Pad", [y, context.AddInt64s("pads", [0, 0, .. before, 0, 0, .. after])]);
        }
        if (layer.Bias is { } bias)
        {
            var shaped = context.AddNode("Reshape", [context.AddInitializer(bias),
                context.AddInt64s("shape", [-1, .. Enumerable.Repeat(1L, layer.Rank)])]);
            y = context.AddNode("Add", [y, shaped]);
        }
        return context.AddActivation(layer.Activation, last ? context.ToChannelsLast(y, rank) : y);
    }
}

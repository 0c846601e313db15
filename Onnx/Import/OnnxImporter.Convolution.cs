using Keras.Layers;
using Keras.Saving;

namespace Keras.Onnx.Import;

internal sealed partial class OnnxImporter
{
    private void ConvertConv(OnnxImportedNode node)
    {
        var weights = Constant(node, 1);
        if (weights.Dims.Length != 4)
        {
            throw Unsupported(node, $"its weights have rank {weights.Dims.Length}; only 2-D convolutions " +
                "(OIHW weights) are imported");
        }
        var x = Input(node);
        int filters = (int)weights.Dims[0], kh = (int)weights.Dims[2], kw = (int)weights.Dims[3];
        int groups = (int)Int(node, "group", 1);
        int inChannels = (int)weights.Dims[1] * groups;
        var strides = Ints(node, "strides", [1, 1]);
        var dilations = Ints(node, "dilations", [1, 1]);
        var bias = OptionalConstant(node, 2);
        var (padded, padding) = SpatialPadding(node, x, [kh, kw], strides, dilations, zeroPaddingExact: true);
        var name = LayerName(node);
        int[] stride = [(int)strides[0], (int)strides[1]], dilation = [(int)dilations[0], (int)dilations[1]];

        using var scope = torch.NewDisposeScope();
        var oihw = weights.ToTorch();
        Layer layer;
        Tensor kernel;
        if (groups > 1 && groups == inChannels)
        {
            // Depthwise: output channel c * multiplier + m reads input channel c, as Keras' DepthwiseConv2D.
            int multiplier = filters / inChannels;
            layer = new DepthwiseConv2D((int[])[kh, kw], stride, padding, multiplier, dilationRate: dilation,
                useBias: bias is not null, name: name);
            kernel = oihw.reshape(inChannels, multiplier, kh, kw).permute(2, 3, 0, 1);
        }
        else
        {
            layer = new Conv2D(filters, (int[])[kh, kw], stride, padding, dilationRate: dilation, groups: groups,
                useBias: bias is not null, name: name);
            kernel = oihw.permute(2, 3, 1, 0);
        }
        var y = Apply(layer, padded);
        layer.SetWeights(bias is null ? [kernel.contiguous()] : [kernel.contiguous(), bias.ToTorch()]);
        SetOutput(node, new OnnxImportedValue(y, ChannelsLast: true));
    }

    private void ConvertPool(OnnxImportedNode node, string kind)
    {
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0)
        {
            throw Unsupported(node, "its Indices output is not imported");
        }
        var x = Input(node);
        var kernel = Ints(node, "kernel_shape", []);
        if (kernel.Length != 2)
        {
            throw Unsupported(node, $"kernel_shape has {kernel.Length} dims; only 2-D pooling is imported");
        }
        var strides = Ints(node, "strides", [1, 1]);
        var dilations = Opset >= 10 ? Ints(node, "dilations", [1, 1]) : [1, 1];
        if (dilations.Any(d => d != 1))
        {
            throw Unsupported(node, "pooling dilations other than 1 have no Keras layer");
        }
        if (IsFullWindow(node, strides))
        {
            ConvertGlobalPool(node, kind);
            return;
        }
        bool countIncludePad = kind == "average" && Int(node, "count_include_pad", 0) == 1;
        CheckCeilMode(node, x, kernel, strides);
        // Zero padding equals a max pool's -inf padding on non-negative inputs, and is what count_include_pad means.
        bool zeroPaddingExact = kind == "max" ? x.NonNegative : countIncludePad;
        var (padded, padding) = SpatialPadding(node, x, kernel, strides, dilations, zeroPaddingExact,
            sameExact: kind == "max" || !countIncludePad);
        (int, int) pool = ((int)kernel[0], (int)kernel[1]), stride = ((int)strides[0], (int)strides[1]);
        var name = LayerName(node);
        Layer layer = kind == "max"
            ? new MaxPooling2D(pool, stride, padding, name: name)
            : new AveragePooling2D(pool, stride, padding, name: name);
        SetOutput(node, new OnnxImportedValue(Apply(layer, padded), ChannelsLast: true, NonNegative: x.NonNegative));
    }

    private void ConvertGlobalPool(OnnxImportedNode node, string kind)
    {
        var x = Input(node);
        var input = ChannelsLast(x, node);
        var name = LayerName(node);
        Layer layer = kind == "max"
            ? new GlobalMaxPooling2D(keepdims: true, name: name)
            : new GlobalAveragePooling2D(keepdims: true, name: name);
        SetOutput(node, new OnnxImportedValue(Apply(layer, input), ChannelsLast: true, NonNegative: x.NonNegative));
    }

    /// <summary>A pooling whose window is its whole input at the file's declared size (declared output 1 × 1, stride
    /// 1, no padding) is global pooling, so the model also accepts other image sizes (as Keras applications'
    /// <c>pooling="avg"</c>).</summary>
    private bool IsFullWindow(OnnxImportedNode node, long[] strides)
    {
        var declared = _model.Graph.Outputs.FirstOrDefault(o => o.Name == node.Outputs[0])?.Dims
            ?? (_model.Graph.ValueInfos.TryGetValue(node.Outputs[0], out var info) ? info.Dims : null);
        return declared is { Count: 4 } && declared[2] == 1 && declared[3] == 1 && strides.All(s => s == 1)
            && Ints(node, "pads", [0, 0, 0, 0]).All(p => p == 0) && Text(node, "auto_pad", "NOTSET") is "NOTSET"
            or "VALID";
    }

    private void CheckCeilMode(OnnxImportedNode node, OnnxImportedValue x, long[] kernel, long[] strides)
    {
        if (Opset < 10 || Int(node, "ceil_mode", 0) == 0)
        {
            return;
        }
        var pads = Ints(node, "pads", [0, 0, 0, 0]);
        for (int axis = 0; axis < 2; axis++)
        {
            // ceil_mode changes nothing when the windows tile the padded input exactly.
            if (x.OnnxDim(axis + 2) is not int size
                || (size + pads[axis] + pads[axis + 2] - kernel[axis]) % strides[axis] != 0)
            {
                throw Unsupported(node, "ceil_mode=1 adds a partial window that Keras' pooling layers do not have " +
                    "(only inputs where it changes nothing are imported)");
            }
        }
    }

    /// <summary>Keras padding for ONNX pads/auto_pad: "valid", "same" when that is exact (TensorFlow's same pads
    /// the end, as SAME_UPPER; with stride 1 and symmetric pads it is any (k - 1) / 2 padding), else a ZeroPadding2D
    /// layer before a valid window when zero padding is exact.</summary>
    private (KerasTensor Input, string Padding) SpatialPadding(OnnxImportedNode node, OnnxImportedValue x,
        long[] kernel, long[] strides, long[] dilations, bool zeroPaddingExact, bool sameExact = true)
    {
        var input = ChannelsLast(x, node);
        var autoPad = Text(node, "auto_pad", "NOTSET");
        var effective = kernel.Select((k, i) => dilations[i] * (k - 1)).ToArray();
        bool stride1Odd = strides.All(s => s == 1) && effective.All(e => e % 2 == 0);
        switch (autoPad)
        {
            case "VALID":
                return (input, "valid");
            case "SAME_UPPER" when sameExact:
            case "SAME_LOWER" when sameExact && stride1Odd:
                return (input, "same");
            case "SAME_UPPER" or "SAME_LOWER":
                throw Unsupported(node, $"auto_pad={autoPad} here has no exact Keras padding");
            case "NOTSET" or "":
                break;
            default:
                throw Unsupported(node, $"unknown auto_pad \"{autoPad}\"");
        }
        var pads = Ints(node, "pads", [0, 0, 0, 0]);
        if (pads.All(p => p == 0))
        {
            return (input, "valid");
        }
        if (sameExact && stride1Odd && pads[0] == pads[2] && pads[1] == pads[3] && pads[0] == effective[0] / 2
            && pads[1] == effective[1] / 2)
        {
            return (input, "same");
        }
        if (!zeroPaddingExact)
        {
            throw Unsupported(node, $"pads [{string.Join(", ", pads)}] differ from Keras' \"same\" and zero padding " +
                "would change the result (a max pool whose input may be negative, or an average pool without " +
                "count_include_pad)");
        }
        var padding = new ZeroPadding2D((((int)pads[0], (int)pads[2]), ((int)pads[1], (int)pads[3])),
            name: UniqueName($"{NodeName(node)}_pad"));
        return (Apply(padding, input), "valid");
    }

    private void ConvertPad(OnnxImportedNode node)
    {
        var x = Input(node);
        var mode = Text(node, "mode", "constant");
        long[] pads = Opset >= 11 ? Constant(node, 1).ToInt64s() : Ints(node, "pads", []);
        double value = Opset >= 11
            ? OptionalConstant(node, 2)?.Values.SingleOrDefault() ?? 0
            : Float(node, "value", 0);
        if (Opset >= 18 && node.Inputs.Count > 3 && node.Inputs[3].Length > 0)
        {
            throw Unsupported(node, "the axes input is not imported; pad every axis");
        }
        if (mode != "constant" || value != 0 || x.Rank != 4 || pads.Length != 8 || pads[0] != 0 || pads[1] != 0
            || pads[4] != 0 || pads[5] != 0)
        {
            throw Unsupported(node, $"only constant zero padding of the spatial axes of a rank-4 tensor maps to " +
                $"ZeroPadding2D (received mode={mode}, value={value}, pads=[{string.Join(", ", pads)}])");
        }
        var layer = new ZeroPadding2D((((int)pads[2], (int)pads[6]), ((int)pads[3], (int)pads[7])),
            name: LayerName(node));
        SetOutput(node, new OnnxImportedValue(Apply(layer, ChannelsLast(x, node)), ChannelsLast: true,
            NonNegative: x.NonNegative));
    }
}

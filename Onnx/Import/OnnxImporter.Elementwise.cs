using Keras.Layers;

namespace Keras.Onnx.Import;

internal sealed partial class OnnxImporter
{
    private void ConvertBatchNormalization(OnnxImportedNode node)
    {
        var x = Input(node);
        if (Opset < 9 && Int(node, "spatial", 1) != 1)
        {
            throw Unsupported(node, "spatial=0 (per-element statistics) has no Keras layer");
        }
        if (node.Outputs.Skip(1).Any(o => o.Length > 0))
        {
            throw Unsupported(node, "its training-mode outputs (running statistics) are not imported");
        }
        var layer = new BatchNormalization(axis: x.Rank == 2 ? -1 : x.KerasAxis(1),
            momentum: Float(node, "momentum", 0.9f), epsilon: Float(node, "epsilon", 1e-5f), name: LayerName(node));
        var y = Apply(layer, x.Tensor);
        using var scope = torch.NewDisposeScope();
        layer.SetWeights([.. Enumerable.Range(1, 4).Select(i => Constant(node, i).ToTorch())]);
        SetOutput(node, x with { Tensor = y, NonNegative = false });
    }

    private void ConvertRelu(OnnxImportedNode node)
    {
        var x = Input(node);
        SetOutput(node, x with { Tensor = Apply(new ReLU(name: LayerName(node)), x.Tensor), NonNegative = true });
    }

    private void ConvertLeakyRelu(OnnxImportedNode node)
    {
        var x = Input(node);
        var layer = new LeakyReLU(Float(node, "alpha", 0.01f), name: LayerName(node));
        SetOutput(node, x with { Tensor = Apply(layer, x.Tensor), NonNegative = false });
    }

    private void ConvertActivation(OnnxImportedNode node, string activation, bool nonNegative)
    {
        var x = Input(node);
        var layer = new Activation(activation, name: LayerName(node));
        SetOutput(node, x with { Tensor = Apply(layer, x.Tensor), NonNegative = nonNegative });
    }

    private void ConvertSoftmax(OnnxImportedNode node)
    {
        var x = Input(node);
        int axis = (int)Int(node, "axis", Opset >= 13 ? -1 : 1);
        axis = axis < 0 ? axis + x.Rank : axis;
        // Before opset 13 Softmax flattens the axes from `axis` on: the same as one axis only when it is the last.
        if (Opset < 13 && Enumerable.Range(axis + 1, x.Rank - axis - 1).Any(a => x.OnnxDim(a) != 1))
        {
            throw Unsupported(node, $"opset {Opset} Softmax over the flattened axes {axis}.. of a rank-{x.Rank} " +
                "input has no Keras layer (only a softmax over the last axis is imported)");
        }
        if (x.FlattenedFrom is not null)
        {
            x = new OnnxImportedValue(OnnxOrder(x, node));
        }
        var layer = new Softmax(x.KerasAxis(axis), name: LayerName(node));
        SetOutput(node, x with { Tensor = Apply(layer, x.Tensor), NonNegative = true });
    }

    private void ConvertClip(OnnxImportedNode node)
    {
        var x = Input(node);
        double min = Opset >= 11 ? OptionalConstant(node, 1)?.Values.Single() ?? double.NegativeInfinity
            : Float(node, "min", float.MinValue);
        double max = Opset >= 11 ? OptionalConstant(node, 2)?.Values.Single() ?? double.PositiveInfinity
            : Float(node, "max", float.MaxValue);
        if (min <= float.MinValue && max >= float.MaxValue)
        {
            SetOutput(node, x);
            return;
        }
        if (min != 0)
        {
            throw Unsupported(node, $"Clip to [{min}, {max}] has no Keras layer; only a lower bound of 0 " +
                "(ReLU with max_value, as ReLU6) is imported");
        }
        var layer = new ReLU(maxValue: max >= float.MaxValue ? null : max, name: LayerName(node));
        SetOutput(node, x with { Tensor = Apply(layer, x.Tensor), NonNegative = true });
    }

    /// <summary>Add/Sum/Sub/Mul of graph values → Add/Subtract/Multiply layers (inputs brought to one layout); of a
    /// value and a scalar or per-channel constant → Rescaling.</summary>
    private void ConvertBinary(OnnxImportedNode node, string kind)
    {
        int constantIndex = Enumerable.Range(0, node.Inputs.Count).FirstOrDefault(i => IsConstant(node, i), -1);
        if (constantIndex >= 0)
        {
            ConvertConstantBinary(node, kind, constantIndex);
            return;
        }
        var values = Enumerable.Range(0, node.Inputs.Count).Select(i => Input(node, i)).ToList();
        if (values.Count == 1)
        {
            SetOutput(node, values[0]);
            return;
        }
        bool allChannelsLast = values.All(v => v.ChannelsLast);
        bool sameFlatten = values.All(v => v.FlattenedFrom is not null
            && v.FlattenedFrom.SequenceEqual(values[0].FlattenedFrom!));
        var tensors = allChannelsLast || sameFlatten
            ? values.Select(v => v.Tensor).ToList()
            : values.Select(v => OnnxOrder(v, node)).ToList();
        var name = LayerName(node);
        Layer layer = kind switch
        {
            "add" => new Add(name: name),
            "subtract" => new Subtract(name: name),
            _ => new Multiply(name: name),
        };
        bool nonNegative = kind != "subtract" && values.All(v => v.NonNegative);
        SetOutput(node, new OnnxImportedValue(layer.Call(tensors), allChannelsLast,
            sameFlatten ? values[0].FlattenedFrom : null, nonNegative));
    }

    private void ConvertConstantBinary(OnnxImportedNode node, string kind, int constantIndex)
    {
        if (node.Inputs.Count != 2 || (kind == "subtract" && constantIndex == 0))
        {
            throw Unsupported(node, "only a graph value minus, plus or times one constant is imported");
        }
        var x = Input(node, 1 - constantIndex);
        var constant = Constant(node, constantIndex);
        var perChannel = PerLastAxisValues(x, constant)
            ?? throw Unsupported(node, $"the constant \"{constant.Name}\" of dims [{string.Join(", ", constant.Dims)}]" +
                " is neither a scalar nor one value per channel");
        if (x.FlattenedFrom is not null && perChannel.Length > 1)
        {
            x = new OnnxImportedValue(OnnxOrder(x, node));
        }
        double[] ones = [.. perChannel.Select(_ => 1.0)];
        var name = LayerName(node);
        var layer = kind switch
        {
            "add" => new Rescaling(ones, perChannel, name),
            "subtract" => new Rescaling(ones, [.. perChannel.Select(v => -v)], name),
            _ => new Rescaling(perChannel, null, name),
        };
        SetOutput(node, x with { Tensor = Apply(layer, x.Tensor), NonNegative = false });
    }

    /// <summary>The constant's values along the value's Keras last axis (channels), or null when it broadcasts
    /// otherwise: a scalar, or ONNX dims (C, 1, 1) / (1, C, 1, 1) for an NCHW map, or (N) / (1, N) for features.
    /// </summary>
    private static double[]? PerLastAxisValues(OnnxImportedValue x, OnnxImportedTensor constant)
    {
        if (constant.Count == 1)
        {
            return [constant.Values[0]];
        }
        var dims = constant.Dims.SkipWhile(d => d == 1).ToArray();
        int channelAxisFromEnd = x.ChannelsLast ? x.Rank - 1 : 1;
        bool channelOnly = dims.Length == channelAxisFromEnd && dims.Skip(1).All(d => d == 1)
            && constant.Dims.Length <= x.Rank && dims[0] == x.OnnxDim(x.ChannelsLast ? 1 : x.Rank - 1);
        return channelOnly ? constant.Values : null;
    }
}

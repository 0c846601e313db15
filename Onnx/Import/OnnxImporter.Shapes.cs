using Keras.Layers;

namespace Keras.Onnx.Import;

internal sealed partial class OnnxImporter
{
    private void ConvertGemm(OnnxImportedNode node)
    {
        var x = Input(node);
        if (Int(node, "transA", 0) != 0)
        {
            throw Unsupported(node, "transA=1 (a transposed batch) has no Dense equivalent");
        }
        var b = Constant(node, 1);
        var c = OptionalConstant(node, 2);
        float alpha = Float(node, "alpha", 1f), beta = Float(node, "beta", 1f);
        using var scope = torch.NewDisposeScope();
        var weights = b.ToTorch();
        if (Int(node, "transB", 0) != 0)
        {
            weights = weights.t();
        }
        int units = (int)weights.shape[1];
        Tensor? bias = null;
        if (c is not null)
        {
            if (c.Count != 1 && c.Count != units)
            {
                throw Unsupported(node, $"its C input of dims [{string.Join(", ", c.Dims)}] is not one bias per " +
                    $"unit ({units})");
            }
            bias = (c.ToTorch().reshape(-1) * beta).expand(units).contiguous();
        }
        AddDense(node, x, weights * alpha, bias);
    }

    private void ConvertMatMul(OnnxImportedNode node)
    {
        if (!IsConstant(node, 1))
        {
            throw Unsupported(node, "only a graph value times a constant matrix (a Dense layer) is imported");
        }
        var b = Constant(node, 1);
        if (b.Dims.Length != 2)
        {
            throw Unsupported(node, $"its constant has rank {b.Dims.Length}; a rank-2 matrix is expected");
        }
        using var scope = torch.NewDisposeScope();
        AddDense(node, Input(node), b.ToTorch(), null);
    }

    /// <summary>A Dense layer with kernel (in, units): rows follow the HWC order of an NHWC flatten when the input
    /// is one, so no transpose is needed before the flatten.</summary>
    private void AddDense(OnnxImportedNode node, OnnxImportedValue x, Tensor kernel, Tensor? bias)
    {
        KerasTensor input;
        if (x.FlattenedFrom is [int c, int h, int w])
        {
            kernel = kernel.reshape(c, h, w, -1).permute(1, 2, 0, 3).reshape(c * h * w, -1);
            input = x.Tensor;
        }
        else
        {
            input = OnnxOrder(x, node);
        }
        var layer = new Dense((int)kernel.shape[1], useBias: bias is not null, name: LayerName(node));
        var y = Apply(layer, input);
        layer.SetWeights(bias is null ? [kernel.contiguous()] : [kernel.contiguous(), bias]);
        SetOutput(node, new OnnxImportedValue(y));
    }

    private void ConvertFlatten(OnnxImportedNode node)
    {
        var x = Input(node);
        int axis = (int)Int(node, "axis", 1);
        if (axis != 1 && !(axis == -1 && x.Rank == 2))
        {
            throw Unsupported(node, $"axis={axis} would fold the batch axis or keep more than one feature axis; " +
                "only axis=1 is imported");
        }
        if (x.Rank == 2)
        {
            SetOutput(node, x);
            return;
        }
        var layer = new Flatten(name: LayerName(node));
        if (x.ChannelsLast && x.OnnxDim(1) is int c && x.OnnxDim(2) is int h && x.OnnxDim(3) is int w)
        {
            // An NHWC flatten orders features H, W, C; with H = W = 1 that is ONNX's C, H, W order already.
            int[]? flattenedFrom = h == 1 && w == 1 ? null : [c, h, w];
            SetOutput(node, new OnnxImportedValue(Apply(layer, x.Tensor), FlattenedFrom: flattenedFrom,
                NonNegative: x.NonNegative));
            return;
        }
        SetOutput(node, new OnnxImportedValue(Apply(layer, OnnxOrder(x, node)), NonNegative: x.NonNegative));
    }

    private void ConvertReshape(OnnxImportedNode node)
    {
        var x = Input(node);
        var shape = Constant(node, 1).ToInt64s();
        if (shape.Length < 2)
        {
            throw Unsupported(node, $"target shape [{string.Join(", ", shape)}] drops the batch axis");
        }
        bool allowZero = Opset >= 14 && Int(node, "allowzero", 0) == 1;
        var target = new int[shape.Length - 1];
        for (int i = 1; i < shape.Length; i++)
        {
            long dim = shape[i] == 0 && !allowZero
                ? x.OnnxDim(i) ?? throw Unsupported(node, $"target dim {i} copies an unknown input dim")
                : shape[i];
            target[i - 1] = (int)dim;
        }
        // An NHWC map with H = W = 1 flattens to ONNX's order without a transpose.
        bool pooledMap = x.ChannelsLast && x.OnnxDim(2) == 1 && x.OnnxDim(3) == 1 && target.Length == 1;
        var input = pooledMap ? x.Tensor : OnnxOrder(x, node);
        var y = Apply(new Reshape(target, name: LayerName(node)), input);
        SetOutput(node, new OnnxImportedValue(y, NonNegative: x.NonNegative));
    }

    private void ConvertConcat(OnnxImportedNode node)
    {
        var values = Enumerable.Range(0, node.Inputs.Count).Select(i => Input(node, i)).ToList();
        int axis = (int)Int(node, "axis", 1);
        axis = axis < 0 ? axis + values[0].Rank : axis;
        if (axis == 0)
        {
            throw Unsupported(node, "concatenation along the batch axis has no Keras layer");
        }
        bool allChannelsLast = values.All(v => v.ChannelsLast);
        var tensors = allChannelsLast ? values.Select(v => v.Tensor).ToList()
            : values.Select(v => OnnxOrder(v, node)).ToList();
        int kerasAxis = allChannelsLast ? values[0].KerasAxis(axis) : axis;
        var y = new Concatenate(kerasAxis, name: LayerName(node)).Call(tensors);
        SetOutput(node, new OnnxImportedValue(y, allChannelsLast, NonNegative: values.All(v => v.NonNegative)));
    }

    private void ConvertTranspose(OnnxImportedNode node)
    {
        var x = Input(node);
        var perm = Ints(node, "perm", [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)]);
        if (perm.Length != x.Rank || perm[0] != 0)
        {
            throw Unsupported(node, $"perm [{string.Join(", ", perm)}] moves the batch axis");
        }
        if (x.ChannelsLast && perm.SequenceEqual([0L, 2, 3, 1]))
        {
            // NCHW → NHWC is the tensor the importer already holds.
            SetOutput(node, new OnnxImportedValue(x.Tensor, NonNegative: x.NonNegative));
            return;
        }
        var input = OnnxOrder(x, node);
        if (perm.Select((p, i) => p == i).All(same => same))
        {
            SetOutput(node, new OnnxImportedValue(input, NonNegative: x.NonNegative));
            return;
        }
        var layer = new Permute([.. perm.Skip(1).Select(p => (int)p)], name: LayerName(node));
        SetOutput(node, new OnnxImportedValue(Apply(layer, input), NonNegative: x.NonNegative));
    }
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of pooling: Max/Average 1D/2D/3D ("same" pads with TensorFlow's split; max never picks padding,
/// average excludes it) and Global Max/Average 1D/2D/3D (keepdims); GlobalAveragePooling1D with a Keras mask averages
/// the unmasked steps.</summary>
internal static class PoolingExporters
{
    internal static void Register()
    {
        RegisterAll([typeof(MaxPooling1D), typeof(MaxPooling2D), typeof(MaxPooling3D)],
            (layer, context, x) => Pool(context, (BasePooling)layer, x, "MaxPool"));
        RegisterAll([typeof(AveragePooling1D), typeof(AveragePooling2D), typeof(AveragePooling3D)],
            (layer, context, x) => Pool(context, (BasePooling)layer, x, "AveragePool"));
        RegisterAll([typeof(GlobalMaxPooling1D), typeof(GlobalMaxPooling2D), typeof(GlobalMaxPooling3D)],
            (layer, context, x) => Global(context, (BaseGlobalPooling)layer, x, "ReduceMax"));
        RegisterAll([typeof(GlobalAveragePooling2D), typeof(GlobalAveragePooling3D)],
            (layer, context, x) => Global(context, (BaseGlobalPooling)layer, x, "ReduceMean"));
        RegisterAll([typeof(GlobalAveragePooling1D)], (layer, context, x) => context.MaskOf(x) is { } mask
            ? MaskedAverage(context, (GlobalAveragePooling1D)layer, x, mask)
            : Global(context, (BaseGlobalPooling)layer, x, "ReduceMean"));
    }

    private static void RegisterAll(Type[] types, Func<Layer, OnnxExportContext, string, string> export)
    {
        foreach (var type in types)
        {
            OnnxExporters.Register(type, (layer, context, inputs) => [export(layer, context, inputs[0])]);
        }
    }

    private static string Pool(OnnxExportContext context, BasePooling layer, string x, string op)
    {
        var shape = context.ShapeOf(x);
        int rank = shape.Rank;
        int spatialRank = rank - 2;
        bool last = layer.DataFormat == "channels_last";
        var input = last ? context.ToChannelsFirst(x, rank) : x;
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Ints("kernel_shape", layer.PoolSize.Select(p => (long)p)),
            OnnxAttribute.Ints("strides", layer.Strides.Select(s => (long)s)),
        };
        if (op == "AveragePool")
        {
            attributes.Add(OnnxAttribute.Int("count_include_pad", 0));
        }
        var spatial = Enumerable.Range(0, spatialRank).Select(i => shape[last ? 1 + i : 2 + i]).ToArray();
        if (layer.Padding == "same" && Enumerable.Range(0, spatialRank).Any(i => spatial[i] is null && layer.Strides[i] > 1))
        {
            attributes.Add(OnnxAttribute.String("auto_pad", "SAME_UPPER"));
        }
        else
        {
            var pads = Enumerable.Range(0, spatialRank)
                .Select(i => ConvUtils.Padding(layer.Padding, spatial[i] ?? 0, layer.PoolSize[i], layer.Strides[i], 1))
                .ToList();
            attributes.Add(OnnxAttribute.Ints("pads", [.. pads.Select(p => p.Before), .. pads.Select(p => p.After)]));
        }
        var y = context.AddNode(op, [input], [.. attributes]);
        return last ? context.ToChannelsLast(y, rank) : y;
    }

    private static string Global(OnnxExportContext context, BaseGlobalPooling layer, string x, string op)
    {
        int rank = context.ShapeOf(x).Rank;
        var axes = layer.DataFormat == "channels_last"
            ? Enumerable.Range(1, rank - 2)
            : Enumerable.Range(2, rank - 2);
        return context.AddReduce(op, x, axes.Select(a => (long)a).ToArray(), layer.Keepdims);
    }

    /// <summary>Core's masked mean: <c>sum(where(mask, x, 0)) / sum(mask)</c> over the steps (NaN for a sample with
    /// every step masked, as in Core).</summary>
    private static string MaskedAverage(OnnxExportContext context, GlobalAveragePooling1D layer, string x, string mask)
    {
        bool last = layer.DataFormat == "channels_last";
        long steps = last ? 1 : 2;
        var keep = context.AddNode("Unsqueeze", [mask, context.AddInt64s("axes", [last ? 2 : 1])]);
        var kept = context.AddNode("Where", [keep, x, context.AddScalar("zero", 0f)]);
        var counts = context.AddNode("Cast", [keep], OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        return context.AddNode("Div", [context.AddReduce("ReduceSum", kept, [steps], layer.Keepdims),
            context.AddReduce("ReduceSum", counts, [steps], layer.Keepdims)]);
    }
}

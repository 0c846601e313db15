using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the core layers: Dense (any rank), Activation, Dropout, Flatten, Reshape, Permute and
/// RepeatVector.</summary>
internal static class CoreExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<Dense>(Dense);
        OnnxExporters.RegisterUnary<Activation>((layer, context, x) => context.AddActivation(layer.Function, x));
        OnnxExporters.Register<Dropout>((_, _, inputs) => inputs);
        OnnxExporters.RegisterUnary<Flatten>(Flatten);
        OnnxExporters.RegisterUnary<Reshape>((layer, context, x) =>
            context.AddNode("Reshape", [x, context.AddInt64s("shape", [0, .. layer.TargetShape.Select(d => (long)d)])]));
        OnnxExporters.RegisterUnary<Permute>((layer, context, x) =>
            context.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", [0, .. layer.Dims.Select(d => (long)d)])));
        OnnxExporters.RegisterUnary<RepeatVector>((layer, context, x) =>
        {
            var expanded = context.AddNode("Unsqueeze", [x, context.AddInt64s("axes", [1])]);
            return context.AddNode("Tile", [expanded, context.AddInt64s("repeats", [1, layer.N, 1])]);
        });
    }

    /// <summary>MatMul broadcasts over leading axes, so a kernel of shape (in, units) applies to inputs of any rank.</summary>
    private static string Dense(Dense layer, OnnxExportContext context, string x)
    {
        var y = context.AddNode("MatMul", [x, context.AddInitializer(layer.Kernel!)]);
        if (layer.Bias is { } bias)
        {
            y = context.AddNode("Add", [y, context.AddInitializer(bias)]);
        }
        return context.AddActivation(layer.Activation, y);
    }

    /// <summary>Keras flattens in channels_last order: channels_first inputs move their channels last first.</summary>
    private static string Flatten(Flatten layer, OnnxExportContext context, string x)
    {
        int rank = context.ShapeOf(x).Rank;
        if (layer.DataFormat == "channels_first" && rank > 2)
        {
            x = context.ToChannelsLast(x, rank);
        }
        return context.AddNode("Flatten", [x], OnnxAttribute.Int("axis", 1));
    }
}

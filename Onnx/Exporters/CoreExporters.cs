using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the core layers: Dense (any rank), Activation, Dropout, Flatten, Reshape, Permute,
/// RepeatVector and the identity-at-inference layers.</summary>
internal static class CoreExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<Dense>(Dense);
        OnnxExporters.RegisterUnary<Activation>((layer, context, x) => context.AddActivation(layer.Function, x));
        OnnxExporters.Register<Dropout>((_, _, inputs) => inputs);
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
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the activation layers: ReLU (max_value, threshold, negative_slope), LeakyReLU, PReLU, ELU,
/// Softmax (one or several axes).</summary>
internal static class ActivationLayerExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<ReLU>(Relu);
        OnnxExporters.RegisterUnary<LeakyReLU>((layer, context, x) =>
            context.AddNode("LeakyRelu", [x], OnnxAttribute.Float("alpha", (float)layer.NegativeSlope)));
        OnnxExporters.RegisterUnary<ELU>((layer, context, x) =>
            context.AddNode("Elu", [x], OnnxAttribute.Float("alpha", (float)layer.Alpha)));
        OnnxExporters.RegisterUnary<PReLU>((layer, context, x) =>
        {
            // relu(x) - alpha * relu(-x), as Keras.Net computes it (PRelu would also do, but this keeps rounding).
            var negative = context.AddNode("Relu", [context.AddNode("Neg", [x])]);
            var scaled = context.AddNode("Mul", [context.AddInitializer(layer.Alpha!), negative]);
            return context.AddNode("Sub", [context.AddNode("Relu", [x]), scaled]);
        });
        OnnxExporters.RegisterUnary<Softmax>((layer, context, x) =>
        {
            if (layer.Axis.Count == 1)
            {
                return context.AddNode("Softmax", [x], OnnxAttribute.Int("axis", layer.Axis[0]));
            }
            var logSum = context.AddReduce("ReduceLogSumExp", x, layer.Axis.Select(a => (long)a).ToArray(), keepDims: true);
            return context.AddNode("Exp", [context.AddNode("Sub", [x, logSum])]);
        });
    }

    /// <summary>Keras' ReLU: <c>x * (x &gt; threshold)</c> (or relu), clipped at max_value, minus
    /// <c>negative_slope * relu(threshold - x)</c>.</summary>
    private static string Relu(ReLU layer, OnnxExportContext context, string x)
    {
        if (layer.NegativeSlope != 0 && layer.MaxValue is null && layer.Threshold == 0)
        {
            return context.AddNode("LeakyRelu", [x], OnnxAttribute.Float("alpha", (float)layer.NegativeSlope));
        }
        string y;
        if (layer.Threshold != 0)
        {
            var threshold = context.AddScalar("threshold", (float)layer.Threshold);
            var above = context.AddNode("Cast", [context.AddNode("Greater", [x, threshold])], OnnxAttribute.Int("to", 1));
            y = context.AddNode("Mul", [x, above]);
        }
        else
        {
            y = context.AddNode("Relu", [x]);
        }
        if (layer.MaxValue is double max)
        {
            y = context.AddNode("Clip", [y, context.AddScalar("min", 0f), context.AddScalar("max", (float)max)]);
        }
        if (layer.NegativeSlope == 0)
        {
            return y;
        }
        var shifted = layer.Threshold != 0
            ? context.AddNode("Sub", [context.AddScalar("threshold", (float)layer.Threshold), x])
            : context.AddNode("Neg", [x]);
        var slope = context.AddScalar("negative_slope", (float)layer.NegativeSlope);
        var negative = context.AddNode("Mul", [context.AddNode("Relu", [shifted]), slope]);
        return context.AddNode("Sub", [y, negative]);
    }
}

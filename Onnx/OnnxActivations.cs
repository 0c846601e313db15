namespace Keras.Onnx;

/// <summary>Keras activations as ONNX opset 17 operators, matching Keras.Net's <see cref="Activations"/>.</summary>
internal static class OnnxActivations
{
    private static readonly Dictionary<string, Func<OnnxExportContext, string, string>> ByName =
        new(StringComparer.Ordinal)
        {
            ["linear"] = (_, x) => x,
            ["relu"] = (c, x) => c.AddNode("Relu", [x]),
            ["sigmoid"] = (c, x) => c.AddNode("Sigmoid", [x]),
            ["tanh"] = (c, x) => c.AddNode("Tanh", [x]),
            ["softmax"] = (c, x) => c.AddNode("Softmax", [x], OnnxAttribute.Int("axis", -1)),
            ["log_softmax"] = (c, x) => c.AddNode("LogSoftmax", [x], OnnxAttribute.Int("axis", -1)),
            ["elu"] = (c, x) => c.AddNode("Elu", [x], OnnxAttribute.Float("alpha", 1f)),
            ["selu"] = (c, x) => c.AddNode("Selu", [x]),
            ["gelu"] = (c, x) => Gelu(c, x, approximate: false),
            ["silu"] = Silu,
            ["swish"] = Silu,
            ["softplus"] = (c, x) => c.AddNode("Softplus", [x]),
            ["softsign"] = (c, x) => c.AddNode("Softsign", [x]),
            ["leaky_relu"] = (c, x) => c.AddNode("LeakyRelu", [x], OnnxAttribute.Float("alpha", 0.2f)),
            ["hard_sigmoid"] = (c, x) => c.AddNode("HardSigmoid", [x],
                OnnxAttribute.Float("alpha", 1f / 6f), OnnxAttribute.Float("beta", 0.5f)),
            ["hard_silu"] = (c, x) => c.AddNode("HardSwish", [x]),
            ["hard_swish"] = (c, x) => c.AddNode("HardSwish", [x]),
            ["relu6"] = (c, x) => c.AddNode("Clip", [x, c.AddScalar("min", 0f), c.AddScalar("max", 6f)]),
            ["exponential"] = (c, x) => c.AddNode("Exp", [x]),
            ["mish"] = (c, x) => c.AddNode("Mul", [x, c.AddNode("Tanh", [c.AddNode("Softplus", [x])])]),
        };

    /// <summary>The activation names that export.</summary>
    internal static IReadOnlyCollection<string> Names => ByName.Keys;

    internal static string Apply(OnnxExportContext context, string? name, string input)
    {
        if (string.IsNullOrEmpty(name))
        {
            return input;
        }
        return ByName.TryGetValue(name, out var apply)
            ? apply(context, input)
            : throw new NotSupportedException(
                $"Activation \"{name}\" of layer \"{context.Layer.Name}\" has no ONNX export. Activations that " +
                $"export: {string.Join(", ", ByName.Keys)}.");
    }

    /// <summary>GELU from elementary operators (the <c>Gelu</c> operator needs opset 20): exact with <c>Erf</c>, or
    /// Keras' tanh approximation <c>0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))</c>.</summary>
    internal static string Gelu(OnnxExportContext c, string x, bool approximate)
    {
        string inner;
        if (approximate)
        {
            var cube = c.AddNode("Mul", [c.AddNode("Mul", [x, x]), x]);
            var sum = c.AddNode("Add", [x, c.AddNode("Mul", [cube, c.AddScalar("coefficient", 0.044715f)])]);
            inner = c.AddNode("Tanh", [c.AddNode("Mul", [sum, c.AddScalar("sqrt_2_over_pi", MathF.Sqrt(2f / MathF.PI))])]);
        }
        else
        {
            inner = c.AddNode("Erf", [c.AddNode("Div", [x, c.AddScalar("sqrt_2", MathF.Sqrt(2f))])]);
        }
        var onePlus = c.AddNode("Add", [inner, c.AddScalar("one", 1f)]);
        return c.AddNode("Mul", [c.AddNode("Mul", [x, onePlus]), c.AddScalar("half", 0.5f)]);
    }

    private static string Silu(OnnxExportContext c, string x) => c.AddNode("Mul", [x, c.AddNode("Sigmoid", [x])]);
}

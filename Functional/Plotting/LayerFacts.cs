namespace Keras;

/// <summary>The texts a layer's label may show: its input and output shapes, output dtype and activation, formatted
/// as Keras prints them (<c>(None, 8)</c>, <c>[(None, 8), (None, 4)]</c>, <c>?</c> when unknown).</summary>
/// <param name="InputShape">The input shape(s).</param>
/// <param name="OutputShape">The output shape(s).</param>
/// <param name="OutputDType">The output dtype(s).</param>
/// <param name="Activation">The activation's name, for layers that have one.</param>
internal sealed record LayerFacts(string InputShape, string OutputShape, string OutputDType, string? Activation)
{
    private const string Unknown = "?";

    /// <summary>Facts from one call of the layer (a node of a functional graph); <c>?</c> without one.</summary>
    internal static LayerFacts FromNode(Layer layer, Node? node, bool withActivation) => node is null
        ? new LayerFacts(Unknown, Unknown, Unknown, ActivationOf(layer, withActivation))
        : new LayerFacts(
            FormatShapes(node.Inputs.Select(t => t.Shape).ToList()),
            FormatShapes(node.Outputs.Select(t => t.Shape).ToList()),
            FormatDTypes(node.Outputs.Select(t => t.DType).ToList()),
            ActivationOf(layer, withActivation));

    /// <summary>Facts for a layer of a stack whose input shape is <paramref name="input"/>; also returns the output
    /// shape, or null when it cannot be inferred.</summary>
    internal static (LayerFacts Facts, Shape? Output) FromStack(Layer layer, Shape? input, bool withActivation)
    {
        Shape? output = null;
        if (layer is Layers.InputLayer inputLayer)
        {
            output = inputLayer.BatchShape;
        }
        else if (input is Shape shape)
        {
            try
            {
                output = layer.ComputeOutputShape(shape);
            }
            catch (ArgumentException)
            {
                output = null;
            }
        }
        var facts = new LayerFacts(input?.ToString() ?? Unknown, output?.ToString() ?? Unknown, layer.DType,
            ActivationOf(layer, withActivation));
        return (facts, output);
    }

    private static string FormatShapes(IReadOnlyList<Shape> shapes) => shapes.Count switch
    {
        0 => Unknown,
        1 => shapes[0].ToString(),
        _ => $"[{string.Join(", ", shapes)}]",
    };

    private static string FormatDTypes(IReadOnlyList<string> dtypes) => dtypes.Count switch
    {
        0 => Unknown,
        1 => dtypes[0],
        _ => $"[{string.Join(", ", dtypes.Select(d => $"'{d}'"))}]",
    };

    // Keras shows layer.activation for layers that have one; every Keras layer with an activation puts its name in
    // its config, so the config is read here rather than each layer type.
    private static string? ActivationOf(Layer layer, bool wanted) =>
        wanted && layer.GetConfig().TryGetValue("activation", out var value)
            ? value switch
            {
                string name => name,
                ActivationFunction function => function.Name,
                _ => null,
            }
            : null;
}

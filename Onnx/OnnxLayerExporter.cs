namespace Keras.Onnx;

/// <summary>Exports one call of a layer: receives the layer, the context and its input value names, adds nodes and
/// initializers, and returns its output value names.</summary>
/// <param name="layer">The layer being called.</param>
/// <param name="context">The graph being built.</param>
/// <param name="inputs">The input value names, in call order.</param>
/// <returns>The output value names, in the layer's output order.</returns>
/// <example><code>
/// OnnxLayerExporter identity = (layer, context, inputs) =&gt; inputs;
/// </code></example>
public delegate IReadOnlyList<string> OnnxLayerExporter(Layer layer, OnnxExportContext context,
    IReadOnlyList<string> inputs);

namespace Keras.Onnx;

/// <summary>The registry of layer exporters: one <see cref="OnnxLayerExporter"/> per layer type, looked up by the
/// layer's exact type, then its base types.</summary>
/// <remarks>Built-in exporters register themselves the first time the registry is used (see
/// <c>Onnx/README.md</c>); users register exporters for their own layers the same way.</remarks>
/// <example><code>
/// OnnxExporters.RegisterUnary&lt;MyScale&gt;((layer, context, input) =&gt;
///     context.AddNode("Mul", [input, context.AddScalar("factor", layer.Factor)]));
/// </code></example>
public static partial class OnnxExporters
{
    private static readonly Dictionary<Type, OnnxLayerExporter> Exporters = [];
    private static readonly Lock Gate = new();

    static OnnxExporters()
    {
        foreach (var register in BuiltIns())
        {
            register();
        }
    }

    /// <summary>The layer types that have an exporter (their subclasses export too).</summary>
    public static IReadOnlyCollection<Type> RegisteredTypes
    {
        get
        {
            lock (Gate)
            {
                return Exporters.Keys.ToList();
            }
        }
    }

    /// <summary>Registers (or replaces) the exporter of a layer type.</summary>
    /// <param name="layerType">The layer type; its subclasses use this exporter unless they have their own.</param>
    /// <param name="exporter">The exporter.</param>
    public static void Register(Type layerType, OnnxLayerExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(layerType);
        ArgumentNullException.ThrowIfNull(exporter);
        if (!typeof(Layer).IsAssignableFrom(layerType))
        {
            throw new ArgumentException(
                $"An ONNX exporter is registered for a Layer type. Received: {layerType.FullName}.", nameof(layerType));
        }
        lock (Gate)
        {
            Exporters[layerType] = exporter;
        }
    }

    /// <summary>Registers the exporter of a layer type with any number of inputs and outputs.</summary>
    /// <typeparam name="TLayer">The layer type.</typeparam>
    /// <param name="exporter">Receives the layer, the context and the input values; returns the output values.</param>
    public static void Register<TLayer>(
        Func<TLayer, OnnxExportContext, IReadOnlyList<string>, IReadOnlyList<string>> exporter)
        where TLayer : Layer
    {
        ArgumentNullException.ThrowIfNull(exporter);
        Register(typeof(TLayer), (layer, context, inputs) => exporter((TLayer)layer, context, inputs));
    }

    /// <summary>Registers the exporter of a layer type with one input and one output.</summary>
    /// <typeparam name="TLayer">The layer type.</typeparam>
    /// <param name="exporter">Receives the layer, the context and the input value; returns the output value.</param>
    public static void RegisterUnary<TLayer>(Func<TLayer, OnnxExportContext, string, string> exporter)
        where TLayer : Layer
    {
        ArgumentNullException.ThrowIfNull(exporter);
        Register(typeof(TLayer), (layer, context, inputs) =>
        {
            if (inputs.Count != 1)
            {
                throw new ArgumentException(
                    $"Layer \"{layer.Name}\" ({layer.GetType().Name}) exports with one input; received {inputs.Count}.");
            }
            return [exporter((TLayer)layer, context, inputs[0])];
        });
    }

    /// <summary>Whether a layer type has an exporter (its own or a base type's).</summary>
    /// <param name="layerType">The layer type.</param>
    /// <returns>True when layers of that type export.</returns>
    public static bool IsSupported(Type layerType) => Find(layerType) is not null;

    internal static OnnxLayerExporter? Find(Type layerType)
    {
        lock (Gate)
        {
            for (var type = layerType; type is not null; type = type.BaseType)
            {
                if (Exporters.TryGetValue(type, out var exporter))
                {
                    return exporter;
                }
            }
            return null;
        }
    }

    internal static OnnxLayerExporter Get(Layer layer) => Find(layer.GetType()) ?? throw new NotSupportedException(
        $"Layer \"{layer.Name}\" of class {layer.GetType().Name} has no ONNX exporter. Layers that export: " +
        $"{string.Join(", ", RegisteredTypes.Select(t => t.Name).Order(StringComparer.Ordinal))}.");
}

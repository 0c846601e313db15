using System.Text.Json.Nodes;
using Keras.Initializers;

namespace Keras.Saving;

public static partial class KerasSerialization
{
    // Objects seen during one top-level deserialization, by Keras' "shared_object_id" (one instance per id).
    [ThreadStatic]
    private static Dictionary<string, object>? _sharedObjects;

    /// <summary>Rebuilds a layer or model from its envelope (Keras 3 or Keras 2 form).</summary>
    /// <param name="config">The envelope: <c>{"class_name", "config", ...}</c>.</param>
    /// <returns>The layer; built when the envelope has a <c>build_config</c>.</returns>
    /// <exception cref="KeyNotFoundException">The class is not registered.</exception>
    /// <exception cref="ArgumentException">The config is malformed or lacks a required key.</exception>
    /// <exception cref="NotSupportedException">The config uses a Keras feature Keras.Net does not implement.</exception>
    public static Layer DeserializeLayer(JsonNode config) => Deserialize<Layer>(config);

    /// <summary>Rebuilds an initializer from its envelope or its name (<c>"he_normal"</c>, <c>"zeros"</c>).</summary>
    /// <param name="config">The envelope or name.</param>
    /// <returns>A new initializer.</returns>
    public static Initializer DeserializeInitializer(JsonNode? config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (JsonValues.TryGetString(config, out string name))
        {
            var entry = SerializationRegistry.Resolve(name, null, typeof(Initializer), "initializer");
            return (Initializer)entry.FromConfig([]);
        }
        return Deserialize<Initializer>(config);
    }

    /// <summary>Rebuilds a regularizer from its envelope or its name (<c>"l2"</c>); null stays null.</summary>
    /// <param name="config">The envelope, name or null.</param>
    /// <returns>A new regularizer, or null.</returns>
    public static Regularizers.Regularizer? DeserializeRegularizer(JsonNode? config) =>
        DeserializeNamedOrEnvelope<Regularizers.Regularizer>(config, "regularizer");

    /// <summary>Rebuilds a constraint from its envelope or its name (<c>"non_neg"</c>); null stays null.</summary>
    /// <param name="config">The envelope, name or null.</param>
    /// <returns>A new constraint, or null.</returns>
    public static Constraints.Constraint? DeserializeConstraint(JsonNode? config) =>
        DeserializeNamedOrEnvelope<Constraints.Constraint>(config, "constraint");

    private static T? DeserializeNamedOrEnvelope<T>(JsonNode? config, string kind) where T : class
    {
        if (config is null)
        {
            return null;
        }
        if (JsonValues.TryGetString(config, out string name))
        {
            var entry = SerializationRegistry.Resolve(name, null, typeof(T), kind);
            return (T)entry.FromConfig([]);
        }
        return Deserialize<T>(config);
    }

    /// <summary>Rebuilds an activation from its name (<c>"relu"</c>) or a Keras 3 function envelope
    /// (<c>{"class_name": "function", "config": "my_act", ...}</c>); null means <c>"linear"</c>.</summary>
    /// <param name="config">The name, envelope or null.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="KeyNotFoundException">The activation is neither built in nor registered.</exception>
    public static ActivationFunction DeserializeActivation(JsonNode? config)
    {
        if (config is null)
        {
            return Activations.Linear;
        }
        string? registeredName = null;
        if (!JsonValues.TryGetString(config, out string name))
        {
            if (config is not JsonObject envelope || !JsonValues.TryGetString(envelope["class_name"], out string cls) ||
                cls != "function" || !JsonValues.TryGetString(envelope["config"], out name))
            {
                throw new ArgumentException(
                    $"An activation must be a name or a function envelope. Received: {JsonValues.Preview(config)}",
                    nameof(config));
            }
            JsonValues.TryGetString(envelope["registered_name"], out string registered);
            registeredName = registered.Length > 0 ? registered : null;
        }
        if (name.Length == 0 || Activations.Names.Contains(name))
        {
            return Activations.Get(name);
        }
        try
        {
            string registered = registeredName ?? $"{SerializationRegistry.DefaultPackage}>{name}";
            var entry = SerializationRegistry.Resolve(name, registered, typeof(ActivationFunction), "activation");
            return (ActivationFunction)entry.FromConfig([]);
        }
        catch (KeyNotFoundException)
        {
            throw new KeyNotFoundException(
                $"Unknown activation \"{name}\". Expected one of: {string.Join(", ", Activations.Names)}. A custom " +
                $"activation must be registered before loading, e.g. `SerializationRegistry.Register<ActivationFunction>(" +
                $"\"{name}\", _ => new ActivationFunction(\"{name}\", x => ...))`.");
        }
    }

    /// <summary>Rebuilds any registered object from its envelope.</summary>
    /// <typeparam name="T">What the envelope must describe (<see cref="Layer"/>, <see cref="Model"/>,
    /// <see cref="Initializer"/>, ...).</typeparam>
    /// <param name="config">The envelope.</param>
    /// <returns>The object.</returns>
    public static T Deserialize<T>(JsonNode config) where T : class
    {
        ArgumentNullException.ThrowIfNull(config);
        bool owner = _sharedObjects is null;
        _sharedObjects ??= new Dictionary<string, object>(StringComparer.Ordinal);
        try
        {
            return DeserializeEnvelope<T>(config);
        }
        finally
        {
            if (owner)
            {
                _sharedObjects = null;
            }
        }
    }

    private static T DeserializeEnvelope<T>(JsonNode config) where T : class
    {
        string kind = KindName(typeof(T));
        if (config is not JsonObject envelope || !JsonValues.TryGetString(envelope["class_name"], out string className))
        {
            throw new ArgumentException(
                $"Expected a {kind} config: an object with \"class_name\" and \"config\". Received: " +
                JsonValues.Preview(config), nameof(config));
        }
        if (className.StartsWith("__", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Expected a {kind} config, but found the special value \"{className}\".", nameof(config));
        }
        string? sharedId = envelope["shared_object_id"]?.ToJsonString();
        if (sharedId is not null && _sharedObjects!.TryGetValue(sharedId, out var shared))
        {
            return shared as T ?? throw WrongKind<T>(className, shared);
        }
        JsonValues.TryGetString(envelope["registered_name"], out string registeredName);
        var entry = SerializationRegistry.Resolve(className, registeredName.Length > 0 ? registeredName : null,
            typeof(T), kind);
        var inner = InnerConfig(envelope, className);
        var instance = entry.FromConfig(inner);
        if (instance is not T result)
        {
            throw WrongKind<T>(className, instance);
        }
        // Keras' base Layer takes activity_regularizer for every layer; factories need not read it.
        if (result is Layer { ActivityRegularizer: null } withPenalty && inner["activity_regularizer"] is { } penalty)
        {
            withPenalty.ActivityRegularizer = DeserializeRegularizer(penalty);
        }
        if (result is Layer layer && !layer.Built && envelope["build_config"] is JsonObject buildConfig)
        {
            BuildFromConfig(layer, buildConfig);
        }
        if (sharedId is not null)
        {
            _sharedObjects![sharedId] = result;
        }
        return result;
    }

    private static JsonObject InnerConfig(JsonObject envelope, string className) => envelope["config"] switch
    {
        JsonObject inner => inner,
        null => [],
        // Keras <= 2.2 wrote a Sequential's config as the bare list of its layers.
        JsonArray layers => new JsonObject { ["layers"] = layers.DeepClone() },
        var other => throw new ArgumentException(
            $"The config of class '{className}' must be an object. Received: {JsonValues.Preview(other)}", "config"),
    };

    /// <summary>Keras' <c>build_from_config</c>: builds with the recorded input shape(s) before any weights load.</summary>
    private static void BuildFromConfig(Layer layer, JsonObject buildConfig)
    {
        if (buildConfig["shapes_dict"] is JsonObject shapesDict)
        {
            // Keras 3 layers with several named inputs (MultiHeadAttention: query_shape, value_shape, key_shape).
            var named = new List<Shape>();
            foreach (var (_, value) in shapesDict)
            {
                if (value is null)
                {
                    continue;
                }
                if (!JsonValues.TryGetShape(value, out Shape s))
                {
                    return;
                }
                named.Add(s);
            }
            layer.BuildAll(named);
            return;
        }
        var inputShape = buildConfig["input_shape"];
        if (JsonValues.IsShape(inputShape) && JsonValues.TryGetShape(inputShape, out Shape shape))
        {
            layer.Build(shape);
            return;
        }
        if (JsonValues.UnwrapTuple(inputShape) is JsonArray list && list.Count > 0)
        {
            var shapes = new List<Shape>();
            foreach (var item in list)
            {
                if (!JsonValues.TryGetShape(item, out Shape s))
                {
                    return;
                }
                shapes.Add(s);
            }
            layer.BuildAll(shapes);
        }
    }

    private static ArgumentException WrongKind<T>(string className, object instance) => new(
        $"Class '{className}' describes a {instance.GetType().Name}, but a {KindName(typeof(T))} was expected.", "config");

    private static string KindName(Type type) =>
        typeof(Model).IsAssignableFrom(type) ? "model"
        : typeof(Layer).IsAssignableFrom(type) ? "layer"
        : typeof(Initializer).IsAssignableFrom(type) ? "initializer"
        : typeof(Regularizers.Regularizer).IsAssignableFrom(type) ? "regularizer"
        : typeof(Constraints.Constraint).IsAssignableFrom(type) ? "constraint"
        : typeof(Optimizers.Schedules.LearningRateSchedule).IsAssignableFrom(type) ? "learning rate schedule"
        : type == typeof(ActivationFunction) ? "activation"
        : "object";
}

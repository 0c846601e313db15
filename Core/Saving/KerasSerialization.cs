using System.Collections;
using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;

namespace Keras.Saving;

/// <summary>Converts layers, models and their nested objects to Keras config JSON and back (Keras'
/// <c>serialize_keras_object</c> / <c>deserialize_keras_object</c>).</summary>
/// <remarks>
/// The Keras 3 form is an envelope <c>{"module", "class_name", "config", "registered_name"}</c> (plus
/// <c>"build_config"</c> for built layers) with nested initializers in the same form and dtypes as
/// <c>DTypePolicy</c> envelopes. The legacy Keras 2 form (<c>legacy: true</c>, as the <c>.h5</c> format stores it) is
/// <c>{"class_name", "config"}</c> throughout, with dtypes as strings and <c>InputLayer</c>'s shape as
/// <c>batch_input_shape</c>. Reading accepts both forms and every historical variant; only classes known to
/// <see cref="SerializationRegistry"/> are instantiated.
/// </remarks>
/// <example><code>
/// JsonObject json = KerasSerialization.SerializeLayer(new Dense(64, activation: "relu"));
/// // {"module":"keras.layers","class_name":"Dense","config":{"name":"dense",...},"registered_name":null}
/// Layer copy = KerasSerialization.DeserializeLayer(json);
/// </code></example>
public static partial class KerasSerialization
{
    /// <summary>Serializes a layer or model to its config envelope.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="legacy">Write the Keras 2 form <c>{"class_name", "config"}</c>. Defaults to false (Keras 3
    /// form).</param>
    /// <returns>The envelope.</returns>
    public static JsonObject SerializeLayer(Layer layer, bool legacy = false)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var entry = SerializationRegistry.Find(layer.GetType());
        JsonObject config = entry?.ToConfig is { } toConfig ? toConfig(layer, legacy) : LayerConfig(layer, legacy);
        var envelope = Envelope(entry, layer.ClassName, config, legacy);
        if (!legacy && (entry?.BuildConfig is { } buildConfig ? buildConfig(layer) : DefaultBuildConfig(layer)) is { } build)
        {
            envelope["build_config"] = build;
        }
        return envelope;
    }

    /// <summary>Serializes an initializer to its envelope (<c>{"module": "keras.initializers", "class_name":
    /// "GlorotUniform", "config": {"seed": null}, "registered_name": null}</c>).</summary>
    /// <param name="initializer">The initializer.</param>
    /// <param name="legacy">Write the Keras 2 form <c>{"class_name", "config"}</c>. Defaults to false.</param>
    /// <returns>The envelope.</returns>
    public static JsonObject SerializeInitializer(Initializer initializer, bool legacy = false)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        var entry = SerializationRegistry.Find(initializer.GetType());
        return Envelope(entry, initializer.GetType().Name, SerializeConfig(initializer.GetConfig(), legacy), legacy);
    }

    /// <summary>Serializes a registered object (regularizer, constraint) to its envelope.</summary>
    private static JsonObject SerializeObject(object value, string className, IReadOnlyDictionary<string, object?> config,
        bool legacy) =>
        Envelope(SerializationRegistry.Find(value.GetType()), className, SerializeConfig(config, legacy), legacy);

    /// <summary>Serializes one config value: numbers, strings, booleans, null, shapes and arrays (unknown dimensions
    /// as null), dictionaries, initializers, regularizers, constraints and learning-rate schedules (envelopes),
    /// activations (their names) and layers (envelopes).</summary>
    /// <param name="value">The value, as found in a <c>GetConfig()</c> dictionary.</param>
    /// <param name="legacy">Write nested objects in the Keras 2 form. Defaults to false.</param>
    /// <returns>The JSON value.</returns>
    /// <exception cref="ArgumentException">The value has a type that has no config representation.</exception>
    public static JsonNode? SerializeValue(object? value, bool legacy = false) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int or long or short or byte or sbyte or ushort or uint => JsonValue.Create(Convert.ToInt64(value)),
        double d => Number(d),
        float f => Number(f),
        decimal m => Number((double)m),
        Shape shape => new JsonArray(shape.Select(d => (JsonNode?)(d is int i ? JsonValue.Create(i) : null)).ToArray()),
        Initializer initializer => SerializeInitializer(initializer, legacy),
        Regularizers.Regularizer regularizer => SerializeObject(regularizer, regularizer.ClassName, regularizer.GetConfig(), legacy),
        Constraints.Constraint constraint => SerializeObject(constraint, constraint.ClassName, constraint.GetConfig(), legacy),
        Optimizers.Schedules.LearningRateSchedule schedule =>
            SerializeObject(schedule, schedule.GetType().Name, schedule.GetConfig(), legacy),
        ActivationFunction activation => JsonValue.Create(activation.Name),
        Layer layer => SerializeLayer(layer, legacy),
        IDictionary dictionary => SerializeDictionary(dictionary, legacy),
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(v => SerializeValue(v, legacy)).ToArray()),
        _ => throw new ArgumentException(
            $"Cannot serialize a config value of type {value.GetType().FullName}: a config holds numbers, strings, " +
            "booleans, null, arrays, dictionaries, initializers, activations and layers.", nameof(value)),
    };

    /// <summary>Serializes a <c>GetConfig()</c> dictionary, key order kept.</summary>
    /// <param name="config">The config.</param>
    /// <param name="legacy">Write nested objects in the Keras 2 form. Defaults to false.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject SerializeConfig(IReadOnlyDictionary<string, object?> config, bool legacy = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var json = new JsonObject();
        foreach (var (key, value) in config)
        {
            json[key] = SerializeValue(value, legacy);
        }
        return json;
    }

    /// <summary>The layer's own config: <c>GetConfig()</c> serialized, with the dtype as a Keras 3
    /// <c>DTypePolicy</c> envelope, or for the legacy form <c>InputLayer</c>'s <c>batch_shape</c> renamed to
    /// Keras 2's <c>batch_input_shape</c>.</summary>
    private static JsonObject LayerConfig(Layer layer, bool legacy)
    {
        var config = SerializeConfig(layer.GetConfig(), legacy);
        if (layer is InputLayer)
        {
            return legacy ? RenameKey(config, "batch_shape", "batch_input_shape") : config;
        }
        if (!legacy && JsonValues.TryGetString(config["dtype"], out string dtype))
        {
            config["dtype"] = DTypePolicy(dtype);
        }
        return config;
    }

    /// <summary>Keras 3's dtype policy envelope (<c>keras.DTypePolicy</c>).</summary>
    private static JsonObject DTypePolicy(string name) => new()
    {
        ["module"] = "keras",
        ["class_name"] = "DTypePolicy",
        ["config"] = new JsonObject { ["name"] = name },
        ["registered_name"] = null,
    };

    /// <summary>Keras 3 writes <c>{"input_shape": shape}</c> for built layers (a list of shapes for several inputs) and
    /// nothing for input layers or unbuilt layers.</summary>
    private static JsonObject? DefaultBuildConfig(Layer layer)
    {
        if (!layer.Built || layer is InputLayer || layer.BuildInputShape is not Shape shape)
        {
            return null;
        }
        JsonNode? inputShape = layer.BuildInputShapes is { Count: > 1 } shapes
            ? SerializeValue(shapes)
            : SerializeValue(shape);
        return new JsonObject { ["input_shape"] = inputShape };
    }

    /// <summary>The envelope of an object's config: Keras 3 (module, class_name, config, registered_name) or legacy
    /// (class_name, config).</summary>
    internal static JsonObject Envelope(RegistryEntry? entry, string fallbackClassName, JsonObject config, bool legacy)
    {
        string className = entry?.ClassName ?? fallbackClassName;
        if (legacy)
        {
            // Keras 2 names registered user classes by their registered name ("Custom>Scale").
            return new JsonObject
            {
                ["class_name"] = entry is { IsCustom: true } ? entry.RegisteredName : className,
                ["config"] = config,
            };
        }
        return new JsonObject
        {
            ["module"] = entry?.Module,
            ["class_name"] = className,
            ["config"] = config,
            // Keras: null for public classes, "package>Name" for registered ones, the bare class name otherwise.
            ["registered_name"] = entry is null ? className : entry.RegisteredName,
        };
    }

    private static JsonObject SerializeDictionary(IDictionary dictionary, bool legacy)
    {
        var json = new JsonObject();
        foreach (DictionaryEntry item in dictionary)
        {
            json[Convert.ToString(item.Key, System.Globalization.CultureInfo.InvariantCulture)!] =
                SerializeValue(item.Value, legacy);
        }
        return json;
    }

    private static JsonObject RenameKey(JsonObject config, string from, string to)
    {
        var renamed = new JsonObject();
        foreach (var (key, value) in config.ToList())
        {
            config.Remove(key);
            renamed[key == from ? to : key] = value;
        }
        return renamed;
    }

    /// <summary>JSON has no NaN or infinities; they are written as the strings Python's json uses for them.</summary>
    private static JsonValue Number(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
}

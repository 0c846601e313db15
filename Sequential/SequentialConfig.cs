using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras;

/// <summary>Reads and writes a <see cref="Sequential"/> model's config (<c>Sequential.get_config</c> /
/// <c>from_config</c>), in the Keras 3 form and every Keras 2 variant.</summary>
/// <remarks>The config is <c>{"name", "trainable", "dtype", "layers": [...], "build_input_shape"?}</c>, where
/// <c>layers</c> starts with the <see cref="InputLayer"/> when the model has one. Readers also accept Keras 2's input
/// declared as <c>batch_input_shape</c> on the first layer, and Keras &lt;= 2.2's bare list of layers. The model kind
/// is registered with <see cref="SerializationRegistry"/> as <c>Sequential</c>.</remarks>
/// <example><code>
/// JsonObject config = SequentialConfig.GetConfig(model);
/// Sequential copy = SequentialConfig.FromConfig(config);   // same layers, fresh weights
/// </code></example>
public static class SequentialConfig
{
    /// <summary>The model's config: its layers as envelopes, the input layer first.</summary>
    /// <param name="model">The model.</param>
    /// <param name="legacy">Write nested objects in the Keras 2 form. Defaults to false.</param>
    /// <returns>The config object (the <c>config</c> part of the model's envelope).</returns>
    public static JsonObject GetConfig(Sequential model, bool legacy = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var config = KerasSerialization.SerializeConfig(model.GetConfig(), legacy);
        if (config["build_input_shape"] is null)
        {
            // Keras writes it only once the model knows its input.
            config.Remove("build_input_shape");
        }
        if (!legacy && JsonValues.TryGetString(config["dtype"], out string dtype))
        {
            config["dtype"] = new JsonObject
            {
                ["module"] = "keras",
                ["class_name"] = "DTypePolicy",
                ["config"] = new JsonObject { ["name"] = dtype },
                ["registered_name"] = null,
            };
        }
        return config;
    }

    /// <summary>Rebuilds a model from its config: each layer through the registry, added in order.</summary>
    /// <param name="config">The config object (not the envelope).</param>
    /// <returns>The model, built when the config has an input layer or a <c>build_input_shape</c>.</returns>
    /// <exception cref="ArgumentException">The config has no <c>layers</c> list.</exception>
    public static Sequential FromConfig(JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new ConfigReader("Sequential", config);
        if (config["layers"] is not JsonArray layers)
        {
            throw reader.Error($"its config has no \"layers\" list, which is required. Received: " +
                               JsonValues.Preview(config["layers"]));
        }
        var model = new Sequential([], reader.Name);
        Layer? pending = null;
        try
        {
            for (int i = 0; i < layers.Count; i++)
            {
                var entry = layers[i] ?? throw reader.Error($"layer {i} of its config is null.");
                if (i == 0 && ImplicitInput(entry) is { } input)
                {
                    model.Add(input);
                }
                pending = KerasSerialization.DeserializeLayer(entry);
                model.Add(pending);
                pending = null;
            }
            if (!reader.Trainable)
            {
                model.Trainable = false;
            }
            if (!model.Built && model.Layers.Count > 0 && reader.Has("build_input_shape"))
            {
                model.Build(reader.GetShape("build_input_shape"));
            }
            return model;
        }
        catch
        {
            // Free the weights created so far (the model owns the layers it accepted).
            pending?.Dispose();
            model.Dispose();
            throw;
        }
    }

    /// <summary>Keras 2 declared the input on the first layer (<c>batch_input_shape</c>, or <c>input_shape</c> without
    /// the batch dimension); Keras 3 then adds an <see cref="InputLayer"/> in front of it.</summary>
    private static InputLayer? ImplicitInput(JsonNode entry)
    {
        if (entry is not JsonObject envelope || envelope["config"] is not JsonObject config ||
            (JsonValues.TryGetString(envelope["class_name"], out string className) && className == "InputLayer"))
        {
            return null;
        }
        var reader = new ConfigReader("Sequential", config);
        string dtype = reader.DType;
        if (reader.Has("batch_input_shape"))
        {
            var batchShape = reader.GetShape("batch_input_shape");
            return batchShape.Rank > 0 ? new InputLayer(batchShape.WithoutBatch(), batchShape[0], dtype) : null;
        }
        return reader.Has("input_shape") ? new InputLayer(reader.GetShape("input_shape"), dtype: dtype) : null;
    }

    /// <summary>Registers the model kind when this assembly loads, so configs naming <c>Sequential</c> can be
    /// read.</summary>
#pragma warning disable CA2255 // The registry is a library-level table; registering on load is the intended use here.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterModelKind() =>
        SerializationRegistry.RegisterBuiltIn<Sequential>("keras", "Sequential", FromConfig, toConfig: GetConfig);
}

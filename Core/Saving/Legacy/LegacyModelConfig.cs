using System.Text.Json.Nodes;

namespace Keras.Saving.Legacy;

/// <summary>The <c>model_config</c> of a legacy file: the model in the Keras 2 form (legacy envelopes, dtype strings,
/// <c>batch_input_shape</c>, list-form nodes), without the Keras 3-only keys that Keras 2 layer constructors reject
/// (keras-formats.md §1.6): an RNN's <c>seed</c>, InputLayer's <c>optional</c>, and an unset
/// <c>quantization_config</c>; Keras 3's renamed initializer classes and its Bidirectional form are written as
/// Keras 2 writes them, so tf-keras and tfjs-layers read the config too.</summary>
internal static class LegacyModelConfig
{
    private static readonly HashSet<string> RecurrentClasses =
    [
        "LSTM", "GRU", "SimpleRNN", "LSTMCell", "GRUCell", "SimpleRNNCell", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
    ];

    /// <summary>The model's legacy config envelope.</summary>
    internal static JsonObject Serialize(Model model)
    {
        var config = KerasSerialization.SerializeLayer(model, legacy: true);
        Clean(config);
        ToKeras2Forms(config);
        return config;
    }

    // Keras 3 renamed these initializers; tfjs knows them by their Keras 2 class names.
    private static readonly Dictionary<string, string> Keras2ClassNames = new()
    {
        ["OrthogonalInitializer"] = "Orthogonal",
        ["IdentityInitializer"] = "Identity",
    };

    /// <summary>Rewrites the Keras 3 spellings tfjs (a Keras 2 implementation) does not read: renamed initializer
    /// classes, and a Bidirectional whose <c>layer</c> is the forward copy (<c>forward_lstm</c>) with a default
    /// <c>backward_layer</c>, where Keras 2 stores the wrapped layer itself and no backward layer.</summary>
    private static void ToKeras2Forms(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (JsonValues.TryGetString(o["class_name"], out string name) && Keras2ClassNames.TryGetValue(name, out var k2))
            {
                o["class_name"] = k2;
            }
            if (name == "Bidirectional" && o["config"] is JsonObject config)
            {
                UnwrapBidirectional(config);
            }
            foreach (var child in o.Select(p => p.Value).ToList())
            {
                ToKeras2Forms(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.ToList())
            {
                ToKeras2Forms(child);
            }
        }
    }

    private static void UnwrapBidirectional(JsonObject config)
    {
        if (config["layer"]?["config"] is not JsonObject forward
            || !JsonValues.TryGetString(forward["name"], out string forwardName)
            || !forwardName.StartsWith("forward_", StringComparison.Ordinal))
        {
            return;
        }
        string inner = forwardName["forward_".Length..];
        forward["name"] = inner;
        if (config["backward_layer"]?["config"]?["name"] is JsonNode backward && (string?)backward == "backward_" + inner)
        {
            config.Remove("backward_layer");
        }
    }

    private static void Clean(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Clean(item);
                }
                break;
            case JsonObject obj:
                if (JsonValues.TryGetString(obj["class_name"], out string className) && obj["config"] is JsonObject config)
                {
                    RemoveIf(config, "quantization_config", v => v is null);
                    if (RecurrentClasses.Contains(className))
                    {
                        RemoveIf(config, "seed", v => v is null);
                    }
                    if (className == "InputLayer")
                    {
                        RemoveIf(config, "optional", v => v is JsonValue b && b.TryGetValue(out bool o) && !o);
                    }
                }
                foreach (var (_, value) in obj)
                {
                    Clean(value);
                }
                break;
        }
    }

    private static void RemoveIf(JsonObject config, string key, Func<JsonNode?, bool> unset)
    {
        if (config.ContainsKey(key) && unset(config[key]))
        {
            config.Remove(key);
        }
    }
}

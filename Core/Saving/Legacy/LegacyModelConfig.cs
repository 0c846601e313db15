using System.Text.Json.Nodes;

namespace Keras.Saving.Legacy;

/// <summary>The <c>model_config</c> of a legacy file: the model in the Keras 2 form (legacy envelopes, dtype strings,
/// <c>batch_input_shape</c>, list-form nodes), without the Keras 3-only keys that Keras 2 layer constructors reject
/// (keras-formats.md §1.6): an RNN's <c>seed</c>, InputLayer's <c>optional</c>, and an unset
/// <c>quantization_config</c>.</summary>
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
        return config;
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

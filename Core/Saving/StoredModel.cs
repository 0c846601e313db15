using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keras.Saving;

/// <summary>Rebuilds the model a file stores from its config, turning every way a config can be wrong into a
/// <see cref="KerasFileException"/> that names the file and the part of it that holds the config.</summary>
internal static class StoredModel
{
    /// <summary>The model described by <paramref name="config"/> (through the registry only).</summary>
    /// <param name="config">The model's config envelope.</param>
    /// <param name="path">The file, for messages (null: a stream).</param>
    /// <param name="source">Where in the file the config is, e.g. <c>model_config</c> or <c>config.json</c>.</param>
    internal static Model Rebuild(JsonNode config, string? path, string source)
    {
        try
        {
            return KerasSerialization.Deserialize<Model>(config);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or NotSupportedException
                                      or InvalidOperationException or FormatException or InvalidCastException
                                      or JsonException)
        {
            throw new KerasFileException(
                $"Cannot rebuild the model stored in {KerasFileException.Describe(path)} from its {source}: {e.Message}",
                path, e);
        }
    }
}

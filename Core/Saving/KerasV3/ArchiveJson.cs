using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keras.Saving.KerasV3;

/// <summary>Parses the JSON members of a <c>.keras</c> archive with a depth cap, and refuses configs whose classes
/// carry code (<c>Lambda</c>): Keras.Net never executes code from a file.</summary>
internal static class ArchiveJson
{
    private static readonly HashSet<string> CodeClasses = new(StringComparer.Ordinal)
    {
        "Lambda", "TFOpLambda", "SlicingOpLambda",
    };

    // JsonNode decodes property names lazily: invalid UTF-8 must be refused here, not on first access.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The member parsed as a JSON object.</summary>
    /// <exception cref="KerasFileException">Missing, too large, not UTF-8, not JSON, too deep, or not an
    /// object.</exception>
    public static JsonObject ReadObject(ArchiveReader archive, string member)
    {
        using var stream = archive.Read(member, ArchiveLimits.MaxJsonBytes);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw new KerasFileException(
                $"\"{member}\" in \"{archive.FilePath}\" is not valid UTF-8 text: {e.Message}", archive.FilePath, e);
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = ArchiveLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new KerasFileException(
                $"\"{member}\" in \"{archive.FilePath}\" is not valid JSON (or nests deeper than " +
                $"{ArchiveLimits.MaxJsonDepth} levels): {e.Message}", archive.FilePath, e);
        }
        return node as JsonObject ?? throw new KerasFileException(
            $"\"{member}\" in \"{archive.FilePath}\" must hold a JSON object. Received: " +
            $"{(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}.", archive.FilePath);
    }

    /// <summary>Throws if any object in <paramref name="config"/> names a class that holds code.</summary>
    public static void RejectCodeClasses(JsonNode? config, string filePath)
    {
        switch (config)
        {
            case JsonObject obj:
                if (obj["class_name"] is JsonValue value && value.TryGetValue(out string? className) &&
                    CodeClasses.Contains(className))
                {
                    string layer = obj["config"] is JsonObject inner && inner["name"] is JsonValue n ? $" \"{n}\"" : "";
                    throw new KerasFileException(
                        $"\"{filePath}\" contains a {className} layer{layer}. {className} layers hold Python code, " +
                        "which Keras.Net never runs from a file. Rewrite it as a custom layer class and register it " +
                        "with `SerializationRegistry.Register<T>(\"Name\", config => ...)` before loading.", filePath);
                }
                foreach (var (_, child) in obj)
                {
                    RejectCodeClasses(child, filePath);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RejectCodeClasses(child, filePath);
                }
                break;
        }
    }
}

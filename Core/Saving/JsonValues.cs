using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keras.Saving;

/// <summary>Lenient conversions of config JSON values (numbers written as <c>64</c> or <c>64.0</c>, shapes wrapped in
/// Keras 2's <c>__tuple__</c>/<c>TensorShape</c> objects, dtype policies as strings or envelopes).</summary>
internal static class JsonValues
{
    internal static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonValueKind.String:
                // Python's json writes NaN and Infinity; our writer stores them as strings.
                string text = v.GetValue<string>();
                value = text switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    _ => 0,
                };
                return text is "NaN" or "Infinity" or "-Infinity";
            default:
                return false;
        }
    }

    internal static bool TryGetInt(JsonNode? node, out int value)
    {
        value = 0;
        if (!TryGetDouble(node, out double d) || d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
        {
            return false;
        }
        value = (int)d;
        return true;
    }

    internal static bool TryGetBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValue<bool>();
            return true;
        }
        return false;
    }

    internal static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }
        return false;
    }

    /// <summary>Unwraps Keras 2's <c>{"class_name": "__tuple__" | "TensorShape", "items": [...]}</c>.</summary>
    internal static JsonNode? UnwrapTuple(JsonNode? node) =>
        node is JsonObject o && o["items"] is JsonArray items &&
        TryGetString(o["class_name"], out string name) && name is "__tuple__" or "TensorShape"
            ? items
            : node;

    /// <summary>A shape: an array of integers and nulls.</summary>
    internal static bool TryGetShape(JsonNode? node, out Shape shape)
    {
        shape = default;
        if (UnwrapTuple(node) is not JsonArray array)
        {
            return false;
        }
        var dims = new int?[array.Count];
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is null)
            {
                continue;
            }
            if (!TryGetInt(array[i], out int d) || d < 0)
            {
                return false;
            }
            dims[i] = d;
        }
        shape = new Shape(dims);
        return true;
    }

    /// <summary>Whether a node is one shape rather than a list of shapes.</summary>
    internal static bool IsShape(JsonNode? node) =>
        UnwrapTuple(node) is JsonArray array && array.All(d => d is null || d is JsonValue);

    /// <summary>The dtype name of a <c>dtype</c> value: a string, or a <c>DTypePolicy</c>/<c>Policy</c> envelope.</summary>
    internal static string? DTypeName(JsonNode? node)
    {
        if (TryGetString(node, out string name))
        {
            return name;
        }
        if (node is JsonObject o && o["config"] is JsonObject config && TryGetString(config["name"], out name))
        {
            return name;
        }
        return null;
    }

    /// <summary>A short JSON rendering for error messages.</summary>
    internal static string Preview(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 100 ? text : text[..97] + "...";
    }
}

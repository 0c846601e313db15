using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keras.Tests.Core.Layers.Attention;

/// <summary>Structural JSON equality where numbers compare by value (Python writes <c>0.0</c>, .NET <c>0</c>) and
/// object keys compare in order (Keras' key order is part of the format).</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                string expectedKeys = string.Join(", ", e.Select(p => p.Key));
                string actualKeys = string.Join(", ", a.Select(p => p.Key));
                Assert.True(expectedKeys == actualKeys, $"{path}: keys [{expectedKeys}] expected, got [{actualKeys}]");
                foreach (var (key, value) in e)
                {
                    Equal(value, a[key], $"{path}.{key}");
                }
                break;
            case JsonArray e:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == list.Count, $"{path}: {e.Count} items expected, got {list.Count}");
                for (int i = 0; i < e.Count; i++)
                {
                    Equal(e[i], list[i], $"{path}[{i}]");
                }
                break;
            default:
                Assert.True(actual is JsonValue,
                    $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
                if (expected.GetValueKind() == JsonValueKind.Number && actual!.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.True(Number(expected) == Number(actual),
                        $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                }
                else
                {
                    Assert.True(expected.ToJsonString() == actual!.ToJsonString(),
                        $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                }
                break;
        }
    }

    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Keras.Tests.KerasUtils;

/// <summary>Tests/Golden/Utils: utils.json and the images written by its generate.py (NumPy and Pillow restating
/// Keras' code).</summary>
internal static class UtilsGolden
{
    private static readonly Lazy<JsonObject> Json = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(), "utils.json")))!.AsObject());

    /// <summary>The parsed utils.json.</summary>
    public static JsonObject Root => Json.Value;

    /// <summary>The cases of one section.</summary>
    public static IEnumerable<JsonObject> Cases(string section) => Root[section]!.AsArray().Select(c => c!.AsObject());

    /// <summary>The path of a golden image.</summary>
    public static string Image(string name) => Path.Combine(Folder(), "images", name);

    /// <summary>A JSON array as doubles.</summary>
    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();

    /// <summary>A JSON array as ints.</summary>
    public static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => (int)v!).ToArray();

    private static string Folder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Golden", "Utils"));
}

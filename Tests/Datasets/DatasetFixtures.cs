using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Keras.Tests.Datasets;

/// <summary>The small dataset files made by Tests/Golden/Datasets/make_dataset_files.py in Keras' real formats, and
/// what Keras' loaders return for them (expected.json).</summary>
internal static class DatasetFixtures
{
    internal static string Folder { get; } = Path.GetFullPath(
        Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "Golden", "Datasets", "Fixtures"));

    private static readonly Lazy<JsonObject> _expected = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder!, "expected.json")))!.AsObject());

    internal static JsonObject Expected => _expected.Value;

    internal static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    internal static string Sha256(string name) => (string)Expected["files"]![name]!["sha256"]!;

    internal static string Md5(string name) => (string)Expected["files"]![name]!["md5"]!;

    /// <summary>A server of fixture files under their own names, or under the names given as
    /// <c>served=fixture</c>.</summary>
    internal static TestFileServer Serve(params string[] names) => new(names.ToDictionary(
        n => n.Split('=')[0], n => Bytes(n.Split('=')[^1])));

    internal static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => (int)v!).ToArray();

    internal static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();

    internal static int[][] Sequences(JsonNode? node) => node!.AsArray().Select(Ints).ToArray();

    internal static double[] Flatten(double[,] values) => values.Cast<double>().ToArray();

    internal static double[] Flatten(JsonNode? rows) => rows!.AsArray().SelectMany(r => Doubles(r)).ToArray();

    private static string ThisFile([CallerFilePath] string path = "") => path;
}

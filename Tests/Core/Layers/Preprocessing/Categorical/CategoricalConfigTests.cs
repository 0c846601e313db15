using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

/// <summary>Configs of the categorical preprocessing layers: Keras 3's keys in Keras' order, round trips that restore a
/// working layer, configs as Keras writes them, and unsupported options rejected.</summary>
public sealed class CategoricalConfigTests
{
    private const string Float32Policy =
        """{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}""";

    public static TheoryData<string> Layers => new(Factories.Keys);

    private static readonly Dictionary<string, Func<Layer>> Factories = new()
    {
        ["category_encoding"] = () => new CategoryEncoding(5, "count", name: "ce"),
        ["hashing_salt_mask"] = () => new Hashing(6, maskValue: "", salt: [1, 2], outputMode: "one_hot", name: "h"),
        ["hashing_int_mask"] = () => new Hashing(4, maskValue: 0L, dtype: "int32", name: "hi"),
        ["discretization_boundaries"] = () => new Discretization([-1.0, 0.25, 3.0], outputMode: "multi_hot", name: "d"),
        ["discretization_adapted"] = () => Adapted(new Discretization(numBins: 3, epsilon: 0.05, name: "da")),
        ["string_lookup_tf_idf"] = () => new StringLookup(maxTokens: 9, numOovIndices: 2, vocabulary: ["x", "y"],
            idfWeights: [0.5, 0.75], outputMode: "tf_idf", padToMaxTokens: true, name: "sl"),
        ["string_lookup_mask_invert"] = () => new StringLookup(maskToken: "<pad>", oovToken: "?", vocabulary: ["p", "q"],
            invert: true, name: "si"),
        ["integer_lookup_mask"] = () => new IntegerLookup(maskToken: 0, oovToken: -7, vocabulary: [3, 1, 4],
            outputMode: "one_hot", name: "il"),
        ["integer_lookup_unadapted"] = () => new IntegerLookup(numOovIndices: 0, outputMode: "multi_hot", name: "iu"),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Config_RoundTrips(string name)
    {
        var layer = Factories[name]();
        var json = KerasSerialization.SerializeLayer(layer);
        var copy = KerasSerialization.DeserializeLayer(json);
        Assert.Equal(layer.GetType(), copy.GetType());
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(copy).ToJsonString());
        var legacy = KerasSerialization.SerializeLayer(layer, legacy: true);
        Assert.Equal(legacy.ToJsonString(), KerasSerialization.SerializeLayer(KerasSerialization.DeserializeLayer(legacy), legacy: true).ToJsonString());
    }

    [Fact]
    public void Config_KeysAreKeras3s_InKerasOrder()
    {
        Assert.Equal(["name", "trainable", "dtype", "num_tokens", "output_mode"], Keys(new CategoryEncoding(3)));
        Assert.Equal(["name", "trainable", "dtype", "num_bins", "salt", "mask_value", "output_mode", "sparse"], Keys(new Hashing(3)));
        Assert.Equal(["bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse", "name", "dtype"], Keys(new Discretization([1.0])));
        Assert.Equal(
            ["name", "trainable", "dtype", "invert", "max_tokens", "num_oov_indices", "oov_token", "mask_token", "output_mode",
                "sparse", "pad_to_max_tokens", "idf_weights", "vocabulary", "vocabulary_size", "encoding"],
            Keys(new StringLookup()));
        Assert.Equal(
            ["name", "trainable", "dtype", "invert", "max_tokens", "num_oov_indices", "oov_token", "mask_token", "output_mode",
                "sparse", "pad_to_max_tokens", "vocabulary_dtype", "idf_weights", "vocabulary", "vocabulary_size"],
            Keys(new IntegerLookup()));
        var hashing = KerasSerialization.SerializeLayer(new Hashing(3, salt: [133]))["config"]!;
        Assert.Equal("int64", (string)hashing["dtype"]!["config"]!["name"]!);
        Assert.Equal("[133,133]", hashing["salt"]!.ToJsonString());
    }

    [Fact]
    public void Config_WrittenByKeras_LoadsWorkingLayers()
    {
        // Written out from the get_config() methods of Keras 3 (keys and values as Keras produces them).
        var stringLookup = (StringLookup)Load(
            $$"""
            {"module": "keras.layers", "class_name": "StringLookup", "config": {"name": "string_lookup",
             "trainable": true, "dtype": {{Float32Policy}}, "invert": false, "max_tokens": null, "num_oov_indices": 1,
             "oov_token": "[UNK]", "mask_token": null, "output_mode": "int", "sparse": false, "pad_to_max_tokens": false,
             "idf_weights": null, "vocabulary": ["a", "b", "c", "d"], "vocabulary_size": 5, "encoding": "utf-8"},
             "registered_name": null}
            """);
        using var ids = stringLookup.Call(new[,] { { "a", "c", "d" }, { "d", "z", "b" } });
        Assert.Equal(new long[] { 1, 3, 4, 4, 0, 2 }, ids.data<long>().ToArray());

        var integerLookup = (IntegerLookup)Load(
            $$"""
            {"module": "keras.layers", "class_name": "IntegerLookup", "config": {"name": "integer_lookup",
             "trainable": true, "dtype": {{Float32Policy}}, "invert": false, "max_tokens": null, "num_oov_indices": 1,
             "oov_token": -1, "mask_token": 0, "output_mode": "multi_hot", "sparse": false, "pad_to_max_tokens": false,
             "vocabulary_dtype": "int64", "idf_weights": null, "vocabulary": [12, 36, 1138, 42], "vocabulary_size": 5},
             "registered_name": null}
            """);
        using var multiHot = integerLookup.Call(torch.tensor(new long[] { 12, 0, 7, 42 }).reshape(2, 2));
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 }, multiHot.data<float>().ToArray());

        var hashing = (Hashing)Load(
            """
            {"module": "keras.layers", "class_name": "Hashing", "config": {"name": "hashing", "trainable": true,
             "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "int64"}, "registered_name": null},
             "num_bins": 3, "salt": [133, 133], "mask_value": null, "output_mode": "int", "sparse": false},
             "registered_name": null}
            """);
        using var bins = hashing.Call(new[] { "A", "B", "C", "D", "E" });
        Assert.Equal(new long[] { 0, 0, 2, 1, 0 }, bins.data<long>().ToArray());

        var discretization = (Discretization)Load(
            """
            {"module": "keras.layers", "class_name": "Discretization", "config": {"bin_boundaries":
             [0.0, 0.5, 1.2999999523162842], "num_bins": 4, "epsilon": 0.01, "output_mode": "int", "sparse": false,
             "name": "discretization", "dtype": "float32"}, "registered_name": null}
            """);
        using var buckets = discretization.Call(torch.tensor(new float[] { -1.5f, 1.0f, 3.4f, 0.5f }));
        Assert.Equal(new long[] { 0, 2, 3, 2 }, buckets.data<long>().ToArray());

        var encoding = (CategoryEncoding)Load(
            $$"""
            {"module": "keras.layers", "class_name": "CategoryEncoding", "config": {"name": "category_encoding",
             "trainable": true, "dtype": {{Float32Policy}}, "num_tokens": 4, "output_mode": "one_hot"},
             "registered_name": null}
            """);
        Assert.Equal("one_hot", encoding.OutputMode);

        // Keras 2 spellings: output_mode "binary" and "tf-idf", legacy envelope, a string dtype.
        var legacy = (StringLookup)Load(
            """
            {"class_name": "StringLookup", "config": {"name": "lookup", "trainable": true, "dtype": "string",
             "output_mode": "binary", "vocabulary": ["a"], "idf_weights": null, "encoding": "utf-8"}}
            """);
        Assert.Equal("multi_hot", legacy.OutputMode);
        Assert.Equal("tf_idf", ((IntegerLookup)Load(
            """{"class_name": "IntegerLookup", "config": {"output_mode": "tf-idf"}}""")).OutputMode);
    }

    [Theory]
    [InlineData("""{"class_name": "StringLookup", "config": {"sparse": true}}""")]
    [InlineData("""{"class_name": "StringLookup", "config": {"vocabulary": "vocab.txt"}}""")]
    [InlineData("""{"class_name": "StringLookup", "config": {"encoding": "latin-1"}}""")]
    [InlineData("""{"class_name": "IntegerLookup", "config": {"oov_method": "farmhash"}}""")]
    [InlineData("""{"class_name": "Hashing", "config": {"num_bins": 2, "sparse": true}}""")]
    [InlineData("""{"class_name": "CategoryEncoding", "config": {"num_tokens": 2, "sparse": true}}""")]
    [InlineData("""{"class_name": "Discretization", "config": {"num_bins": 2, "sparse": true}}""")]
    public void Config_UnsupportedOption_IsRejected(string json) =>
        Assert.Throws<NotSupportedException>(() => Load(json));

    private static Layer Adapted(Discretization layer)
    {
        layer.Adapt(torch.arange(0, 50, 1, torch.ScalarType.Float32));
        return layer;
    }

    private static Layer Load(string json) => KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);

    private static IEnumerable<string> Keys(Layer layer) =>
        KerasSerialization.SerializeLayer(layer)["config"]!.AsObject().Select(kv => kv.Key);
}

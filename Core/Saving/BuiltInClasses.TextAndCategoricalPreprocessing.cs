using System.Text.Json;
using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    static partial void RegisterTextAndCategoricalPreprocessingLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "CategoryEncoding", c =>
        {
            var r = new ConfigReader("CategoryEncoding", c);
            r.RejectUnsupported("sparse");
            return Trainable(new CategoryEncoding(r.GetInt("num_tokens"), r.GetString("output_mode", "multi_hot"),
                r.DType, r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Hashing", HashingFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Discretization", DiscretizationFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "StringLookup", StringLookupFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "IntegerLookup", IntegerLookupFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "TextVectorization", TextVectorizationFromConfig);
    }

    private static Hashing HashingFromConfig(JsonObject c)
    {
        var r = new ConfigReader("Hashing", c);
        r.RejectUnsupported("sparse");
        string outputMode = r.GetString("output_mode", "int");
        long[]? salt = c["salt"] switch
        {
            null => null,
            JsonArray => Longs(r, "salt"),
            var node when JsonValues.TryGetDouble(node, out _) => [Long(r, "salt", node)],
            _ => throw r.Error($"\"salt\" must be an integer or a list of two integers. Received: {JsonValues.Preview(c["salt"])}"),
        };
        object? maskValue = c["mask_value"] switch
        {
            null => null,
            var node when JsonValues.TryGetString(node, out string s) => s,
            var node when JsonValues.TryGetDouble(node, out _) => Long(r, "mask_value", node),
            _ => throw r.Error($"\"mask_value\" must be a string or an integer. Received: {JsonValues.Preview(c["mask_value"])}"),
        };
        string? dtype = JsonValues.DTypeName(c["dtype"]);
        return Trainable(new Hashing(r.GetInt("num_bins"), maskValue, salt, outputMode, dtype, r.Name), r);
    }

    /// <summary>After <c>adapt</c> Keras writes both <c>num_bins</c> and <c>bin_boundaries</c>; the boundaries are then
    /// applied after construction, as Keras' <c>from_config</c> does.</summary>
    private static Discretization DiscretizationFromConfig(JsonObject c)
    {
        var r = new ConfigReader("Discretization", c);
        r.RejectUnsupported("sparse");
        double[]? boundaries = r.Has("bin_boundaries") ? Doubles(r, "bin_boundaries") : null;
        int? numBins = r.Has("num_bins") ? r.GetInt("num_bins") : null;
        var layer = new Discretization(numBins is null ? boundaries : null, numBins, r.GetDouble("epsilon", 0.01),
            r.GetString("output_mode", "int"), r.DType, r.Name);
        if (numBins is not null && boundaries is not null)
        {
            layer.RestoreBoundaries(boundaries);
        }
        return Trainable(layer, r);
    }

    private static StringLookup StringLookupFromConfig(JsonObject c)
    {
        var r = LookupReader("StringLookup", c);
        return Trainable(new StringLookup(
            NullableInt(r, "max_tokens"),
            r.GetInt("num_oov_indices", 1),
            r.Has("mask_token") ? r.GetString("mask_token") : null,
            r.GetString("oov_token", "[UNK]"),
            r.Has("vocabulary") ? Strings(r, "vocabulary") : null,
            r.Has("idf_weights") ? Doubles(r, "idf_weights") : null,
            r.GetBool("invert", false),
            r.GetString("output_mode", "int"),
            r.GetBool("pad_to_max_tokens", false),
            r.Name,
            NullableInt(r, "vocabulary_size"),
            hasInputVocabulary: null), r);
    }

    private static IntegerLookup IntegerLookupFromConfig(JsonObject c)
    {
        var r = LookupReader("IntegerLookup", c);
        string vocabularyDType = r.GetString("vocabulary_dtype", "int64");
        if (vocabularyDType != "int64")
        {
            throw r.Error($"only `vocabulary_dtype='int64'` is supported. Received: vocabulary_dtype={vocabularyDType}");
        }
        string oovMethod = r.GetString("oov_method", "floormod");
        if (oovMethod != "floormod")
        {
            throw new NotSupportedException(
                $"Cannot load IntegerLookup \"{r.Name}\": \"oov_method\": \"{oovMethod}\" is not supported by Keras.Net " +
                "yet; only \"floormod\" is.");
        }
        return Trainable(new IntegerLookup(
            NullableInt(r, "max_tokens"),
            r.GetInt("num_oov_indices", 1),
            r.Has("mask_token") ? Long(r, "mask_token", c["mask_token"]) : null,
            r.Has("oov_token") ? Long(r, "oov_token", c["oov_token"]) : -1,
            r.Has("vocabulary") ? Longs(r, "vocabulary") : null,
            r.Has("idf_weights") ? Doubles(r, "idf_weights") : null,
            r.GetBool("invert", false),
            r.GetString("output_mode", "int"),
            r.GetBool("pad_to_max_tokens", false),
            r.Name,
            NullableInt(r, "vocabulary_size")), r);
    }

    /// <summary>Keras writes <c>vocabulary_size</c> even for an empty vocabulary; restoring that as a frozen size would
    /// make a later <c>Adapt</c> fail in the vector modes, so only a size beyond the special tokens (an adapted
    /// vocabulary that the config does not hold) is kept.</summary>
    private static TextVectorization TextVectorizationFromConfig(JsonObject c)
    {
        var r = LookupReader("TextVectorization", c);
        r.RejectUnsupported("ragged");
        foreach (var key in new[] { "standardize", "split" })
        {
            if (c[key] is JsonObject)
            {
                throw new NotSupportedException(
                    $"Cannot load TextVectorization \"{r.Name}\": a custom `{key}` callable is not supported by " +
                    "Keras.Net yet.");
            }
        }
        NGrams? ngrams = c["ngrams"] switch
        {
            null => null,
            JsonArray => Longs(r, "ngrams").Select(n => checked((int)n)).ToArray(),
            _ => r.GetInt("ngrams"),
        };
        string outputMode = r.GetString("output_mode", "int");
        var vocabulary = r.Has("vocabulary") ? Strings(r, "vocabulary") : null;
        int specials = outputMode == "int" ? 2 : 1;
        int? vocabularySize = NullableInt(r, "vocabulary_size");
        return Trainable(new TextVectorization(
            NullableInt(r, "max_tokens"),
            OptionalString(r, "standardize", "lower_and_strip_punctuation"),
            OptionalString(r, "split", "whitespace"),
            ngrams,
            outputMode,
            NullableInt(r, "output_sequence_length"),
            r.GetBool("pad_to_max_tokens", false),
            vocabulary,
            r.Has("idf_weights") ? Doubles(r, "idf_weights") : null,
            r.Name,
            vocabulary is null && vocabularySize > specials ? vocabularySize : null), r);
    }

    /// <summary>A reader for the lookup layers: dtype is ignored (Keras' <c>IndexLookup</c> drops it), sparse
    /// outputs, vocabulary files and encodings other than UTF-8 are rejected.</summary>
    private static ConfigReader LookupReader(string className, JsonObject c)
    {
        var r = new ConfigReader(className, c);
        r.RejectUnsupported("sparse");
        if (JsonValues.TryGetString(c["vocabulary"], out string path))
        {
            throw new NotSupportedException(
                $"Cannot load {className} \"{r.Name}\": a vocabulary file (\"{path}\") is not supported by Keras.Net; " +
                "the config must list the vocabulary.");
        }
        string encoding = r.GetString("encoding", "utf-8");
        if (!encoding.Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"Cannot load {className} \"{r.Name}\": encoding \"{encoding}\" is not supported by Keras.Net; only " +
                "\"utf-8\" is.");
        }
        return r;
    }

    private static int? NullableInt(ConfigReader r, string key) => r.Has(key) ? r.GetInt(key) : null;

    /// <summary>A string that may be null: an absent key gives the default, an explicit null gives null.</summary>
    private static string? OptionalString(ConfigReader r, string key, string defaultValue) =>
        !r.Config.ContainsKey(key) ? defaultValue : r.Has(key) ? r.GetString(key) : null;

    private static long Long(ConfigReader r, string key, JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out long l))
            {
                return l;
            }
            if (JsonValues.TryGetDouble(v, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
            {
                return (long)d;
            }
        }
        throw r.Error($"\"{key}\" must hold integers. Received: {JsonValues.Preview(node)}");
    }

    private static long[] Longs(ConfigReader r, string key) =>
        JsonValues.UnwrapTuple(r.Config[key]) is JsonArray array
            ? array.Select(n => Long(r, key, n)).ToArray()
            : throw r.Error($"\"{key}\" must be a list of integers. Received: {JsonValues.Preview(r.Config[key])}");

    private static double[] Doubles(ConfigReader r, string key) =>
        JsonValues.UnwrapTuple(r.Config[key]) is JsonArray array
            ? array.Select(n => JsonValues.TryGetDouble(n, out double d)
                ? d
                : throw r.Error($"\"{key}\" must be a list of numbers. Received: {JsonValues.Preview(r.Config[key])}"))
                .ToArray()
            : throw r.Error($"\"{key}\" must be a list of numbers. Received: {JsonValues.Preview(r.Config[key])}");

    private static string[] Strings(ConfigReader r, string key) =>
        r.Config[key] is JsonArray array
            ? array.Select(n => JsonValues.TryGetString(n, out string s)
                ? s
                : throw r.Error($"\"{key}\" must be a list of strings. Received: {JsonValues.Preview(r.Config[key])}"))
                .ToArray()
            : throw r.Error($"\"{key}\" must be a list of strings. Received: {JsonValues.Preview(r.Config[key])}");
}

using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Preprocessing.Text;

/// <summary>TextVectorization beyond Keras' documented examples (those run in KerasExampleTests): standardization and
/// splitting as TensorFlow does them, n-grams, adapt, output lengths, errors, configs and shapes.</summary>
public sealed class TextVectorizationTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new TextVectorization();
        Assert.Null(layer.MaxTokens);
        Assert.Equal("lower_and_strip_punctuation", layer.Standardize);
        Assert.Equal("whitespace", layer.Split);
        Assert.Null(layer.NGrams);
        Assert.Equal("int", layer.OutputMode);
        Assert.Null(layer.OutputSequenceLength);
        Assert.False(layer.PadToMaxTokens);
        Assert.Equal(["", "[UNK]"], layer.GetVocabulary());
        Assert.Equal(["[UNK]"], new TextVectorization(outputMode: "multi_hot").GetVocabulary());
        Assert.Empty(layer.Weights);
    }

    [Fact]
    public void Standardize_LowercasesAsciiOnly_AndStripsEveryAsciiPunctuationCharacter()
    {
        const string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        var layer = new TextVectorization(split: null);
        layer.Adapt([$"ÉCOLE Ünïcode{punctuation}ok«»"]);
        // tf.strings.lower without an encoding lowers A-Z only; the regex removes ASCII punctuation, nothing else.
        Assert.Equal(["", "[UNK]", "École Ünïcodeok«»"], layer.GetVocabulary());
        var lower = new TextVectorization(split: null, standardize: "lower");
        lower.Adapt(["A.B"]);
        Assert.Equal("a.b", lower.GetVocabulary()[2]);
        var strip = new TextVectorization(split: null, standardize: "strip_punctuation");
        strip.Adapt(["A.B"]);
        Assert.Equal("AB", strip.GetVocabulary()[2]);
    }

    [Fact]
    public void Split_OnAsciiWhitespaceRuns_OrOnCodePoints()
    {
        var words = new TextVectorization(standardize: null);
        words.Adapt(["  one\ttwo\n\nthree\u00A0four \r\f\vfive "]);
        // Runs of ASCII whitespace separate; the no-break space does not (tf.strings.split).
        Assert.Equal(["", "[UNK]", "two", "three\u00A0four", "one", "five"], words.GetVocabulary());

        var characters = new TextVectorization(split: "character", standardize: null);
        characters.Adapt(["a\U0001F600ba"]);
        Assert.Equal(["", "[UNK]", "a", "\U0001F600", "b"], characters.GetVocabulary());
        using var ids = characters.Call(new[] { "ba\U0001F600x" });
        Assert.Equal(new long[] { 4, 2, 3, 1 }, ids.data<long>().ToArray());
    }

    [Fact]
    public void NGrams_UpToN_ListsEachWidthInOrder()
    {
        var layer = new TextVectorization(ngrams: 2, vocabulary: ["a", "b", "c", "a b", "b c"]);
        using var ids = layer.Call(new[] { "a b c", "c" });
        // "a b c" → a, b, c, "a b", "b c"; "c" → c (no bigram), padded with 0.
        Assert.Equal(new long[] { 2, 3, 4, 5, 6, 4, 0, 0, 0, 0 }, ids.data<long>().ToArray());

        var widths = new TextVectorization(ngrams: new[] { 2, 3 });
        widths.Adapt(["x y z", "y z"]);
        // Bigrams "x y" (1), "y z" (2), trigram "x y z" (1).
        Assert.Equal(["", "[UNK]", "y z", "x y z", "x y"], widths.GetVocabulary());

        var chars = new TextVectorization(split: "character", ngrams: NGrams.Of(3), standardize: null);
        chars.Adapt(["abcd"]);
        Assert.Equal(["", "[UNK]", "b c d", "a b c"], chars.GetVocabulary());
    }

    [Fact]
    public void Adapt_MaxTokensCountsPaddingAndOov_AndOrdersByFrequency()
    {
        var layer = new TextVectorization(maxTokens: 4);
        layer.Adapt(["b a", "c b a", "a d e"]);
        Assert.Equal(["", "[UNK]", "a", "b"], layer.GetVocabulary());
        var counts = new TextVectorization(maxTokens: 4, outputMode: "count");
        counts.Adapt(["b a", "c b a", "a d e"]);
        Assert.Equal(["[UNK]", "a", "b", "e"], counts.GetVocabulary());
        using var y = counts.Call(new[] { "a a z b", "" });
        Assert.Equal(new float[] { 1, 2, 1, 0, 0, 0, 0, 0 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Adapt_TfIdf_EachTextIsADocument()
    {
        var layer = new TextVectorization(outputMode: "tf_idf");
        layer.Adapt(["a a b", "a c", "c d"]);
        // Counts a 3, c 2, then d and b once (greatest first); document frequencies a 2, c 2, d 1, b 1.
        Assert.Equal(["[UNK]", "a", "c", "d", "b"], layer.GetVocabulary());
        using var y = layer.Call(new[] { "a a d x" });
        double Idf(int df) => (float)Math.Log(1 + 3.0 / (1 + df));
        double oov = (float)new[] { Idf(2), Idf(2), Idf(1), Idf(1) }.Average();
        var expected = new[] { oov, 2 * Idf(2), 0, Idf(1), 0 };
        var actual = y.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Fact]
    public void OutputSequenceLength_PadsAndCuts()
    {
        var layer = new TextVectorization(outputSequenceLength: 3, vocabulary: ["a", "b"]);
        using var ids = layer.Call(new[] { "a b a b", "b", "" });
        Assert.Equal(new long[] { 3, 3 }, ids.shape);
        Assert.Equal(new long[] { 2, 3, 2, 3, 0, 0, 0, 0, 0 }, ids.data<long>().ToArray());
        using var ragged = new TextVectorization(vocabulary: ["a"]).Call(new[] { "a a", "a a a a" });
        Assert.Equal(new long[] { 2, 4 }, ragged.shape);
    }

    [Fact]
    public void Call_TwoDimensional_RequiresOneColumnWhenSplitting()
    {
        var layer = new TextVectorization(vocabulary: ["a"], name: "texts");
        using var ids = layer.Call(new[,] { { "A a" }, { "b" } });
        Assert.Equal(new long[] { 2, 2, 1, 0 }, ids.data<long>().ToArray());
        var error = Assert.Throws<ArgumentException>(() => layer.Call(new[,] { { "a", "b" } }));
        Assert.Contains("last shape dimension must be 1", error.Message);

        var unsplit = new TextVectorization(split: null, vocabulary: ["a b", "c"]);
        using var rows = unsplit.Call(new[,] { { "A B", "c", "d" } });
        Assert.Equal(new long[] { 2, 3, 1 }, rows.data<long>().ToArray());
    }

    [Fact]
    public void Errors_NameTheArgumentOrTheLayer()
    {
        var mode = Assert.Throws<ArgumentException>(() => new TextVectorization(outputMode: "bits"));
        Assert.Contains("output_mode", mode.Message);
        Assert.Contains("TextVectorization", mode.Message);
        Assert.Contains("standardize", Assert.Throws<ArgumentException>(() => new TextVectorization(standardize: "upper")).Message);
        Assert.Contains("split", Assert.Throws<ArgumentException>(() => new TextVectorization(split: "comma")).Message);
        Assert.Contains("output_sequence_length",
            Assert.Throws<ArgumentException>(() => new TextVectorization(outputMode: "count", outputSequenceLength: 3)).Message);
        Assert.Throws<ArgumentException>(() => new TextVectorization(ngrams: 0));

        var unadapted = new TextVectorization(name: "reviews");
        var notAdapted = Assert.Throws<InvalidOperationException>(() => unadapted.Call(new[] { "text" }));
        Assert.Contains("\"reviews\"", notAdapted.Message);
        Assert.Contains("Adapt", notAdapted.Message);
        var tensorCall = Assert.Throws<ArgumentException>(() => unadapted.Call(torch.ones(2)));
        Assert.Contains("\"reviews\"", tensorCall.Message);
        Assert.Contains("strings", tensorCall.Message);
        Assert.Throws<InvalidOperationException>(() => new TextVectorization(vocabulary: ["a"]).Adapt(["b"]));
    }

    [Fact]
    public void Config_RoundTrips_AndRestoresAWorkingLayer()
    {
        var layer = new TextVectorization(maxTokens: 10, standardize: "lower", split: "character", ngrams: new[] { 1, 2 },
            outputMode: "tf_idf", padToMaxTokens: true, vocabulary: ["a", "b"], idfWeights: [0.5, 0.25], name: "chars");
        var json = KerasSerialization.SerializeLayer(layer);
        var config = json["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "max_tokens", "standardize", "split", "ngrams", "output_mode",
                "output_sequence_length", "pad_to_max_tokens", "sparse", "ragged", "vocabulary", "idf_weights", "encoding",
                "vocabulary_size"],
            config.Select(kv => kv.Key));
        Assert.Equal("[1,2]", config["ngrams"]!.ToJsonString());
        Assert.Equal(3, config["vocabulary_size"]!.GetValue<long>());
        var copy = (TextVectorization)KerasSerialization.DeserializeLayer(json);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(copy).ToJsonString());
        using var expected = layer.Call(new[] { "AbBa" });
        using var actual = copy.Call(new[] { "AbBa" });
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
        Assert.Equal("2", KerasSerialization.SerializeLayer(new TextVectorization(ngrams: 2))["config"]!["ngrams"]!.ToJsonString());
    }

    [Fact]
    public void Config_WrittenByKeras_Loads()
    {
        // Keras 3 TextVectorization.get_config() after construction with a vocabulary (keys in Keras' order).
        const string keras =
            """
            {"module": "keras.layers", "class_name": "TextVectorization",
             "config": {"name": "text_vectorization", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "max_tokens": 5000, "standardize": "lower_and_strip_punctuation", "split": "whitespace",
                        "ngrams": null, "output_mode": "int", "output_sequence_length": 4, "pad_to_max_tokens": false,
                        "sparse": false, "ragged": false, "vocabulary": ["earth", "wind", "and", "fire"],
                        "idf_weights": null, "encoding": "utf-8", "vocabulary_size": 6},
             "registered_name": null}
            """;
        var layer = (TextVectorization)KerasSerialization.DeserializeLayer(System.Text.Json.Nodes.JsonNode.Parse(keras)!);
        Assert.Equal(["", "[UNK]", "earth", "wind", "and", "fire"], layer.GetVocabulary());
        using var ids = layer.Call(new[] { "Wind, and FIRE!" });
        Assert.Equal(new long[] { 3, 4, 5, 0 }, ids.data<long>().ToArray());

        // An adapted layer's config has no vocabulary (Keras keeps it as an asset): it loads unadapted and can adapt.
        const string adapted =
            """
            {"class_name": "TextVectorization", "config": {"name": "tv", "max_tokens": null, "output_mode": "multi_hot",
             "ngrams": [1, 2], "vocabulary": null, "vocabulary_size": 1}}
            """;
        var fresh = (TextVectorization)KerasSerialization.DeserializeLayer(System.Text.Json.Nodes.JsonNode.Parse(adapted)!);
        Assert.Equal([1, 2], fresh.NGrams!.Widths);
        fresh.Adapt(["a b"]);
        Assert.Equal(["[UNK]", "b", "a b", "a"], fresh.GetVocabulary());

        Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(System.Text.Json.Nodes.JsonNode.Parse(
            """{"class_name": "TextVectorization", "config": {"ragged": true}}""")!));
        Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(System.Text.Json.Nodes.JsonNode.Parse(
            """{"class_name": "TextVectorization", "config": {"vocabulary": "/tmp/vocab.txt"}}""")!));
    }

    [Fact]
    public void ComputeOutputShape_EqualsProducedShape_ForRandomModesAndLengths()
    {
        string[] modes = ["int", "multi_hot", "count", "tf_idf"];
        string[] words = ["red", "green", "blue", "cyan", "pink"];
        var random = new Random(99);
        for (int trial = 0; trial < 25; trial++)
        {
            using var scope = torch.NewDisposeScope();
            string mode = modes[random.Next(modes.Length)];
            int? length = mode == "int" && random.Next(2) == 0 ? random.Next(0, 6) : null;
            bool pad = mode != "int" && random.Next(2) == 0;
            NGrams? ngrams = random.Next(3) == 0 ? random.Next(1, 3) : null;
            var layer = new TextVectorization(maxTokens: pad ? 12 : null, padToMaxTokens: pad, outputMode: mode,
                outputSequenceLength: length, ngrams: ngrams);
            var texts = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => words[random.Next(words.Length)])))
                .ToArray();
            layer.Adapt(texts.Append("red green"));
            using var y = layer.Call(texts);
            var symbolic = layer.ComputeOutputShape([texts.Length]);
            Assert.Equal(2, symbolic.Rank);
            Assert.Equal(texts.Length, symbolic[0]);
            Assert.True(symbolic[1] is null || symbolic[1] == y.shape[1],
                $"Trial {trial}: mode {mode}, length {length}, pad {pad}: ComputeOutputShape {symbolic}, output {new Shape(y.shape)}.");
            Assert.Equal(mode == "int" ? torch.ScalarType.Int64 : torch.ScalarType.Float32, y.dtype);
            if (mode != "int" || length is not null)
            {
                Assert.NotNull(symbolic[1]);
            }
        }
    }
}

using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

/// <summary>StringLookup and IntegerLookup beyond Keras' documented examples: defaults, adapt ordering and truncation,
/// TF-IDF weights, masks, several OOV indices, inversion and errors.</summary>
public sealed class LookupTests
{
    [Fact]
    public void StringLookup_Ctor_Defaults()
    {
        var layer = new StringLookup();
        Assert.Null(layer.MaxTokens);
        Assert.Equal(1, layer.NumOovIndices);
        Assert.Null(layer.MaskToken);
        Assert.Equal("[UNK]", layer.OovToken);
        Assert.False(layer.Invert);
        Assert.Equal("int", layer.OutputMode);
        Assert.False(layer.PadToMaxTokens);
        Assert.Equal(["[UNK]"], layer.GetVocabulary());
        Assert.Equal(1, layer.VocabularySize());
        Assert.Empty(layer.Weights);
    }

    [Fact]
    public void IntegerLookup_Ctor_Defaults()
    {
        var layer = new IntegerLookup();
        Assert.Null(layer.MaxTokens);
        Assert.Equal(1, layer.NumOovIndices);
        Assert.Null(layer.MaskToken);
        Assert.Equal(-1L, layer.OovToken);
        Assert.False(layer.Invert);
        Assert.Equal("int", layer.OutputMode);
        Assert.False(layer.PadToMaxTokens);
        Assert.Equal([-1L], layer.GetVocabulary());
    }

    [Fact]
    public void Adapt_OrdersByCountThenGreatestToken_AndTruncatesToMaxTokens()
    {
        var layer = new StringLookup(maxTokens: 4);
        layer.Adapt(new[] { "b", "a", "c", "a", "d", "c", "a", "e" });
        // Counts: a 3, c 2, then b, d, e once each: ties from the greatest token down; [UNK] + 3 terms.
        Assert.Equal(["[UNK]", "a", "c", "e"], layer.GetVocabulary());
        Assert.Equal(["a", "c", "e"], layer.GetVocabulary(includeSpecialTokens: false));

        var integers = new IntegerLookup(maxTokens: 3, maskToken: 0);
        integers.Adapt(new long[] { 5, 0, 0, 0, 7, 7, 9, 5, 11 });
        // The mask token is never learned; 7 and 5 tie at 2 (greatest first); the cap counts mask and OOV.
        Assert.Equal([0L, -1L, 7L], integers.GetVocabulary());
    }

    [Fact]
    public void Adapt_BreaksTiesByCodePoint_LikeNumpyOnUtf8Bytes()
    {
        // U+FF21 sorts before U+1F600 by code point (and UTF-8 bytes), after it by UTF-16 code unit.
        var layer = new StringLookup();
        layer.Adapt(new[] { "\uFF21", "\U0001F600", "z", "é" });
        Assert.Equal(["[UNK]", "\U0001F600", "\uFF21", "é", "z"], layer.GetVocabulary());
    }

    [Fact]
    public void Adapt_TfIdf_LearnsLogOnePlusDocumentsOverOnePlusDocumentFrequency()
    {
        var layer = new StringLookup(outputMode: "tf_idf");
        layer.Adapt(new[] { new[] { "a", "a", "b" }, new[] { "a", "c" }, new[] { "c", "d" } });
        Assert.Equal(["[UNK]", "a", "c", "d", "b"], layer.GetVocabulary());
        double Idf(int df) => (float)Math.Log(1 + 3.0 / (1 + df));
        double[] idf = [Idf(2), Idf(2), Idf(1), Idf(1)];
        double oov = (float)idf.Average();
        using var y = layer.Call(new[,] { { "a", "a", "d", "x" } });
        var expected = new[] { oov, 2 * idf[0], 0, idf[2], 0 };
        var actual = y.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Fact]
    public void PadToMaxTokens_WidensEncodedOutput_WithZeroIdfPadding()
    {
        var layer = new StringLookup(maxTokens: 6, padToMaxTokens: true, outputMode: "tf_idf");
        layer.Adapt(new[] { "a", "b", "a" });
        Assert.Equal(new Shape(null, 6), layer.ComputeOutputShape([null, 3]));
        using var y = layer.Call(new[,] { { "a", "b", "q" } });
        Assert.Equal(new long[] { 1, 6 }, y.shape);
        Assert.Equal(0f, y[0, 3].item<float>());
        Assert.True(y[0, 0].item<float>() > 0);
    }

    [Fact]
    public void MaskToken_MapsToZeroInIntMode_AndIsDroppedInEncodedModes()
    {
        var ints = new StringLookup(maskToken: "", vocabulary: ["a", "b"]);
        Assert.Equal(["", "[UNK]", "a", "b"], ints.GetVocabulary());
        using var ids = ints.Call(new[] { "", "a", "z", "b" });
        Assert.Equal(new long[] { 0, 2, 1, 3 }, ids.data<long>().ToArray());

        var counts = new StringLookup(maskToken: "", vocabulary: ["a", "b"], outputMode: "count");
        Assert.Equal(["[UNK]", "a", "b"], counts.GetVocabulary());
        using var y = counts.Call(new[,] { { "", "a", "", "z" } });
        Assert.Equal(new float[] { 1, 1, 0 }, y.data<float>().ToArray());
    }

    [Fact]
    public void SeveralOovIndices_HashStringsWithFarmHash_AndIntegersModulo()
    {
        var strings = new StringLookup(vocabulary: ["a"], numOovIndices: 3);
        using var s = strings.Call(new[] { "m", "z", "a" });
        // FarmHash64("m") % 3 and FarmHash64("z") % 3 (TensorFlow's to_hash_bucket_fast; FarmHash is checked
        // against farmhash.cc in HashFunctionTests), then the vocabulary after the three OOV indices.
        Assert.Equal(new long[] { Bucket("m"), Bucket("z"), 3 }, s.data<long>().ToArray());

        var integers = new IntegerLookup(vocabulary: [100], numOovIndices: 4, maskToken: 0);
        using var i = integers.Call(torch.tensor(new long[] { 0, 100, 7, -3 }));
        Assert.Equal(new long[] { 0, 5, 1 + 3, 1 + 1 }, i.data<long>().ToArray());   // floormod(7, 4) = 3, floormod(-3, 4) = 1

        static long Bucket(string token) =>
            (long)(FarmHash.Fingerprint64(System.Text.Encoding.UTF8.GetBytes(token)) % 3);
    }

    [Fact]
    public void Invert_RoundTripsTheForwardLookup()
    {
        var forward = new StringLookup(vocabulary: ["x", "y", "z"], maskToken: "");
        var inverse = new StringLookup(vocabulary: forward.GetVocabulary(), maskToken: "", invert: true);
        string[] tokens = ["y", "", "q", "x", "z"];
        using var ids = forward.Call(tokens);
        var back = (string[])inverse.CallInverse(ids);
        Assert.Equal(["y", "", "[UNK]", "x", "z"], back);
        Assert.Equal(new[,] { { "x", "[UNK]" } }, inverse.CallInverse(new long[,] { { 2, 99 } }));

        var intForward = new IntegerLookup(vocabulary: [12, 36, 1138]);
        var intInverse = new IntegerLookup(vocabulary: intForward.GetVocabulary(), invert: true);
        var data = torch.tensor(new long[] { 36, 7, 1138, 12 }).reshape(2, 2);
        using var intIds = intForward.Call(data);
        using var intBack = intInverse.Call(intIds);
        Assert.Equal(new long[] { 36, -1, 1138, 12 }, intBack.data<long>().ToArray());
        Assert.Equal(data.shape, intBack.shape);
    }

    [Fact]
    public void Call_BeforeVocabulary_ThrowsNamingTheLayer()
    {
        var strings = new StringLookup(name: "cities");
        var error = Assert.Throws<InvalidOperationException>(() => strings.Call(new[] { "a" }));
        Assert.Contains("\"cities\"", error.Message);
        Assert.Contains("Adapt", error.Message);
        var counts = new IntegerLookup(outputMode: "count", name: "ids");
        var countError = Assert.Throws<InvalidOperationException>(() => counts.Call(torch.tensor(new long[] { 1 })));
        Assert.Contains("\"ids\"", countError.Message);
        Assert.Contains("output_mode=count", countError.Message);
    }

    [Fact]
    public void Errors_NameTheArgumentOrTheLayer()
    {
        Assert.Contains("output_mode", Assert.Throws<ArgumentException>(() => new StringLookup(outputMode: "bits")).Message);
        Assert.Contains("StringLookup", Assert.Throws<ArgumentException>(() => new StringLookup(outputMode: "bits")).Message);
        Assert.Contains("max_tokens", Assert.Throws<ArgumentException>(() => new IntegerLookup(maxTokens: 1)).Message);
        Assert.Contains("invert", Assert.Throws<ArgumentException>(() => new StringLookup(invert: true, outputMode: "count")).Message);
        Assert.Contains("num_oov_indices", Assert.Throws<ArgumentException>(() => new StringLookup(numOovIndices: -1)).Message);
        Assert.Contains("idf_weights", Assert.Throws<ArgumentException>(() => new StringLookup(vocabulary: ["a"], outputMode: "tf_idf")).Message);
        Assert.Contains("idf_weights", Assert.Throws<ArgumentException>(() => new StringLookup(idfWeights: [1.0])).Message);
        Assert.Contains("repeated", Assert.Throws<ArgumentException>(() => new StringLookup(vocabulary: ["a", "b", "a"])).Message);
        Assert.Contains("mask token", Assert.Throws<ArgumentException>(() => new StringLookup(maskToken: "", vocabulary: ["a", ""])).Message);
        Assert.Contains("larger than the maximum", Assert.Throws<ArgumentException>(() => new StringLookup(maxTokens: 2, vocabulary: ["a", "b"])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new StringLookup(vocabulary: [])).Message);

        var noOov = new StringLookup(vocabulary: ["a"], numOovIndices: 0, name: "strict");
        var oovError = Assert.Throws<ArgumentException>(() => noOov.Call(new[] { "a", "zz" }));
        Assert.Contains("'zz'", oovError.Message);
        Assert.Contains("\"strict\"", oovError.Message);

        Assert.Throws<InvalidOperationException>(() => new StringLookup(vocabulary: ["a"]).Adapt(new[] { "b" }));
        Assert.Contains("\"tokens\"", Assert.Throws<ArgumentException>(() => new StringLookup(vocabulary: ["a"], name: "tokens").Call(torch.ones(2))).Message);
        Assert.Contains("integer", Assert.Throws<ArgumentException>(() => new IntegerLookup(vocabulary: [1]).Call(torch.ones(2))).Message);
    }

    [Fact]
    public void EncodedModes_FixTheVocabularySize_AfterTheFirstVocabulary()
    {
        var layer = new StringLookup(outputMode: "multi_hot");
        layer.Adapt(new[] { "a", "b" });
        layer.Adapt(new[] { "c", "d" });                // same size: allowed
        var error = Assert.Throws<InvalidOperationException>(() => layer.Adapt(new[] { "a", "b", "c" }));
        Assert.Contains("vocabulary size cannot be changed", error.Message);
        var ints = new StringLookup();
        ints.Adapt(new[] { "a" });
        ints.Adapt(new[] { "a", "b", "c" });            // int mode: any size
        Assert.Equal(4, ints.VocabularySize());
    }

    [Fact]
    public void SetVocabulary_WithLeadingSpecialTokens_StripsThem()
    {
        var layer = new IntegerLookup(maskToken: 0, numOovIndices: 2);
        layer.SetVocabulary([0, -1, -1, 5, 6]);
        Assert.Equal([0L, -1L, -1L, 5L, 6L], layer.GetVocabulary());
        Assert.Equal([5L, 6L], layer.GetVocabulary(includeSpecialTokens: false));
    }

    [Fact]
    public void ComputeOutputShape_EqualsProducedShape_ForRandomModes()
    {
        string[] modes = ["int", "one_hot", "multi_hot", "count", "tf_idf"];
        ShapeProperty.Check(random =>
        {
            string mode = modes[random.Next(modes.Length)];
            int rank = mode is "int" or "one_hot" ? random.Next(1, 4) : random.Next(1, 3);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            long[] vocabulary = Enumerable.Range(1, random.Next(1, 4)).Select(v => (long)v).ToArray();
            bool pad = mode != "int" && random.Next(2) == 0;
            var layer = new IntegerLookup(maxTokens: pad ? 8 : null, padToMaxTokens: pad, vocabulary: vocabulary,
                idfWeights: mode == "tf_idf" ? vocabulary.Select(v => 0.5 * v) : null, outputMode: mode,
                numOovIndices: random.Next(0, 3) is var n && n == 0 ? 1 : n);
            return (layer, shape);
        }, dtype: "int64");
    }
}

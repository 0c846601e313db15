using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of MultiHeadAttention, Attention, AdditiveAttention, Embedding and the categorical
/// preprocessing layers, and the layers whose export is rejected (hashing, inverted lookups).</summary>
public class AttentionEmbeddingOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<AttentionEmbeddingOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("mha_self", () => SelfAttention(new MultiHeadAttention(2, 3)));
        yield return new("mha_cross_key_value_dims", CrossAttention);
        yield return new("mha_no_bias_output_shape",
            () => SelfAttention(new MultiHeadAttention(3, 2, valueDim: 4, useBias: false, outputShape: [5])));
        yield return new("attention_dot", () => SelfAttention(new Attention()));
        yield return new("attention_dot_scaled", () => SelfAttention(new Attention(useScale: true)));
        yield return new("attention_concat_scaled",
            () => SelfAttention(new Attention(useScale: true, scoreMode: "concat")));
        yield return new("additive_attention", () => SelfAttention(new AdditiveAttention()));
        yield return new("additive_attention_unscaled", () => SelfAttention(new AdditiveAttention(useScale: false)));
        yield return new("embedding_int_input",
            () => new Sequential(new Input([4], dtype: "int64"), new Embedding(10, 3)));
        yield return new("embedding_lstm",
            () => new Sequential(new Input([6], dtype: "int64"), new Embedding(10, 4), new LSTM(3)));
        yield return new("category_encoding_one_hot",
            () => new Sequential(new Input([1], dtype: "int64"), new CategoryEncoding(10, outputMode: "one_hot")));
        yield return new("category_encoding_multi_hot",
            () => new Sequential(new Input([3], dtype: "int64"), new CategoryEncoding(10, outputMode: "multi_hot")));
        yield return new("category_encoding_count",
            () => new Sequential(new Input([4], dtype: "int64"), new CategoryEncoding(10, outputMode: "count")));
        yield return new("integer_lookup_int",
            () => new Sequential(new Input([3], dtype: "int64"), new IntegerLookup(vocabulary: [2, 4, 6, 8])));
        yield return new("integer_lookup_mask_two_oov", () => new Sequential(new Input([4], dtype: "int64"),
            new IntegerLookup(numOovIndices: 2, maskToken: 0, vocabulary: [3, 5, 7])));
        yield return new("integer_lookup_multi_hot", () => new Sequential(new Input([3], dtype: "int64"),
            new IntegerLookup(vocabulary: [1, 2, 3], outputMode: "multi_hot")));
        yield return new("integer_lookup_count_mask", () => new Sequential(new Input([5], dtype: "int64"),
            new IntegerLookup(maskToken: 0, vocabulary: [1, 4, 9], outputMode: "count")));
        yield return new("discretization_int",
            () => new Sequential(new Input([4]), new Discretization(binBoundaries: [-1.0, 0.0, 0.5, 1.5])),
            RandomizeWeights: false);
        yield return new("discretization_one_hot",
            () => new Sequential(new Input([1]), new Discretization(binBoundaries: [-0.5, 0.5], outputMode: "one_hot")),
            RandomizeWeights: false);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<AttentionEmbeddingOnnxTests>(name));

    [Fact]
    public void InvertedIntegerLookup_IsRejectedByName()
    {
        using var model = new Sequential(new Input([2], dtype: "int64"),
            new IntegerLookup(vocabulary: [5, 6], invert: true, name: "ids_to_values"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"ids_to_values\"", error.Message);
        Assert.Contains("invert", error.Message);
    }

    [Fact]
    public void Hashing_IsRejectedByName()
    {
        using var model = new Sequential(new Input([2], dtype: "int64"), new Hashing(8, name: "hash"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"hash\"", error.Message);
        Assert.Contains("FarmHash", error.Message);
    }

    private static Functional SelfAttention(Layer layer)
    {
        var x = new Input([4, 6]);
        return new Functional(x, layer.Call([x, x]));
    }

    private static Functional CrossAttention()
    {
        var query = new Input([3, 6], name: "query");
        var value = new Input([5, 4], name: "value");
        var key = new Input([5, 2], name: "key");
        var y = new MultiHeadAttention(2, 3, valueDim: 2).Call([query, value, key]);
        return new Functional([query, value, key], y);
    }
}

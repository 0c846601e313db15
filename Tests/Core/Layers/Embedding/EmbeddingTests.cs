using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Embedding;

using Keras.Initializers;
using Keras.Layers;

public sealed class EmbeddingTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new Embedding(10, 4);
        Assert.Equal(10, layer.InputDim);
        Assert.Equal(4, layer.OutputDim);
        var init = Assert.IsType<RandomUniform>(layer.EmbeddingsInitializer);
        Assert.Equal(-0.05, (double)init.GetConfig()["minval"]!);
        Assert.Equal(0.05, (double)init.GetConfig()["maxval"]!);
        Assert.Null(layer.EmbeddingsRegularizer);
        Assert.Null(layer.EmbeddingsConstraint);
        Assert.Null(layer.ActivityRegularizer);
        Assert.False(layer.MaskZero);
        Assert.False(layer.SupportsMasking);
        Assert.True(layer.Trainable);
        Assert.Null(layer.Embeddings);
    }

    [Theory]
    [InlineData(0, 3, "input_dim=0")]
    [InlineData(5, -1, "output_dim=-1")]
    public void Ctor_RejectsNonPositiveSizes(int inputDim, int outputDim, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new Embedding(inputDim, outputDim));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Build_CreatesEmbeddingsWeightInKerasLayout()
    {
        var layer = new Embedding(7, 3, name: "tokens");
        layer.Build([null, 5]);
        var weight = Assert.Single(layer.Weights);
        Assert.Equal("embeddings", weight.Name);
        Assert.Equal("tokens/embeddings", weight.Path);
        Assert.Equal(new Shape(7, 3), weight.Shape);
        Assert.All(weight.ToArray(), v => Assert.InRange(v, -0.05f, 0.05f));
    }

    [Fact]
    public void Call_LooksUpRows_ForInt32Int64AndTruncatedFloatIndices()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new Embedding(4, 2);
        layer.Build([null, 3]);
        layer.Embeddings!.Assign([0f, 0f, 1f, 10f, 2f, 20f, 3f, 30f]);
        var expected = new float[] { 2, 20, 0, 0, 3, 30 };
        Assert.Equal(expected, layer.Call(torch.tensor(new long[] { 2, 0, 3 }).reshape(1, 3)).data<float>().ToArray());
        Assert.Equal(expected, layer.Call(torch.tensor(new[] { 2, 0, 3 }).reshape(1, 3)).data<float>().ToArray());
        // Keras casts float indices to int32, which truncates toward zero.
        var fromFloat = layer.Call(torch.tensor(new[] { 2.9f, 0.2f, 3f }).reshape(1, 3));
        Assert.Equal(torch.ScalarType.Float32, fromFloat.dtype);
        Assert.Equal(expected, fromFloat.data<float>().ToArray());
    }

    [Theory]
    [InlineData(10L)]
    [InlineData(-1L)]
    public void Call_IndexOutOfRange_NamesLayerAndInputDim(long bad)
    {
        var layer = new Embedding(10, 2, name: "word_vectors");
        using var x = torch.tensor(new long[] { 1, bad, 3 }).reshape(1, 3);
        var error = Assert.Throws<ArgumentException>(() => layer.Call(x));
        Assert.Contains("\"word_vectors\"", error.Message);
        Assert.Contains("input_dim=10", error.Message);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void MaskZero_AttachesInputNotEqualZeroMask()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new long[] { 3, 1, 0, 0, 2, 0 }).reshape(2, 3);
        var masked = new Embedding(5, 2, maskZero: true);
        Assert.True(masked.SupportsMasking);
        var mask = KerasMask.Get(masked.Call(x));
        Assert.NotNull(mask);
        Assert.Equal(new[] { true, true, false, false, true, false }, mask!.data<bool>().ToArray());
        Assert.Null(KerasMask.Get(new Embedding(5, 2).Call(x)));
    }

    [Fact]
    public void SymbolicIntInput_GivesFloat32Output()
    {
        var tokens = new Input([6], dtype: "int32");
        var embedded = new Embedding(20, 4).Call(tokens);
        Assert.Equal("float32", embedded.DType);
        Assert.Equal(new Shape(null, 6, 4), embedded.Shape);
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall_ForRandomRanks() =>
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(1, 5);
            long[] shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            return (new Embedding(random.Next(4, 9), random.Next(1, 6), maskZero: random.Next(2) == 0), shape);
        }, dtype: "int64");

    [Fact]
    public void Gradient_AccumulatesIntoLookedUpRows()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new Embedding(4, 2);
        layer.Build([null, 3]);
        var y = layer.Call(torch.tensor(new long[] { 1, 1, 3 }).reshape(1, 3));
        var grad = torch.autograd.grad([y.sum()], [layer.Embeddings!.Value])[0];
        Assert.Equal(new float[] { 0, 0, 2, 2, 0, 0, 1, 1 }, grad.data<float>().ToArray());
    }

    [Fact]
    public void Regularizers_AddLosses()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new Embedding(3, 2, embeddingsRegularizer: new SumRegularizer(),
            activityRegularizer: new SumRegularizer());
        layer.Build([null, 2]);
        layer.Embeddings!.Assign([1f, 2f, 3f, 4f, 5f, 6f]);
        layer.Call(torch.tensor(new long[] { 0, 2 }).reshape(1, 2));
        var losses = layer.Losses.Select(l => l.item<float>()).Order().ToArray();
        Assert.Equal(new float[] { 14f, 21f }, losses);   // activity: 1+2+5+6; table: 1+...+6
    }

    [Fact]
    public void Config_RoundTrips_AndHasKeras3Keys()
    {
        var layer = new Embedding(100, 8, new RandomNormal(0.0, 0.1), maskZero: true, name: "emb", trainable: false);
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Equal(
            ["name", "trainable", "dtype", "input_dim", "output_dim", "embeddings_initializer",
             "embeddings_regularizer", "activity_regularizer", "embeddings_constraint", "mask_zero"],
            json["config"]!.AsObject().Select(p => p.Key).ToArray());
        var restored = Assert.IsType<Embedding>(KerasSerialization.DeserializeLayer(json));
        Assert.False(restored.Trainable);
        Assert.True(restored.MaskZero);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(restored).ToJsonString());
    }

    [Fact]
    public void FromConfig_ReadsKeras3AndKeras2Configs()
    {
        const string keras3 = """
            {"module": "keras.layers", "class_name": "Embedding",
             "config": {"name": "embedding", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "input_dim": 1000, "output_dim": 64,
                        "embeddings_initializer": {"module": "keras.initializers", "class_name": "RandomUniform",
                                                   "config": {"seed": null, "minval": -0.05, "maxval": 0.05},
                                                   "registered_name": null},
                        "embeddings_regularizer": null, "activity_regularizer": null,
                        "embeddings_constraint": null, "mask_zero": true},
             "registered_name": null, "build_config": {"input_shape": [null, 10]}}
            """;
        var layer = Assert.IsType<Embedding>(KerasSerialization.DeserializeLayer(JsonNode.Parse(keras3)!));
        Assert.Equal((1000, 64, true), (layer.InputDim, layer.OutputDim, layer.MaskZero));
        Assert.True(layer.Built);
        const string keras2 = """
            {"class_name": "Embedding",
             "config": {"name": "embedding_1", "trainable": true, "batch_input_shape": [null, 12], "dtype": "float32",
                        "input_dim": 50, "output_dim": 3,
                        "embeddings_initializer": {"class_name": "RandomUniform",
                                                   "config": {"minval": -0.05, "maxval": 0.05, "seed": null}},
                        "embeddings_regularizer": null, "activity_regularizer": null,
                        "embeddings_constraint": null, "mask_zero": false, "input_length": 12}}
            """;
        var legacy = Assert.IsType<Embedding>(KerasSerialization.DeserializeLayer(JsonNode.Parse(keras2)!));
        Assert.Equal((50, 3, false), (legacy.InputDim, legacy.OutputDim, legacy.MaskZero));
    }

    [Fact]
    public void FromConfig_RejectsLora()
    {
        var config = JsonNode.Parse(
            """{"class_name": "Embedding", "config": {"input_dim": 5, "output_dim": 2, "lora_rank": 4}}""")!;
        var error = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("lora_rank", error.Message);
    }

    /// <summary>A penalty equal to the sum of the values, to see which tensors are penalized.</summary>
    private sealed class SumRegularizer : Keras.Regularizers.Regularizer
    {
        public override Tensor Call(Tensor x) => x.sum();

        public override Dictionary<string, object?> GetConfig() => [];
    }
}

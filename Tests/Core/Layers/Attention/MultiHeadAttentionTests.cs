using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Attention;

public sealed class MultiHeadAttentionTests
{
    // A Keras 3 MultiHeadAttention as `layer.get_config()` and `serialize_keras_object` write it after the layer was
    // built on (None, 8, 16) query and value: value_dim saved as key_dim, attention_axes resolved to [1].
    private const string Keras3Config = """
        {"module": "keras.layers", "class_name": "MultiHeadAttention",
         "config": {"name": "multi_head_attention", "trainable": true,
                    "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                              "registered_name": null},
                    "num_heads": 2, "key_dim": 4, "value_dim": 4, "dropout": 0.0, "use_bias": true,
                    "output_shape": null, "attention_axes": [1],
                    "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                           "config": {"seed": null}, "registered_name": null},
                    "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                         "registered_name": null},
                    "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                    "kernel_constraint": null, "bias_constraint": null, "seed": null},
         "registered_name": null,
         "build_config": {"shapes_dict": {"query_shape": [null, 8, 16], "value_shape": [null, 8, 16]}}}
        """;

    [Fact]
    public void Ctor_Defaults()
    {
        var mha = new MultiHeadAttention(2, 8);
        Assert.Equal((2, 8, 8), (mha.NumHeads, mha.KeyDim, mha.ValueDim));
        Assert.Equal(0.0, mha.Dropout);
        Assert.True(mha.UseBias);
        Assert.Null(mha.OutputShape);
        Assert.Null(mha.AttentionAxes);
        Assert.IsType<GlorotUniform>(mha.KernelInitializer);
        Assert.IsType<Zeros>(mha.BiasInitializer);
        Assert.Null(mha.KernelRegularizer);
        Assert.Null(mha.BiasRegularizer);
        Assert.Null(mha.ActivityRegularizer);
        Assert.Null(mha.KernelConstraint);
        Assert.Null(mha.BiasConstraint);
        Assert.True(mha.SupportsMasking);
    }

    [Theory]
    [InlineData(0, 4, "num_heads=0")]
    [InlineData(2, 0, "key_dim=0")]
    public void Ctor_RejectsNonPositiveSizes(int heads, int keyDim, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiHeadAttention(heads, keyDim));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Weights_HaveKeras3NamesOrderAndLayout()
    {
        var mha = new MultiHeadAttention(3, 4, valueDim: 5, outputShape: [7], name: "mha");
        mha.BuildAll([[null, 6, 10], [null, 9, 11], [null, 9, 12]]);
        Assert.Equal(
            ["mha/query/kernel", "mha/query/bias", "mha/key/kernel", "mha/key/bias", "mha/value/kernel",
             "mha/value/bias", "mha/attention_output/kernel", "mha/attention_output/bias"],
            mha.Weights.Select(w => w.Path).ToArray());
        Assert.Equal(
            [new Shape(10, 3, 4), new Shape(3, 4), new Shape(12, 3, 4), new Shape(3, 4), new Shape(11, 3, 5),
             new Shape(3, 5), new Shape(3, 5, 7), new Shape(7)],
            mha.Weights.Select(w => w.Shape).ToArray());
        Assert.Equal(["query", "key", "value", "attention_output"], mha.Sublayers.Select(l => l.Name).ToArray());
        Assert.Equal([1], mha.AttentionAxes);
        var noBias = new MultiHeadAttention(2, 3, useBias: false);
        noBias.BuildAll([[null, 4, 6], [null, 4, 6]]);
        Assert.Equal(4, noBias.Weights.Count);
        Assert.All(noBias.Weights, w => Assert.Equal("kernel", w.Name));
    }

    [Fact]
    public void Symbolic_CallMany_InfersShapes()
    {
        var query = new Input([6, 10]);
        var value = new Input([9, 11]);
        var key = new Input([9, 12]);
        Assert.Equal(new Shape(null, 6, 10), new MultiHeadAttention(2, 4).CallMany([query, value])[0].Shape);
        Assert.Equal(new Shape(null, 6, 3, 2),
            new MultiHeadAttention(2, 4, outputShape: [3, 2]).CallMany([query, value, key])[0].Shape);
    }

    [Fact]
    public void ComputeOutputShapes_MatchCall()
    {
        Merging.MultiInputShapeProperty.Check(random =>
        {
            long batch = random.Next(1, 3), t = random.Next(1, 5), s = random.Next(1, 5);
            long dq = random.Next(1, 6), dv = random.Next(1, 6), dk = random.Next(1, 6);
            int[]? outputShape = random.Next(3) switch
            {
                0 => [random.Next(1, 4)],
                1 => [2, random.Next(1, 3)],
                _ => null,
            };
            int? valueDim = random.Next(2) == 0 ? null : random.Next(1, 5);
            var layer = new MultiHeadAttention(random.Next(1, 4), random.Next(1, 5), valueDim,
                useBias: random.Next(2) == 0, outputShape: outputShape);
            long[][] shapes = random.Next(2) == 0
                ? [[batch, t, dq], [batch, s, dv]]
                : [[batch, t, dq], [batch, s, dv], [batch, s, dk]];
            return (layer, shapes);
        });
    }

    [Fact]
    public void Masks_CombineLikeComputeAttentionMask()
    {
        using var scope = torch.NewDisposeScope();
        var mha = new MultiHeadAttention(2, 3);
        var query = torch.randn(2, 4, 5);
        var value = torch.randn(2, 6, 5);
        var queryMask = torch.tensor(new[] { true, true, true, false, true, true, false, false }).reshape(2, 4);
        var valueMask = torch.tensor(new[]
        {
            true, true, true, true, false, false,
            true, true, true, false, false, false,
        }).reshape(2, 6);
        KerasMask.Set(query, queryMask);
        KerasMask.Set(value, valueMask);
        var (auto, autoScores) = mha.CallWithAttentionScores(query, value, useCausalMask: true);
        Assert.True(KerasMask.Get(auto)!.eq(queryMask).all().item<bool>());
        var explicitMask = queryMask.unsqueeze(-1).logical_and(valueMask.unsqueeze(-2))
            .logical_and(torch.ones(4, 6, dtype: torch.ScalarType.Bool).tril());
        var (manual, manualScores) =
            mha.CallWithAttentionScores(query.detach(), value.detach(), attentionMask: explicitMask);
        Assert.True(auto.allclose(manual, rtol: 1e-6, atol: 1e-6));
        Assert.True(autoScores.allclose(manualScores));
        Assert.Null(KerasMask.Get(manual));
        // Masked positions get exactly zero weight; a fully masked query row attends to nothing.
        var hidden = explicitMask.unsqueeze(1).logical_not().expand(2, 2, 4, 6);
        Assert.Equal(0f, autoScores.masked_select(hidden).abs().sum().item<float>());
        Assert.Equal(0f, autoScores[0, .., 3].abs().sum().item<float>());
    }

    [Fact]
    public void KeyMask_IsReadFromTheKeyTensor()
    {
        using var scope = torch.NewDisposeScope();
        var mha = new MultiHeadAttention(1, 2);
        var query = torch.randn(1, 2, 3);
        var value = torch.randn(1, 3, 3);
        var key = torch.randn(1, 3, 3);
        KerasMask.Set(key, torch.tensor(new[] { true, false, true }).reshape(1, 3));
        var (_, scores) = mha.CallWithAttentionScores(query, value, key);
        Assert.Equal(0f, scores[.., .., .., 1].abs().sum().item<float>());
        var list = mha.Call([query, value, key]);
        Assert.True(list[0].allclose(mha.Call(query, value, key)));
    }

    [Fact]
    public void Dropout_OnlyWhileTraining()
    {
        using var scope = torch.NewDisposeScope();
        var mha = new MultiHeadAttention(2, 4, dropout: 0.5);
        var x = torch.randn(2, 5, 6);
        Assert.True(mha.Call(x, x).eq(mha.Call(x, x, training: false)).all().item<bool>());
        Assert.False(mha.Call(x, x, training: true).allclose(mha.Call(x, x)));
    }

    [Fact]
    public void Errors_NameTheProblem()
    {
        var keyShape = Assert.Throws<ArgumentException>(() =>
            new MultiHeadAttention(2, 4).Call([new Input([6, 8]), new Input([5, 8]), new Input([4, 8])]));
        Assert.Equal("All dimensions of `value` and `key`, except the last one, must be equal. " +
                     "Received: value_shape=(None, 5, 8) and key_shape=(None, 4, 8)", keyShape.Message);
        using var x = torch.ones(2, 3, 4);
        var single = Assert.Throws<ArgumentException>(() => new MultiHeadAttention(2, 4, name: "self_attn").Call(x));
        Assert.Contains("\"self_attn\"", single.Message);
        var axes = Assert.Throws<ArgumentException>(() =>
            new MultiHeadAttention(2, 4, attentionAxes: [2]).Call([new Input([6, 8]), new Input([6, 8])]));
        Assert.Contains("attention_axes", axes.Message);
    }

    [Fact]
    public void Config_ReadsKeras3Json_AndWritesItBack()
    {
        var layer = Assert.IsType<MultiHeadAttention>(
            KerasSerialization.DeserializeLayer(JsonNode.Parse(Keras3Config)!));
        Assert.Equal((2, 4, 4), (layer.NumHeads, layer.KeyDim, layer.ValueDim));
        Assert.Equal([1], layer.AttentionAxes);
        layer.BuildAll([[null, 8, 16], [null, 8, 16]]);
        JsonAssert.Equal(JsonNode.Parse(Keras3Config)!, KerasSerialization.SerializeLayer(layer));
    }

    [Fact]
    public void Config_RoundTrips_WithResolvedAxesAfterBuild()
    {
        var mha = new MultiHeadAttention(3, 2, valueDim: 5, dropout: 0.1, useBias: false, outputShape: [4],
            kernelInitializer: new HeNormal(), name: "probe");
        var unbuilt = KerasSerialization.SerializeLayer(mha);
        Assert.Null(unbuilt["config"]!["attention_axes"]);
        Assert.Equal("[4]", unbuilt["config"]!["output_shape"]!.ToJsonString());
        var restoredUnbuilt = KerasSerialization.DeserializeLayer(unbuilt);
        Assert.Equal(unbuilt.ToJsonString(), KerasSerialization.SerializeLayer(restoredUnbuilt).ToJsonString());
        mha.BuildAll([[null, 3, 6], [null, 4, 7], [null, 4, 8]]);
        var built = KerasSerialization.SerializeLayer(mha);
        Assert.Equal("[1]", built["config"]!["attention_axes"]!.ToJsonString());
        Assert.Equal("""{"shapes_dict":{"query_shape":[null,3,6],"value_shape":[null,4,7],"key_shape":[null,4,8]}}""",
            built["build_config"]!.ToJsonString());
        var restored = KerasSerialization.DeserializeLayer(built);
        Assert.Equal(built["config"]!.ToJsonString(),
            KerasSerialization.SerializeLayer(restored)["config"]!.ToJsonString());
    }

    [Fact]
    public void FromConfig_ReadsKeras2Variants_AndRejectsUnsupported()
    {
        var keras2 = JsonNode.Parse("""
            {"class_name": "MultiHeadAttention",
             "config": {"name": "mha", "trainable": true, "dtype": "float32", "num_heads": 4, "key_dim": 8,
                        "value_dim": 8, "dropout": 0.0, "use_bias": true, "output_shape": 12, "attention_axes": 1,
                        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}},
                        "bias_initializer": {"class_name": "Zeros", "config": {}},
                        "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                        "kernel_constraint": null, "bias_constraint": null,
                        "query_shape": [null, 5, 16], "key_shape": [null, 5, 16], "value_shape": [null, 5, 16],
                        "softmax_robust_masking": false}}
            """)!;
        var layer = Assert.IsType<MultiHeadAttention>(KerasSerialization.DeserializeLayer(keras2));
        Assert.Equal([12], layer.OutputShape);
        Assert.Equal([1], layer.AttentionAxes);
        var gated = JsonNode.Parse(
            """{"class_name": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 2, "use_gate": true}}""")!;
        var error = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(gated));
        Assert.Contains("use_gate", error.Message);
    }

    [Fact]
    public void Regularizers_PenalizeProjectionsAndOutputs()
    {
        using var scope = torch.NewDisposeScope();
        var mha = new MultiHeadAttention(2, 2, kernelRegularizer: new CountRegularizer(),
            activityRegularizer: new CountRegularizer());
        var x = torch.randn(1, 3, 4);
        mha.Call(x, x);
        // Four kernels, plus the outputs of the four projections and of the layer (Keras passes the activity
        // regularizer to the projections and keeps it on the layer).
        Assert.Equal(9, mha.Losses.Count);
    }

    /// <summary>A penalty of 1 per penalized tensor.</summary>
    private sealed class CountRegularizer : Keras.Regularizers.Regularizer
    {
        public override Tensor Call(Tensor x) => x.sum() * 0 + 1;

        public override Dictionary<string, object?> GetConfig() => [];
    }
}

using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Attention;

using Keras.Layers;

public sealed class AttentionTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var attention = new Attention();
        Assert.False(attention.UseScale);
        Assert.Equal("dot", attention.ScoreMode);
        Assert.Equal(0.0, attention.Dropout);
        Assert.True(attention.SupportsMasking);
        var additive = new AdditiveAttention();
        Assert.True(additive.UseScale);
        Assert.Equal(0.0, additive.Dropout);
    }

    [Fact]
    public void Ctor_InvalidScoreMode_FailsWithKerasMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new Attention(scoreMode: "additive"));
        Assert.StartsWith("Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. " +
                          "Received: score_mode=additive", error.Message);
        Assert.Throws<ArgumentException>(() => new AdditiveAttention(dropout: 1.0));
    }

    [Fact]
    public void Weights_FollowKeras3()
    {
        var attention = new Attention(useScale: true, scoreMode: "concat", name: "att");
        attention.BuildAll([[null, 3, 4], [null, 5, 4]]);
        Assert.Equal(["scale", "concat_score_weight"], attention.Weights.Select(w => w.Name).ToArray());
        Assert.All(attention.Weights, w => Assert.Equal(new Shape(), w.Shape));
        Assert.All(attention.Weights, w => Assert.Equal(1f, w.ToArray()[0]));
        Assert.Empty(BuiltOn(new Attention()).Weights);
        var additive = BuiltOn(new AdditiveAttention());
        Assert.Equal("scale", Assert.Single(additive.Weights).Name);
        Assert.Equal(new Shape(4), additive.Weights[0].Shape);
        Assert.Empty(BuiltOn(new AdditiveAttention(useScale: false)).Weights);
    }

    [Fact]
    public void Correctness_MatchesKerasTestValues()
    {
        // Keras 3's attention_test.py test_attention_correctness (atol 1e-3).
        using var scope = torch.NewDisposeScope();
        var query = torch.tensor(new float[] { 1, 0, 0, 1 }).reshape(1, 2, 2);
        var key = torch.tensor(new float[] { 0, 1, 1, 0 }).reshape(1, 2, 2);
        var value = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 2, 2);
        var (dot, dotScores) = new Attention().CallWithAttentionScores(query, value, key);
        AssertClose([2.462f, 3.462f, 1.538f, 2.538f], dot);
        AssertClose([0.269f, 0.731f, 0.731f, 0.269f], dotScores);
        var (concat, concatScores) = new Attention(scoreMode: "concat").CallWithAttentionScores(query, value, key);
        AssertClose([1.727f, 2.727f, 2.272f, 3.272f], concat);
        AssertClose([0.636f, 0.363f, 0.363f, 0.636f], concatScores);
    }

    [Fact]
    public void Masks_FromEmbeddingFlowIntoAttention()
    {
        using var scope = torch.NewDisposeScope();
        var tokens = torch.tensor(new long[] { 4, 2, 0, 0, 1, 3, 5, 0 }).reshape(2, 4);
        var embedded = new Embedding(6, 3, maskZero: true).Call(tokens);
        var attention = new Attention(useScale: true);
        var viaMasks = attention.Call(embedded, embedded);
        var mask = tokens.ne(0);
        var explicitMasks = attention.Call(embedded.detach(), embedded.detach(), queryMask: mask, valueMask: mask);
        Assert.True(viaMasks.allclose(explicitMasks));
        Assert.True(KerasMask.Get(viaMasks)!.eq(mask).all().item<bool>());
        // Masked query rows are zero; masked values get no weight.
        Assert.Equal(0f, viaMasks[0, 2].abs().sum().item<float>());
        var (_, scores) = attention.CallWithAttentionScores(embedded, embedded);
        Assert.Equal(0f, scores[0, .., 2..].abs().sum().item<float>());
        Assert.Null(KerasMask.Get(scores));
    }

    [Fact]
    public void CausalMask_HidesFuturePositions()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2, 4, 3);
        var (_, scores) = new AdditiveAttention().CallWithAttentionScores(x, x, useCausalMask: true);
        var upper = scores.triu(1);
        Assert.Equal(0f, upper.abs().sum().item<float>());
        Assert.True(scores.sum(-1).allclose(torch.ones(2, 4)));
    }

    [Fact]
    public void Dropout_OnlyWhileTraining()
    {
        using var scope = torch.NewDisposeScope();
        var q = torch.randn(2, 3, 4);
        var v = torch.randn(2, 5, 4);
        var layer = new Attention(dropout: 0.5);
        Assert.True(layer.Call(q, v).eq(layer.Call(q, v)).all().item<bool>());
        var (_, trainingScores) = layer.CallWithAttentionScores(q, v, training: true);
        Assert.True(trainingScores.eq(0).any().item<bool>());
        var (_, inferenceScores) = layer.CallWithAttentionScores(q, v, training: false);
        Assert.True(inferenceScores.sum(-1).allclose(torch.ones(2, 3)));
    }

    [Fact]
    public void Errors_NameTheProblem()
    {
        using var x = torch.ones(1, 2, 2);
        var single = Assert.Throws<ArgumentException>(() => new Attention().Call(x));
        Assert.Contains("must be called on a list of inputs", single.Message);
        var four = Assert.Throws<ArgumentException>(() => new Attention().Call([x, x, x, x]));
        Assert.Contains("length 2 or 3", four.Message);
        var dims = Assert.Throws<ArgumentException>(() =>
            new Attention().Call([new Input([3, 4]), new Input([5, 6])]));
        Assert.Contains("same last dimension", dims.Message);
    }

    [Fact]
    public void Symbolic_ComputesOutputShape()
    {
        var query = new Input([3, 4]);
        var value = new Input([5, 6]);
        var key = new Input([5, 4]);
        Assert.Equal(new Shape(null, 3, 6), new Attention().Call([query, value, key]).Shape);
        Assert.Equal(new Shape(null, 3, 4), new AdditiveAttention().Call([query, key]).Shape);
    }

    [Fact]
    public void ComputeOutputShapes_MatchCall()
    {
        Merging.MultiInputShapeProperty.Check(random =>
        {
            long batch = random.Next(1, 3), tq = random.Next(1, 5), tv = random.Next(1, 5), dim = random.Next(1, 5);
            long dv = random.Next(1, 5);
            Layer layer = random.Next(3) switch
            {
                0 => new Attention(useScale: random.Next(2) == 0),
                1 => new Attention(scoreMode: "concat"),
                _ => new AdditiveAttention(useScale: random.Next(2) == 0),
            };
            long[][] shapes = random.Next(2) == 0
                ? [[batch, tq, dim], [batch, tv, dim]]
                : [[batch, tq, dim], [batch, tv, dv], [batch, tv, dim]];
            return (layer, shapes);
        });
    }

    [Fact]
    public void Config_RoundTrips_AndHasKeras3Keys()
    {
        var attention = new Attention(useScale: true, scoreMode: "concat", dropout: 0.25, name: "luong");
        attention.BuildAll([[null, 3, 4], [null, 5, 4]]);
        var json = KerasSerialization.SerializeLayer(attention);
        Assert.Equal(["name", "trainable", "dtype", "use_scale", "score_mode", "dropout"],
            json["config"]!.AsObject().Select(p => p.Key).ToArray());
        var restored = KerasSerialization.DeserializeLayer(json);
        Assert.True(restored.Built);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(restored).ToJsonString());
        var additive = KerasSerialization.SerializeLayer(new AdditiveAttention(useScale: false, name: "bahdanau"));
        Assert.Equal(["name", "trainable", "dtype", "use_scale", "dropout"],
            additive["config"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(additive.ToJsonString(),
            KerasSerialization.SerializeLayer(KerasSerialization.DeserializeLayer(additive)).ToJsonString());
    }

    [Fact]
    public void FromConfig_ReadsKeras3()
    {
        var keras3 = JsonNode.Parse("""
            {"module": "keras.layers", "class_name": "AdditiveAttention",
             "config": {"name": "additive_attention", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "use_scale": true, "dropout": 0.1},
             "registered_name": null, "build_config": {"input_shape": [[null, 3, 4], [null, 5, 4]]}}
            """)!;
        var layer = Assert.IsType<AdditiveAttention>(KerasSerialization.DeserializeLayer(keras3));
        Assert.Equal(0.1, layer.Dropout);
        Assert.Equal(new Shape(4), layer.Scale!.Shape);
    }

    private static Layer BuiltOn(Layer layer)
    {
        layer.BuildAll([[null, 3, 4], [null, 5, 4]]);
        return layer;
    }

    private static void AssertClose(float[] expected, Tensor actual)
    {
        var values = actual.data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) < 1e-3, $"element {i}: {values[i]} vs {expected[i]}");
        }
    }
}

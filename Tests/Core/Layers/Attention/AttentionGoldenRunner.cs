using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Attention;

/// <summary>Runs the cases of Tests/Golden/AttentionEmbeddingMerging/torch.json: attention cases through the typed
/// calls, so the case's <c>call_args</c> (<c>use_causal_mask</c>, <c>return_attention_scores</c>) and
/// <c>attention_mask</c> reach the layer; other layers through <see cref="GoldenRunner"/>.</summary>
internal static class AttentionGoldenRunner
{
    public static void Run(JsonObject golden, string caseName)
    {
        string className = (string)golden["layer"]!["class_name"]!;
        if (className is not ("Attention" or "AdditiveAttention" or "MultiHeadAttention"))
        {
            GoldenRunner.Run(golden, caseName);
            return;
        }
        using var scope = torch.NewDisposeScope();
        var layer = KerasSerialization.DeserializeLayer(golden["layer"]!.DeepClone());
        var inputs = golden["inputs"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();
        var masks = golden["input_masks"] is JsonArray maskArray
            ? maskArray.Select(m => m is null ? null : GoldenRunner.ToTensor(m).to_type(torch.ScalarType.Bool)).ToList()
            : inputs.Select(_ => (Tensor?)null).ToList();
        layer.BuildAll(inputs.Select(t => new Shape(t.shape).With(0, null)).ToList());
        var weights = golden["weights"]?.AsArray() ?? [];
        Assert.Equal(weights.Count, layer.Weights.Count);
        for (int i = 0; i < weights.Count; i++)
        {
            var expected = weights[i]!.AsObject();
            Assert.Equal((string)expected["name"]!, layer.Weights[i].Name);
            Assert.Equal(GoldenRunner.ShapeOf(expected), layer.Weights[i].Shape);
            layer.Weights[i].Assign(GoldenRunner.ToTensor(expected));
        }
        foreach (var t in inputs)
        {
            t.requires_grad_(true);
        }
        var args = golden["call_args"]?.AsObject();
        bool causal = args?["use_causal_mask"]?.GetValue<bool>() ?? false;
        bool scores = args?["return_attention_scores"]?.GetValue<bool>() ?? false;
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : null;
        IReadOnlyList<Tensor> outputs;
        if (layer is MultiHeadAttention mha)
        {
            // Keras reads the query/value/key masks from the tensors (their `_keras_mask`).
            for (int i = 0; i < inputs.Count; i++)
            {
                KerasMask.Set(inputs[i], masks[i]);
            }
            var attentionMask = golden["attention_mask"] is JsonNode am
                ? GoldenRunner.ToTensor(am).to_type(torch.ScalarType.Bool)
                : null;
            outputs = scores
                ? Pair(mha.CallWithAttentionScores(query, value, key, attentionMask, causal))
                : [mha.Call(query, value, key, attentionMask, causal)];
        }
        else
        {
            var attention = (Keras.Layers.Attention)layer;
            outputs = scores
                ? Pair(attention.CallWithAttentionScores(query, value, key, masks[0], masks[1], causal))
                : [attention.Call(query, value, key, masks[0], masks[1], causal)];
        }
        Compare(golden, caseName, layer, inputs, outputs);
    }

    private static Tensor[] Pair((Tensor Output, Tensor Scores) result) => [result.Output, result.Scores];

    private static void Compare(JsonObject golden, string caseName, Layer layer, List<Tensor> inputs,
        IReadOnlyList<Tensor> outputs)
    {
        double rtol = golden["rtol"]?.GetValue<double>() ?? 1e-5;
        var expectedOutputs = golden["outputs"]!.AsArray();
        Assert.Equal(expectedOutputs.Count, outputs.Count);
        for (int i = 0; i < outputs.Count; i++)
        {
            GoldenRunner.AssertClose(expectedOutputs[i]!.AsObject(), outputs[i], rtol, $"{caseName}: output {i}");
        }
        if (golden["output_masks"] is JsonArray expectedMasks)
        {
            for (int i = 0; i < expectedMasks.Count; i++)
            {
                var actual = KerasMask.Get(outputs[i]);
                if (expectedMasks[i] is not JsonObject expectedMask)
                {
                    Assert.True(actual is null, $"{caseName}: output {i} should carry no mask.");
                    continue;
                }
                Assert.True(actual is not null, $"{caseName}: output {i} should carry a mask.");
                GoldenRunner.AssertClose(expectedMask, actual!.to_type(torch.ScalarType.Float32), 0,
                    $"{caseName}: output mask {i}");
            }
        }
        var upstream = golden["upstream"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();
        Tensor loss = (outputs[0] * upstream[0]).sum();
        for (int i = 1; i < outputs.Count; i++)
        {
            loss = loss + (outputs[i] * upstream[i]).sum();
        }
        var targets = inputs.Concat(layer.Weights.Select(w => w.Value)).ToList();
        var grads = torch.autograd.grad([loss], targets, allow_unused: true);
        var expectedGrads = golden["input_gradients"]!.AsArray().Concat(golden["weight_gradients"]!.AsArray()).ToList();
        Assert.Equal(expectedGrads.Count, grads.Count);
        for (int i = 0; i < grads.Count; i++)
        {
            string what = i < inputs.Count ? $"input {i}" : $"\"{layer.Weights[i - inputs.Count].Path}\"";
            GoldenRunner.AssertClose(expectedGrads[i]!.AsObject(), grads[i] ?? torch.zeros_like(targets[i]), rtol,
                $"{caseName}: gradient of {what}");
        }
    }
}

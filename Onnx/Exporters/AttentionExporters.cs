using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of MultiHeadAttention (rank-3 inputs, default attention axes), Attention (dot and concat
/// scores) and AdditiveAttention, as MatMul/Softmax graphs in the order Keras computes them.</summary>
/// <remarks>A model graph gives these layers only their query, value and key tensors: attention masks, causal masks
/// and returned scores are options of a direct tensor call and never reach an exported graph. Keras masks from
/// Embedding/Masking that reach these layers are rejected by name (<see cref="OnnxMasks"/>).</remarks>
internal static class AttentionExporters
{
    internal static void Register()
    {
        OnnxExporters.Register<MultiHeadAttention>(MultiHead);
        OnnxExporters.Register<Attention>(Attention);
    }

    private static IReadOnlyList<string> MultiHead(MultiHeadAttention layer, OnnxExportContext context,
        IReadOnlyList<string> inputs)
    {
        var queryShape = context.ShapeOf(inputs[0]);
        if (queryShape.Rank != 3 || context.ShapeOf(inputs[1]).Rank != 3)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (MultiHeadAttention) exports on inputs of shape (batch, time, features); " +
                $"received query shape {queryShape}.");
        }
        if (layer.OutputShape is { Count: > 1 })
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (MultiHeadAttention) exports with an output_shape of one dimension. " +
                $"Received: output_shape=[{string.Join(", ", layer.OutputShape)}].");
        }
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : value;
        using var scope = torch.NewDisposeScope();
        var q = Heads(context, Projection(layer, "query"), query, layer.NumHeads, layer.KeyDim);
        q = context.AddNode("Mul", [q, context.AddScalar("scale", (float)(1.0 / Math.Sqrt(layer.KeyDim)))]);
        var k = Heads(context, Projection(layer, "key"), key, layer.NumHeads, layer.KeyDim);
        var v = Heads(context, Projection(layer, "value"), value, layer.NumHeads, layer.ValueDim);
        // (batch, heads, Tq, Tk), normalized over the key positions.
        var scores = context.AddNode("MatMul", [q, context.AddNode("Transpose", [k], Perm(0, 1, 3, 2))]);
        var weights = context.AddNode("Softmax", [scores], OnnxAttribute.Int("axis", -1));
        var combined = context.AddNode("Transpose", [context.AddNode("MatMul", [weights, v])], Perm(0, 2, 1, 3));
        long flatDim = (long)layer.NumHeads * layer.ValueDim;
        var flat = context.AddNode("Reshape", [combined, context.AddInt64s("shape", [0, 0, flatDim])]);
        var (kernel, bias) = Projection(layer, "attention_output");
        var output = context.AddNode("MatMul",
            [flat, context.AddInitializer("kernel", kernel.Value.detach().reshape(flatDim, -1))]);
        if (bias is not null)
        {
            output = context.AddNode("Add", [output, context.AddInitializer(bias)]);
        }
        return [output];
    }

    // x (batch, T, features) projected to (batch, heads, T, dim) with the (features, heads, dim) kernel.
    private static string Heads(OnnxExportContext context, (Variable Kernel, Variable? Bias) projection, string x,
        int heads, int dim)
    {
        var kernel = projection.Kernel.Value.detach();
        var y = context.AddNode("MatMul", [x, context.AddInitializer("kernel", kernel.reshape(kernel.shape[0], -1))]);
        if (projection.Bias is { } bias)
        {
            y = context.AddNode("Add", [y, context.AddInitializer("bias", bias.Value.detach().reshape(-1))]);
        }
        var split = context.AddNode("Reshape", [y, context.AddInt64s("shape", [0, 0, heads, dim])]);
        return context.AddNode("Transpose", [split], Perm(0, 2, 1, 3));
    }

    private static (Variable Kernel, Variable? Bias) Projection(MultiHeadAttention layer, string name)
    {
        var projection = layer.Sublayers.Single(l => l.Name == name);
        return (projection.Weights.Single(w => w.Name == "kernel"),
            projection.Weights.SingleOrDefault(w => w.Name == "bias"));
    }

    private static IReadOnlyList<string> Attention(Attention layer, OnnxExportContext context,
        IReadOnlyList<string> inputs)
    {
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : value;
        string scores;
        if (layer is AdditiveAttention)
        {
            var tanh = context.AddNode("Tanh", [PairwiseSum(context, query, key)]);
            var scaled = layer.Scale is null
                ? tanh
                : context.AddNode("Mul", [context.AddInitializer(layer.Scale), tanh]);
            scores = context.AddReduce("ReduceSum", scaled, [-1], keepDims: false);
        }
        else if (layer.ScoreMode == "dot")
        {
            scores = context.AddNode("MatMul", [query, context.AddNode("Transpose", [key], Perm(0, 2, 1))]);
            if (layer.Scale is not null)
            {
                scores = context.AddNode("Mul", [scores, context.AddInitializer(layer.Scale)]);
            }
        }
        else
        {
            var sum = PairwiseSum(context, query, key);
            if (layer.Scale is not null)
            {
                sum = context.AddNode("Mul", [context.AddInitializer(layer.Scale), sum]);
            }
            var total = context.AddReduce("ReduceSum", context.AddNode("Tanh", [sum]), [-1], keepDims: false);
            scores = context.AddNode("Mul", [context.AddInitializer(layer.ConcatScoreWeight!), total]);
        }
        var weights = context.AddNode("Softmax", [scores], OnnxAttribute.Int("axis", -1));
        return [context.AddNode("MatMul", [weights, value])];
    }

    // query (batch, Tq, d) and key (batch, Tk, d) broadcast to (batch, Tq, Tk, d).
    private static string PairwiseSum(OnnxExportContext context, string query, string key) =>
        context.AddNode("Add", [
            context.AddNode("Unsqueeze", [query, context.AddInt64s("axes", [-2])]),
            context.AddNode("Unsqueeze", [key, context.AddInt64s("axes", [-3])]),
        ]);

    private static OnnxAttribute Perm(params long[] perm) => OnnxAttribute.Ints("perm", perm);
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of BatchNormalization (moving statistics, any axis), LayerNormalization (the opset-17 operator
/// over trailing axes, elementary operators otherwise and for rms_scaling), GroupNormalization and
/// UnitNormalization.</summary>
internal static class NormalizationExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<BatchNormalization>(BatchNormalization);
        OnnxExporters.RegisterUnary<LayerNormalization>(LayerNormalization);
        OnnxExporters.RegisterUnary<GroupNormalization>(GroupNormalization);
        OnnxExporters.RegisterUnary<UnitNormalization>((layer, context, x) =>
        {
            var axes = Resolve(layer.Axis, context.ShapeOf(x).Rank);
            var squares = context.AddReduce("ReduceSum", context.AddNode("Mul", [x, x]), axes, keepDims: true);
            var floor = context.AddNode("Max", [squares, context.AddScalar("epsilon", 1e-12f)]);
            return context.AddNode("Div", [x, context.AddNode("Sqrt", [floor])]);
        });
    }

    /// <summary>(x - moving_mean) * gamma / sqrt(moving_variance + epsilon) + beta, the statistics shaped to broadcast
    /// along the channel axis.</summary>
    private static string BatchNormalization(BatchNormalization layer, OnnxExportContext context, string x)
    {
        int rank = context.ShapeOf(x).Rank;
        int axis = layer.Axis < 0 ? layer.Axis + rank : layer.Axis;
        string Along(string name) => Broadcast(context, context.AddInitializer(Weight(layer, name)!), rank, [axis]);
        var inverse = context.AddNode("Reciprocal", [context.AddNode("Sqrt", [
            context.AddNode("Add", [Along("moving_variance"), context.AddScalar("epsilon", (float)layer.Epsilon)])])]);
        if (Weight(layer, "gamma") is not null)
        {
            inverse = context.AddNode("Mul", [inverse, Along("gamma")]);
        }
        var y = context.AddNode("Mul", [context.AddNode("Sub", [x, Along("moving_mean")]), inverse]);
        return Weight(layer, "beta") is not null ? context.AddNode("Add", [y, Along("beta")]) : y;
    }

    private static string LayerNormalization(LayerNormalization layer, OnnxExportContext context, string x)
    {
        int rank = context.ShapeOf(x).Rank;
        var axes = Resolve(layer.Axis, rank);
        var gamma = Weight(layer, "gamma");
        var beta = Weight(layer, "beta");
        bool trailing = axes.Select((a, i) => a == rank - axes.Length + i).All(b => b);
        if (trailing && !layer.RmsScaling)
        {
            // The operator's Scale input is required: without gamma it is ones over the normalized axes.
            var normalized = axes.Select(a => (long)context.ShapeOf(x)[(int)a]!.Value).ToArray();
            var scale = gamma is not null
                ? context.AddInitializer(gamma)
                : context.AddFloats("ones", Enumerable.Repeat(1f, (int)normalized.Aggregate(1L, (p, d) => p * d)).ToArray(),
                    normalized);
            return context.AddNode("LayerNormalization", [x, scale, beta is not null ? context.AddInitializer(beta) : ""],
                OnnxAttribute.Int("axis", axes[0]), OnnxAttribute.Float("epsilon", (float)layer.Epsilon));
        }
        var mean = context.AddReduce("ReduceMean", x, axes, keepDims: true);
        var centered = context.AddNode("Sub", [x, mean]);
        var variance = context.AddReduce("ReduceMean", context.AddNode("Mul", [centered, centered]), axes, keepDims: true);
        var inverse = context.AddNode("Reciprocal", [context.AddNode("Sqrt", [
            context.AddNode("Add", [variance, context.AddScalar("epsilon", (float)layer.Epsilon)])])]);
        var y = context.AddNode("Mul", [layer.RmsScaling ? x : centered, inverse]);
        if (gamma is not null)
        {
            y = context.AddNode("Mul", [y, Broadcast(context, context.AddInitializer(gamma), rank, axes)]);
        }
        return beta is not null && !layer.RmsScaling
            ? context.AddNode("Add", [y, Broadcast(context, context.AddInitializer(beta), rank, axes)])
            : y;
    }

    /// <summary>Channels to axis 1, (N, G, rest) statistics, back to the input layout, then gamma and beta per
    /// channel, as <c>group_norm</c>.</summary>
    private static string GroupNormalization(GroupNormalization layer, OnnxExportContext context, string x)
    {
        int rank = context.ShapeOf(x).Rank;
        int axis = layer.Axis < 0 ? layer.Axis + rank : layer.Axis;
        var order = Enumerable.Range(0, rank).Where(i => i != axis).ToList();
        order.Insert(1, axis);
        var first = axis == 1 ? x : context.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", order.Select(i => (long)i)));
        var grouped = context.AddNode("Reshape", [first, context.AddInt64s("shape", [0, layer.Groups, -1])]);
        var mean = context.AddReduce("ReduceMean", grouped, [2], keepDims: true);
        var centered = context.AddNode("Sub", [grouped, mean]);
        var variance = context.AddReduce("ReduceMean", context.AddNode("Mul", [centered, centered]), [2], keepDims: true);
        var normalized = context.AddNode("Div", [centered, context.AddNode("Sqrt", [
            context.AddNode("Add", [variance, context.AddScalar("epsilon", (float)layer.Epsilon)])])]);
        var y = context.AddNode("Reshape", [normalized, context.AddNode("Shape", [first])]);
        if (Weight(layer, "gamma") is { } gamma)
        {
            y = context.AddNode("Mul", [y, Broadcast(context, context.AddInitializer(gamma), rank, [1])]);
        }
        if (Weight(layer, "beta") is { } beta)
        {
            y = context.AddNode("Add", [y, Broadcast(context, context.AddInitializer(beta), rank, [1])]);
        }
        if (axis == 1)
        {
            return y;
        }
        var inverse = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            inverse[order[i]] = i;
        }
        return context.AddNode("Transpose", [y], OnnxAttribute.Ints("perm", inverse));
    }

    /// <summary>Reshapes a per-axis weight to the input's rank: its sizes on <paramref name="axes"/>, 1 elsewhere.</summary>
    private static string Broadcast(OnnxExportContext context, string weight, int rank, IReadOnlyList<long> axes)
    {
        var shape = context.ShapeOf(weight);
        var dims = Enumerable.Repeat(1L, rank).ToArray();
        for (int i = 0; i < axes.Count; i++)
        {
            dims[axes[i]] = shape[i]!.Value;
        }
        return context.AddNode("Reshape", [weight, context.AddInt64s("shape", dims)]);
    }

    private static Variable? Weight(Layer layer, string name) => layer.Weights.FirstOrDefault(v => v.Name == name);

    private static long[] Resolve(IReadOnlyList<int> axes, int rank) =>
        axes.Select(a => (long)(a < 0 ? a + rank : a)).Order().ToArray();
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the merging layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot.</summary>
internal static class MergingExporters
{
    internal static void Register()
    {
        OnnxExporters.Register<Add>((_, context, inputs) => [Chain(context, "Add", Align(context, inputs))]);
        OnnxExporters.Register<Subtract>((_, context, inputs) => [context.AddNode("Sub", Align(context, inputs))]);
        OnnxExporters.Register<Multiply>((_, context, inputs) => [Chain(context, "Mul", Align(context, inputs))]);
        OnnxExporters.Register<Maximum>((_, context, inputs) => [context.AddNode("Max", Align(context, inputs))]);
        OnnxExporters.Register<Minimum>((_, context, inputs) => [context.AddNode("Min", Align(context, inputs))]);
        OnnxExporters.Register<Average>((_, context, inputs) =>
        {
            var sum = Chain(context, "Add", Align(context, inputs));
            return [context.AddNode("Div", [sum, context.AddScalar("count", inputs.Count)])];
        });
        OnnxExporters.Register<Concatenate>((layer, context, inputs) =>
            [context.AddNode("Concat", inputs, OnnxAttribute.Int("axis", layer.Axis))]);
        OnnxExporters.Register<Dot>(Dot);
    }

    /// <summary>Pairwise, left to right, as Keras.Net sums (so float rounding matches).</summary>
    private static string Chain(OnnxExportContext context, string op, IReadOnlyList<string> inputs)
    {
        var result = inputs[0];
        for (int i = 1; i < inputs.Count; i++)
        {
            result = context.AddNode(op, [result, inputs[i]]);
        }
        return result;
    }

    /// <summary>Keras' merge rank alignment: lower-rank inputs gain size-1 axes right after the batch axis.</summary>
    private static IReadOnlyList<string> Align(OnnxExportContext context, IReadOnlyList<string> inputs)
    {
        int maxRank = inputs.Max(i => context.ShapeOf(i).Rank);
        return inputs.Select(input =>
        {
            int missing = maxRank - context.ShapeOf(input).Rank;
            if (missing == 0)
            {
                return input;
            }
            var axes = context.AddInt64s("axes", Enumerable.Range(1, missing).Select(a => (long)a).ToArray());
            return context.AddNode("Unsqueeze", [input, axes]);
        }).ToList();
    }

    /// <summary>Keras' <c>batch_dot</c>: per sample, contract axis a of x with axis b of y. Both move to the end/front
    /// of (batch, rows, depth) x (batch, depth, cols) matrices, as <c>Ops.BatchDot</c> does.</summary>
    private static IReadOnlyList<string> Dot(Dot layer, OnnxExportContext context, IReadOnlyList<string> inputs)
    {
        var (x, y) = (inputs[0], inputs[1]);
        var (shapeX, shapeY) = (context.ShapeOf(x), context.ShapeOf(y));
        int axisX = layer.Axes[0] < 0 ? layer.Axes[0] + shapeX.Rank : layer.Axes[0];
        int axisY = layer.Axes[1] < 0 ? layer.Axes[1] + shapeY.Rank : layer.Axes[1];
        if (layer.Normalize)
        {
            x = L2Normalize(context, x, axisX);
            y = L2Normalize(context, y, axisY);
        }
        var otherX = Enumerable.Range(1, shapeX.Rank - 1).Where(i => i != axisX).ToList();
        var otherY = Enumerable.Range(1, shapeY.Rank - 1).Where(i => i != axisY).ToList();
        long depth = shapeX[axisX] ?? throw Unknown(layer, shapeX);
        var x3 = context.AddNode("Reshape", [
            context.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", [0, .. otherX.Select(i => (long)i), axisX])),
            context.AddInt64s("shape", [0, -1, depth])]);
        var y3 = context.AddNode("Reshape", [
            context.AddNode("Transpose", [y], OnnxAttribute.Ints("perm", [0, axisY, .. otherY.Select(i => (long)i)])),
            context.AddInt64s("shape", [0, depth, -1])]);
        var product = context.AddNode("MatMul", [x3, y3]);
        var dims = otherX.Select(i => shapeX[i]).Concat(otherY.Select(i => shapeY[i])).ToList();
        long[] outputShape = dims.Count == 0 ? [0, 1] : [0, .. dims.Select(d => (long)(d ?? throw Unknown(layer, shapeX)))];
        return [context.AddNode("Reshape", [product, context.AddInt64s("shape", outputShape)])];
    }

    /// <summary><c>x * min(rsqrt(sum(x^2)), 1e7)</c>, as <c>Ops.L2Normalize</c>.</summary>
    private static string L2Normalize(OnnxExportContext context, string x, int axis)
    {
        var squares = context.AddReduce("ReduceSum", context.AddNode("Mul", [x, x]), [axis], keepDims: true);
        var inverse = context.AddNode("Reciprocal", [context.AddNode("Sqrt", [squares])]);
        var clipped = context.AddNode("Min", [inverse, context.AddScalar("max_inverse_norm", 1e7f)]);
        return context.AddNode("Mul", [x, clipped]);
    }

    private static NotSupportedException Unknown(Dot layer, Shape shape) => new(
        $"Layer \"{layer.Name}\" (Dot) exports to ONNX with known non-batch dimensions. Received input shape {shape}.");
}

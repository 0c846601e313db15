using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporter of TimeDistributed: the time axis folds into the batch (<c>(batch·time, ...)</c>), the wrapped
/// layer exports with its own exporter, and the result unfolds to <c>(batch, time, ...)</c>.</summary>
internal static class WrapperExporters
{
    internal static void Register() => OnnxExporters.RegisterUnary<TimeDistributed>(TimeDistributed);

    private static string TimeDistributed(TimeDistributed layer, OnnxExportContext context, string x)
    {
        var shape = context.ShapeOf(x);
        var inner = shape.Skip(2).ToArray();
        if (shape.Rank < 3 || inner.Any(d => d is null))
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (TimeDistributed) exports when every dimension after time is known. " +
                $"Received input shape {shape}.");
        }
        var childShape = new Shape([null, .. inner]);
        var outputInner = layer.Layer.ComputeOutputShape(childShape).Skip(1).ToArray();
        if (outputInner.Any(d => d is null))
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (TimeDistributed) exports when the wrapped layer's output dimensions are " +
                $"known. Received: {new Shape([null, .. outputInner])}.");
        }
        var foldedShape = context.AddInt64s("shape", [-1, .. inner.Select(d => (long)d!.Value)]);
        var folded = context.AddNode("Reshape", [x, foldedShape]);
        context.SetShape(folded, childShape);
        context.SetDType(folded, context.DTypeOf(x));
        var y = context.ExportLayer(layer.Layer, [folded]);
        if (y.Count != 1)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (TimeDistributed) wraps a layer with {y.Count} outputs; one exports.");
        }
        // (batch, time) from the input at run time, then the wrapped layer's output dimensions.
        var batchAndTime = context.AddNode("Shape", [x], OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 2));
        var target = context.AddNode("Concat",
            [batchAndTime, context.AddInt64s("dims", outputInner.Select(d => (long)d!.Value).ToArray())],
            OnnxAttribute.Int("axis", 0));
        return context.AddNode("Reshape", [y[0], target]);
    }
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exports Bidirectional as Keras computes it: the forward and backward layers (the backward one with
/// <c>go_backwards</c>), the backward sequence flipped back in time when <c>return_sequences</c>, then the merge
/// (<c>concat</c>, <c>sum</c>, <c>mul</c>, <c>ave</c>, or both outputs for <c>merge_mode=None</c>), then the forward
/// states and the backward states.</summary>
internal static class BidirectionalExporter
{
    internal static IReadOnlyList<string> Export(Bidirectional layer, OnnxExportContext context,
        IReadOnlyList<string> inputs)
    {
        var states = inputs.Skip(1).ToList();
        int half = states.Count / 2;
        var forward = context.ExportLayer(layer.ForwardLayer, [inputs[0], .. states.Take(half)]);
        var backward = context.ExportLayer(layer.BackwardLayer, [inputs[0], .. states.Skip(half)]);
        var (y, yRev) = (forward[0], backward[0]);
        if (layer.ReturnSequences)
        {
            yRev = RecurrentExporters.Reverse(context, yRev, axis: 1);
        }
        IReadOnlyList<string> merged = layer.MergeMode switch
        {
            "concat" => [context.AddNode("Concat", [y, yRev], OnnxAttribute.Int("axis", -1))],
            "sum" => [context.AddNode("Add", [y, yRev])],
            "mul" => [context.AddNode("Mul", [y, yRev])],
            "ave" => [context.AddNode("Mul", [context.AddNode("Add", [y, yRev]), context.AddScalar("half", 0.5f)])],
            null => [y, yRev],
            var mode => throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (Bidirectional) has merge_mode \"{mode}\", which has no ONNX export."),
        };
        return [.. merged, .. forward.Skip(1), .. backward.Skip(1)];
    }
}

using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the categorical preprocessing layers that standard operators express exactly:
/// CategoryEncoding, Discretization and IntegerLookup (<see cref="IntegerLookupExporter"/>). Hashing (FarmHash/SipHash)
/// and StringLookup (string tensors) are rejected by name.</summary>
/// <remarks>One-hot rows are built as <c>Equal(index, Range(depth))</c>, so an index outside <c>[0, depth)</c>
/// encodes to zeros, as Keras.Net's encoder does; Keras' own range check (CategoryEncoding raises on such an index)
/// has no ONNX form.</remarks>
internal static class CategoricalExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<CategoryEncoding>((layer, context, x) =>
            Encode(context, layer, ToInt64(context, x), context.ShapeOf(x), layer.OutputMode, layer.NumTokens,
                layer.DType));
        OnnxExporters.RegisterUnary<Discretization>(Discretization);
        OnnxExporters.RegisterUnary<Hashing>((layer, _, _) => throw new NotSupportedException(
            $"Layer \"{layer.Name}\" (Hashing) has no ONNX export: its FarmHash/SipHash functions are not ONNX " +
            "operators. Hash the inputs before the exported model."));
        OnnxExporters.RegisterUnary<StringLookup>((layer, _, _) => throw new NotSupportedException(
            $"Layer \"{layer.Name}\" (StringLookup) has no ONNX export here: string tensors are not exported. " +
            "Look the strings up before the exported model."));
        OnnxExporters.RegisterUnary<IntegerLookup>(IntegerLookupExporter.Export);
    }

    private static string Discretization(Discretization layer, OnnxExportContext context, string x)
    {
        var boundaries = layer.BinBoundaries ?? throw new NotSupportedException(
            $"Layer \"{layer.Name}\" (Discretization) has no bin boundaries yet; adapt it or pass bin_boundaries " +
            "before exporting it to ONNX.");
        // torch.bucketize(right: true): the number of boundaries <= x.
        var values = context.DTypeOf(x) == "float32" ? x : context.AddNode("Cast", [x], To(OnnxDataType.Float));
        var bins = context.AddFloats("bin_boundaries", boundaries.Select(b => (float)b).ToArray());
        var column = context.AddNode("Unsqueeze", [values, Axes(context, -1)]);
        var above = context.AddNode("GreaterOrEqual", [column, bins]);
        var indices = context.AddReduce("ReduceSum", context.AddNode("Cast", [above], To(OnnxDataType.Int64)), [-1],
            keepDims: false);
        var dtype = layer.OutputMode == "int" ? "int64" : "float32";
        return Encode(context, layer, indices, context.ShapeOf(x), layer.OutputMode, boundaries.Count + 1, dtype);
    }

    /// <summary>Keras' <c>encode_categorical_inputs</c> on int64 indices of a batched input of shape
    /// <paramref name="shape"/>.</summary>
    internal static string Encode(OnnxExportContext context, Layer layer, string indices, Shape shape, string mode,
        long depth, string dtype)
    {
        int rank = shape.Rank;
        string encoded;
        if (mode == "int")
        {
            encoded = indices;
        }
        else
        {
            if (mode != "one_hot" && rank != 2)
            {
                throw new NotSupportedException(
                    $"Layer \"{layer.Name}\" ({layer.GetType().Name}) exports output_mode \"{mode}\" on inputs " +
                    $"of shape (batch, n). Received: {shape}.");
            }
            var x = mode == "one_hot" && rank > 1 && shape[-1] == 1
                ? context.AddNode("Squeeze", [indices, Axes(context, -1)])
                : indices;
            var range = context.AddInt64s("tokens", Enumerable.Range(0, (int)depth).Select(i => (long)i).ToArray());
            var hot = context.AddNode("Cast",
                [context.AddNode("Equal", [context.AddNode("Unsqueeze", [x, Axes(context, -1)]), range])],
                To(OnnxDataType.Float));
            encoded = mode switch
            {
                "one_hot" => hot,
                "multi_hot" => context.AddReduce("ReduceMax", hot, [1], keepDims: false),
                "count" => context.AddReduce("ReduceSum", hot, [1], keepDims: false),
                _ => throw new NotSupportedException(
                    $"Layer \"{layer.Name}\" ({layer.GetType().Name}) has output_mode \"{mode}\", which has no ONNX " +
                    "export."),
            };
        }
        var target = OnnxDataTypes.FromKeras(dtype);
        var sourceType = mode == "int" ? OnnxDataType.Int64 : OnnxDataType.Float;
        var result = target == sourceType ? encoded : context.AddNode("Cast", [encoded], To(target));
        context.SetDType(result, dtype);
        return result;
    }

    internal static string ToInt64(OnnxExportContext context, string x) =>
        context.DTypeOf(x) == "int64" ? x : context.AddNode("Cast", [x], To(OnnxDataType.Int64));

    internal static string Axes(OnnxExportContext context, long axis) => context.AddInt64s("axes", [axis]);

    internal static OnnxAttribute To(OnnxDataType type) => OnnxAttribute.Int("to", (long)type);
}

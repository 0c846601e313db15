using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporter of IntegerLookup (forward lookups): each value is compared with the vocabulary; a match gives
/// its position after the mask and OOV indices, a miss the OOV index (<c>value mod num_oov_indices</c> past the first
/// OOV index when there are several), the mask token the mask index; then Keras' categorical encoding.</summary>
/// <remarks>Rejected: <c>invert=True</c>, <c>output_mode="tf_idf"</c>, and <c>num_oov_indices=0</c> (Keras raises on
/// an out-of-vocabulary value, which an ONNX graph cannot).</remarks>
internal static class IntegerLookupExporter
{
    internal static string Export(IntegerLookup layer, OnnxExportContext context, string x)
    {
        Reject(layer, layer.Invert, "invert=True (index to value lookups)");
        Reject(layer, layer.OutputMode == "tf_idf", "output_mode=\"tf_idf\"");
        Reject(layer, layer.NumOovIndices == 0,
            "num_oov_indices=0 (Keras raises on out-of-vocabulary values; an ONNX graph cannot)");
        var vocabulary = layer.GetVocabulary(includeSpecialTokens: false).ToArray();
        Reject(layer, vocabulary.Length == 0, "no vocabulary yet (pass `vocabulary`, SetVocabulary or Adapt first)");

        bool intMode = layer.OutputMode == "int";
        long oovStart = layer.MaskToken is not null && intMode ? 1 : 0;
        long tokenStart = oovStart + layer.NumOovIndices;
        var values = CategoricalExporters.ToInt64(context, x);
        var matches = context.AddNode("Cast",
            [context.AddNode("Equal", [context.AddNode("Unsqueeze", [values, CategoricalExporters.Axes(context, -1)]),
                context.AddInt64s("vocabulary", vocabulary)])],
            CategoricalExporters.To(OnnxDataType.Float));
        var position = context.AddNode("ArgMax", [matches],
            OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("keepdims", 0));
        var found = context.AddNode("Greater",
            [context.AddReduce("ReduceMax", matches, [-1], keepDims: false), context.AddScalar("zero", 0f)]);
        var tokenIndex = context.AddNode("Add", [position, Int64(context, "token_start", tokenStart)]);
        var oovIndex = layer.NumOovIndices == 1
            ? Int64(context, "oov_index", oovStart)
            : context.AddNode("Add", [
                context.AddNode("Mod", [values, Int64(context, "num_oov_indices", layer.NumOovIndices)]),
                Int64(context, "oov_start", oovStart)]);
        var indices = context.AddNode("Where", [found, tokenIndex, oovIndex]);
        if (layer.MaskToken is long mask)
        {
            // The mask token maps to 0 in int mode and encodes to nothing (an out-of-range index) otherwise.
            var isMask = context.AddNode("Equal", [values, Int64(context, "mask_token", mask)]);
            indices = context.AddNode("Where", [isMask, Int64(context, "mask_index", intMode ? 0 : -1), indices]);
        }
        context.SetDType(indices, "int64");
        long depth = layer.PadToMaxTokens && layer.MaxTokens is int max ? max : layer.VocabularySize();
        return CategoricalExporters.Encode(context, layer, indices, context.ShapeOf(x), layer.OutputMode, depth,
            intMode ? "int64" : layer.DType);
    }

    private static string Int64(OnnxExportContext context, string hint, long value) =>
        context.AddInt64s(hint, [value], []);

    private static void Reject(IntegerLookup layer, bool condition, string what)
    {
        if (condition)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (IntegerLookup) has no ONNX export with {what}.");
        }
    }
}

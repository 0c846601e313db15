using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of Embedding (a <c>Gather</c> of rows by integer id) and of the layers that make Keras masks,
/// which are rejected: an ONNX graph carries no masks, so the layers downstream that read them (RNNs, attention,
/// pooling) would compute different numbers.</summary>
internal static class EmbeddingExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<Embedding>(Embedding);
        OnnxExporters.RegisterUnary<Masking>((layer, _, _) => throw MaskNotExported(layer, "Masking"));
    }

    private static string Embedding(Embedding layer, OnnxExportContext context, string ids)
    {
        if (layer.MaskZero)
        {
            throw MaskNotExported(layer, "Embedding with mask_zero=True");
        }
        // Keras casts ids to int; float inputs (an Input without dtype) are cast here the same way.
        var indices = context.DTypeOf(ids) == "int64"
            ? ids
            : context.AddNode("Cast", [ids], OnnxAttribute.Int("to", (long)OnnxDataType.Int64));
        return context.AddNode("Gather", [context.AddInitializer(layer.Embeddings!), indices],
            OnnxAttribute.Int("axis", 0));
    }

    private static NotSupportedException MaskNotExported(Layer layer, string what) => new(
        $"Layer \"{layer.Name}\" ({what}) makes a Keras mask, and ONNX graphs carry no masks: the layers that read " +
        "it (RNNs skip masked steps, attention and pooling ignore masked positions) would export different numbers. " +
        "Export a model without masking.");
}

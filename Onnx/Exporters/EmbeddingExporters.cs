using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of Embedding (a <c>Gather</c> of rows by integer id) and Masking, the layers that make Keras
/// masks: the mask is computed as a bool value and carried beside the output (<see cref="OnnxExportContext.MaskOf"/>)
/// for the layers downstream that read it (see <see cref="OnnxMasks"/>).</summary>
internal static class EmbeddingExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<Embedding>(Embedding);
        OnnxExporters.RegisterUnary<Masking>(Masking);
    }

    private static string Embedding(Embedding layer, OnnxExportContext context, string ids)
    {
        // Keras casts ids to int; float inputs (an Input without dtype) are cast here the same way.
        var indices = context.DTypeOf(ids) == "int64"
            ? ids
            : context.AddNode("Cast", [ids], OnnxAttribute.Int("to", (long)OnnxDataType.Int64));
        var output = context.AddNode("Gather", [context.AddInitializer(layer.Embeddings!), indices],
            OnnxAttribute.Int("axis", 0));
        if (layer.MaskZero)
        {
            // Keras: mask = ids != 0.
            var isZero = context.AddNode("Equal", [indices, context.AddInt64s("zero", [0], [])]);
            context.SetMask(output, Bool(context, context.AddNode("Not", [isZero])));
        }
        return output;
    }

    /// <summary>Masking: the mask is <c>any(x != mask_value, axis=-1)</c> and masked steps are multiplied by 0.</summary>
    private static string Masking(Masking layer, OnnxExportContext context, string x)
    {
        var differs = context.AddNode("Not", [context.AddNode("Equal", [x, context.AddScalar("mask_value",
            (float)layer.MaskValue)])]);
        var differsFloat = context.AddNode("Cast", [differs], OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        // any() over the last axis as a max of 0/1 values.
        var keep = context.AddReduce("ReduceMax", differsFloat, [-1], keepDims: true);
        var output = context.AddNode("Mul", [x, keep]);
        var mask = context.AddNode("Squeeze", [keep, context.AddInt64s("axes", [-1])]);
        context.SetMask(output, Bool(context, context.AddNode("Cast", [mask],
            OnnxAttribute.Int("to", (long)OnnxDataType.Bool))));
        return output;
    }

    private static string Bool(OnnxExportContext context, string mask)
    {
        context.SetDType(mask, "bool");
        return mask;
    }
}

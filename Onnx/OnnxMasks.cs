using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Carries Keras masks through an exported graph as Core does: the layers that make masks (Masking,
/// Embedding with mask_zero) record them in their exporters, the exporters of the layers that read them (RNNs,
/// Bidirectional, GlobalAveragePooling1D) apply them, Add/Subtract/Average OR them, and every other layer passes its
/// input's mask on when it supports masking and drops it otherwise (Keras' default <c>compute_mask</c>).</summary>
/// <remarks>Layers whose call reads a mask but whose exporter does not apply it are rejected by name before they
/// export, so an exported graph never silently computes different numbers than <c>Predict</c>.</remarks>
internal static class OnnxMasks
{
    /// <summary>Throws when a masked input reaches a layer whose mask-dependent call has no exact ONNX export.</summary>
    internal static void CheckConsumer(OnnxExportContext context, Layer layer, IReadOnlyList<string> inputs)
    {
        if (inputs.All(i => context.MaskOf(i) is null) || AppliesMask(layer) || !ReadsMask(layer))
        {
            return;
        }
        throw new NotSupportedException(
            $"Layer \"{layer.Name}\" ({layer.GetType().Name}) receives a Keras mask (from Masking or Embedding with " +
            "mask_zero=True) and its call depends on it, which has no exact ONNX export yet. Layers that export " +
            "with a mask: SimpleRNN, LSTM, GRU, Bidirectional of them, GlobalAveragePooling1D, Add, Subtract, " +
            "Average, and the layers that pass a mask through unchanged (Dense, Dropout, activations, " +
            "normalization, TimeDistributed of those).");
    }

    /// <summary>Records the output masks of a layer call that does not make masks itself, following Core's
    /// <c>ComputeMask</c>/<c>ComputeMasks</c>.</summary>
    internal static IReadOnlyList<string> Propagate(OnnxExportContext context, Layer layer,
        IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        if (layer is Masking or Embedding)
        {
            return outputs;
        }
        var first = inputs.Count > 0 ? context.MaskOf(inputs[0]) : null;
        var masks = new string?[outputs.Count];
        switch (layer)
        {
            case RNN rnn when outputs.Count > 0:
                masks[0] = rnn.ReturnSequences ? first : null;
                break;
            case Bidirectional bidirectional:
                for (int i = 0; i < (bidirectional.MergeMode is null ? 2 : 1) && i < outputs.Count; i++)
                {
                    masks[i] = bidirectional.ReturnSequences ? first : null;
                }
                break;
            case GlobalAveragePooling1D:
                break;
            case Add or Subtract or Average:
                masks[0] = MergedMask(context, inputs);
                break;
            default:
                if (inputs.Count == 1 && outputs.Count > 0 && layer.SupportsMasking)
                {
                    masks[0] = first;
                }
                break;
        }
        var result = outputs.ToList();
        for (int i = 0; i < result.Count; i++)
        {
            // A layer that returns its input value unchanged but drops (or changes) its mask gets a fresh value, so
            // the mask of the value other layers read stays as it was.
            if (inputs.Contains(result[i]) && context.MaskOf(result[i]) != masks[i])
            {
                var copy = context.AddNode("Identity", [result[i]]);
                if (context.HasShape(result[i]))
                {
                    context.SetShape(copy, context.ShapeOf(result[i]));
                }
                context.SetDType(copy, context.DTypeOf(result[i]));
                result[i] = copy;
            }
            context.SetMask(result[i], masks[i]);
        }
        return result;
    }

    // Core's Merge.ComputeMasks: the OR of the input masks when every input has one.
    private static string? MergedMask(OnnxExportContext context, IReadOnlyList<string> inputs)
    {
        var masks = inputs.Select(context.MaskOf).ToList();
        if (masks.Any(m => m is null))
        {
            return null;
        }
        var merged = masks[0]!;
        foreach (var mask in masks.Skip(1))
        {
            merged = context.AddNode("Or", [merged, mask!]);
            context.SetDType(merged, "bool");
        }
        return merged;
    }

    // The layers whose exporters apply an input mask exactly, or whose call ignores it (Add, Subtract, Average).
    private static bool AppliesMask(Layer layer) =>
        layer is RNN or Bidirectional or GlobalAveragePooling1D or Add or Subtract or Average;

    // The layers whose Core call reads the mask at inference (BatchNormalization reads it only when training).
    private static bool ReadsMask(Layer layer) => layer switch
    {
        RNN or Bidirectional or GlobalAveragePooling1D or Merge or Attention or MultiHeadAttention or Softmax => true,
        TimeDistributed wrapper => ReadsMask(wrapper.Layer),
        _ => false,
    };
}

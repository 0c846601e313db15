namespace Keras;

public abstract partial class Layer
{
    /// <summary>Whether the layer passes an input mask on to its output (Keras' <c>supports_masking</c>).</summary>
    /// <remarks>Element-wise layers (activations, dropout, normalization, Dense on the last axis) set it; a layer that
    /// does not support masking drops the mask, as in Keras.</remarks>
    public bool SupportsMasking { get; protected set; }

    /// <summary>True for models: the layers inside attach the masks to the tensors the model returns, so the model
    /// itself leaves them as they are.</summary>
    private protected virtual bool MasksComeFromSublayers => false;

    private bool? _makesMasks;

    /// <summary>Whether the layer overrides <see cref="ComputeMask"/> (so it may make a mask from an unmasked input, as
    /// Embedding and Masking do); decided once per layer by reflection.</summary>
    private bool MakesMasks => _makesMasks ??=
        GetType().GetMethod(nameof(ComputeMask), [typeof(Tensor), typeof(Tensor)])!.DeclaringType != typeof(Layer);

    /// <summary>The mask of the output for an input and its mask (Keras' <c>compute_mask</c>).</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="previousMask">The input's mask, or <c>null</c>.</param>
    /// <returns>The output's mask: by default the input's when <see cref="SupportsMasking"/>, else <c>null</c>.</returns>
    public virtual Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => SupportsMasking ? previousMask : null;

    /// <summary>The masks of every output for several inputs (merge layers, layers that return states).</summary>
    /// <param name="inputs">The input batches.</param>
    /// <param name="previousMasks">One mask (or <c>null</c>) per input.</param>
    /// <param name="outputCount">How many outputs the call produced.</param>
    /// <returns>One mask (or <c>null</c>) per output. By default the single-input rule for the first output and
    /// <c>null</c> for the others; multi-input layers return no masks unless they override this.</returns>
    public virtual IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> previousMasks,
        int outputCount)
    {
        var masks = new Tensor?[outputCount];
        if (inputs.Count == 1 && outputCount > 0)
        {
            masks[0] = ComputeMask(inputs[0], previousMasks[0]);
        }
        return masks;
    }
}

namespace Keras;

public static partial class Ops
{
    /// <summary>The value masked logits take before a softmax (Keras' <c>_large_negative_number</c> for
    /// float32).</summary>
    public const double LargeNegative = -1e9;

    /// <summary>Einstein summation (<c>keras.ops.einsum</c>).</summary>
    /// <param name="equation">The equation, e.g. <c>"abc,cde->abde"</c>.</param>
    /// <param name="operands">The operands.</param>
    /// <returns>The result.</returns>
    public static Tensor Einsum(string equation, params Tensor[] operands) => torch.einsum(equation, operands);

    /// <summary>Keras' <c>Softmax</c> layer with a mask: masked logits are replaced by <see cref="LargeNegative"/>,
    /// the softmax is taken over <paramref name="axes"/>, and masked probabilities are set to 0 (so a fully masked
    /// row gives zeros).</summary>
    /// <param name="logits">The logits.</param>
    /// <param name="mask">A boolean mask broadcastable to <paramref name="logits"/> (true = keep), or null.</param>
    /// <param name="axes">The axes normalized over (one or more, negative from the end).</param>
    /// <returns>The probabilities.</returns>
    public static Tensor MaskedSoftmax(Tensor logits, Tensor? mask, IReadOnlyList<int> axes)
    {
        if (mask is not null)
        {
            logits = torch.where(mask, logits, Scalar(LargeNegative, logits));
        }
        Tensor probabilities;
        if (axes.Count == 1)
        {
            probabilities = torch.nn.functional.softmax(logits, axes[0]);
        }
        else
        {
            var dims = axes.Select(a => (long)a).ToArray();
            var exp = torch.exp(logits - logits.amax(dims, keepdim: true).detach());
            probabilities = exp / exp.sum(dims, keepdim: true);
        }
        return mask is null ? probabilities : torch.where(mask, probabilities, Scalar(0.0, probabilities));
    }

    /// <summary>The lower-triangular causal mask of shape <c>(1, queryLength, valueLength)</c>: query position
    /// <c>i</c> may attend to key positions <c>j ≤ i</c>.</summary>
    /// <param name="queryLength">The query length <c>T</c>.</param>
    /// <param name="valueLength">The key/value length <c>S</c>.</param>
    /// <returns>A boolean tensor on the current device.</returns>
    public static Tensor CausalMask(long queryLength, long valueLength) =>
        torch.ones(queryLength, valueLength, torch.ScalarType.Bool, Device).tril().unsqueeze(0);

    /// <summary>Looks up rows of <paramref name="embeddings"/> (<c>keras.ops.take(embeddings, indices, axis=0)</c>),
    /// checking every index is in range.</summary>
    /// <param name="embeddings">The table, shape <c>(input_dim, output_dim)</c>.</param>
    /// <param name="indices">Integer indices of any shape (float indices are truncated, as Keras casts them to
    /// int32).</param>
    /// <param name="layerName">The layer name, for the error message.</param>
    /// <returns>Shape <c>(*indices.shape, output_dim)</c>.</returns>
    /// <exception cref="ArgumentException">An index is negative or not below <c>input_dim</c>.</exception>
    public static Tensor EmbeddingLookup(Tensor embeddings, Tensor indices, string layerName)
    {
        var index = indices.dtype == torch.ScalarType.Int64 ? indices : indices.to_type(torch.ScalarType.Int64);
        long inputDim = embeddings.shape[0];
        if (index.numel() > 0)
        {
            long min = index.min().item<long>();
            long max = index.max().item<long>();
            if (min < 0 || max >= inputDim)
            {
                long bad = min < 0 ? min : max;
                throw new ArgumentException(
                    $"Layer \"{layerName}\" (Embedding) received the index {bad}, which is out of range for " +
                    $"input_dim={inputDim}: indices must be in [0, {inputDim}). Increase `input_dim` to the " +
                    "vocabulary size (largest index + 1).", nameof(indices));
            }
        }
        long[] outputShape = [.. index.shape, embeddings.shape[1]];
        return embeddings.index_select(0, index.reshape(-1)).reshape(outputShape);
    }

    /// <summary>Keras' <c>MultiHeadAttention._compute_attention_mask</c>: the AND of the query mask as
    /// <c>(B, T, 1)</c>, the value and key masks as <c>(B, 1, S)</c>, the causal mask <c>(1, T, S)</c> and an explicit
    /// attention mask (cast to bool).</summary>
    /// <param name="queryLength">The query length <c>T</c> (for the causal mask).</param>
    /// <param name="valueLength">The value length <c>S</c> (for the causal mask).</param>
    /// <param name="queryMask">Boolean <c>(B, T)</c>, or null.</param>
    /// <param name="valueMask">Boolean <c>(B, S)</c>, or null.</param>
    /// <param name="keyMask">Boolean <c>(B, S)</c>, or null.</param>
    /// <param name="attentionMask">An explicit mask broadcastable to <c>(B, T, S)</c>, or null.</param>
    /// <param name="useCausalMask">Whether to include the causal mask.</param>
    /// <returns>The combined boolean mask, or null when there is none.</returns>
    public static Tensor? AttentionMask(long queryLength, long valueLength, Tensor? queryMask, Tensor? valueMask,
        Tensor? keyMask, Tensor? attentionMask, bool useCausalMask)
    {
        Tensor? auto = queryMask?.to_type(torch.ScalarType.Bool).unsqueeze(-1);
        foreach (var m in new[] { valueMask, keyMask })
        {
            if (m is not null)
            {
                var expanded = m.to_type(torch.ScalarType.Bool).unsqueeze(-2);
                auto = auto is null ? expanded : auto.logical_and(expanded);
            }
        }
        if (useCausalMask)
        {
            var causal = CausalMask(queryLength, valueLength);
            auto = auto is null ? causal : auto.logical_and(causal);
        }
        var explicitMask = attentionMask?.to_type(torch.ScalarType.Bool);
        return auto is null ? explicitMask : explicitMask is null ? auto : explicitMask.logical_and(auto);
    }
}

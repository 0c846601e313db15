namespace Keras.Layers;

public abstract partial class IndexLookup<T>
{
    /// <summary>The index of each token (Keras' <c>_lookup_dense</c>): the mask token gives 0 in <c>int</c> mode and is
    /// dropped (an out-of-range index) in the encoded modes; unknown tokens give their OOV index.</summary>
    /// <param name="tokens">The tokens, flattened.</param>
    /// <returns>One index per token.</returns>
    private protected long[] LookupIndices(IReadOnlyList<T> tokens)
    {
        var index = EnsureVocabulary();
        var indices = new long[tokens.Count];
        List<string>? unknown = null;
        for (int i = 0; i < indices.Length; i++)
        {
            var token = tokens[i];
            if (_hasMask && EqualityComparer<T>.Default.Equals(token, _maskToken))
            {
                indices[i] = OutputMode == "int" ? 0 : long.MaxValue;
            }
            else if (index.TryGetValue(token, out int position))
            {
                indices[i] = TokenStartIndex + position;
            }
            else if (NumOovIndices == 0)
            {
                (unknown ??= []).Add(Describe(token));
            }
            else
            {
                indices[i] = OovStartIndex + (NumOovIndices == 1 ? 0 : OovBucket(token));
            }
        }
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"Layer {Label}: when `num_oov_indices=0` all inputs should be in vocabulary, found OOV values " +
                $"[{string.Join(", ", unknown)}], consider setting `num_oov_indices=1`.");
        }
        return indices;
    }

    /// <summary>The token of each index (the inverse lookup): index 0 gives the mask token when there is one, indices
    /// outside the vocabulary give <see cref="OovToken"/>.</summary>
    /// <param name="indices">The indices, flattened.</param>
    /// <returns>One token per index.</returns>
    private protected T[] LookupTokens(ReadOnlySpan<long> indices)
    {
        EnsureVocabulary();
        var terms = _terms!;
        var tokens = new T[indices.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            long index = indices[i];
            long position = index - TokenStartIndex;
            tokens[i] = _hasMask && index == 0 ? _maskToken
                : position >= 0 && position < terms.Length ? terms[position]
                : OovToken;
        }
        return tokens;
    }

    /// <summary>Encodes looked-up indices of shape <paramref name="shape"/> in the output mode.</summary>
    /// <param name="indices">The indices, row-major.</param>
    /// <param name="shape">Their shape.</param>
    /// <returns>An int64 tensor of the same shape in <c>int</c> mode, else a float tensor of
    /// <see cref="ComputeOutputShape"/>'s shape.</returns>
    private protected Tensor Encode(long[] indices, long[] shape)
    {
        CategoricalOutput.CheckRank(shape.Length, OutputMode, Name, new Shape(shape).ToString());
        var ids = Ops.Int64Tensor(indices, shape);
        if (OutputMode == "int")
        {
            return ids;
        }
        using (ids)
        {
            long depth = PadToMaxTokens ? MaxTokens!.Value : FrozenVocabularySize!.Value;
            return OutputMode == "tf_idf"
                ? Ops.EncodeCategorical(ids, "count", depth, DType, weights: _idfWeights)
                : Ops.EncodeCategorical(ids, OutputMode, depth, DType);
        }
    }

    /// <summary>Looks up and encodes rows of different lengths (split text): in <c>int</c> mode the rows are padded
    /// with 0 (or cut) to <paramref name="sequenceLength"/>, or to the longest row; in the encoded modes each row is one
    /// sample.</summary>
    /// <param name="rows">The token rows.</param>
    /// <param name="sequenceLength">The output length in <c>int</c> mode; null pads to the longest row.</param>
    /// <returns>A tensor of shape <c>(rows, length)</c> or <c>(rows, depth)</c>.</returns>
    internal Tensor EncodeRows(IReadOnlyList<IReadOnlyList<T>> rows, int? sequenceLength)
    {
        int width = sequenceLength ?? (rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        long pad = OutputMode == "int" ? 0 : -1;
        var indices = new long[rows.Count * width];
        Array.Fill(indices, pad);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i].Count > width ? rows[i].Take(width).ToArray() : rows[i];
            LookupIndices(row).CopyTo(indices, i * width);
        }
        return Encode(indices, [rows.Count, width]);
    }

    private Dictionary<T, int> EnsureVocabulary()
    {
        if (_termIndex is { } index)
        {
            return index;
        }
        string hint = OutputMode != "int" && !PadToMaxTokens
            ? $"When using `output_mode={OutputMode}` and `pad_to_max_tokens=False`, you must set the layer's " +
              "vocabulary before calling it. "
            : "";
        throw new InvalidOperationException(
            $"Layer {Label} has no vocabulary yet. {hint}Either pass a `vocabulary` argument to the " +
            "layer, call `SetVocabulary`, or call `Adapt` with some sample data. (An adapted vocabulary is not part of " +
            "the layer's config: restore it with `SetVocabulary(GetVocabulary())`.)");
    }
}

namespace Keras.Layers;

public abstract partial class IndexLookup<T>
{
    private readonly Dictionary<T, long> _tokenCounts = [];
    private readonly Dictionary<T, long> _documentCounts = [];
    private long _documentCount;
    private T[]? _terms;
    private Dictionary<T, int>? _termIndex;
    private float[]? _idfWeights;

    /// <summary>The order that breaks frequency ties when adapting; the vocabulary lists tied terms from the greatest
    /// down, as Keras (<c>np.lexsort</c> reversed).</summary>
    private protected abstract IComparer<T> TokenOrder { get; }

    /// <summary>The OOV bucket in <c>[0, NumOovIndices)</c> of an unknown token when there are several.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The bucket.</returns>
    private protected abstract long OovBucket(T token);

    /// <summary>The vocabulary, index by index (Keras' <c>get_vocabulary</c>).</summary>
    /// <param name="includeSpecialTokens">Include the mask and OOV tokens, so that a term's position equals its index.
    /// Defaults to true.</param>
    /// <returns>The terms.</returns>
    public IReadOnlyList<T> GetVocabulary(bool includeSpecialTokens = true)
    {
        var vocabulary = new T[VocabularySize()];
        for (int i = 0; i < TokenStartIndex; i++)
        {
            vocabulary[i] = OovToken;
        }
        _terms?.CopyTo(vocabulary, TokenStartIndex);
        if (_hasMask && OutputMode == "int")
        {
            vocabulary[0] = _maskToken;
        }
        return includeSpecialTokens ? vocabulary : vocabulary[TokenStartIndex..];
    }

    /// <summary>The vocabulary size, mask and OOV indices included (Keras' <c>vocabulary_size</c>).</summary>
    /// <returns>The size.</returns>
    public int VocabularySize() => (_terms?.Length ?? 0) + TokenStartIndex;

    /// <summary>Sets the vocabulary (and the IDF weights in <c>tf_idf</c> mode), replacing any (Keras'
    /// <c>set_vocabulary</c>).</summary>
    /// <param name="vocabulary">The terms, without the special tokens, or starting with exactly them in index order
    /// (as <see cref="GetVocabulary"/> returns).</param>
    /// <param name="idfWeights">One weight per term of <paramref name="vocabulary"/>; required in <c>tf_idf</c> mode
    /// and rejected otherwise. Without leading special tokens, the OOV weights default to the average weight.</param>
    public void SetVocabulary(IEnumerable<T> vocabulary, IEnumerable<double>? idfWeights = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var idf = idfWeights?.ToArray();
        if (OutputMode == "tf_idf" && idf is null)
        {
            throw new ArgumentException("`idf_weights` must be set if output_mode is 'tf_idf'.", nameof(idfWeights));
        }
        if (OutputMode != "tf_idf" && idf is not null)
        {
            throw new ArgumentException(
                $"`idf_weights` should only be set if output_mode is `'tf_idf'`. Received: output_mode={OutputMode} " +
                $"and idf_weights=[{string.Join(", ", idf)}]", nameof(idfWeights));
        }
        var terms = vocabulary.ToArray();
        if (terms.Length == 0)
        {
            throw new ArgumentException("Cannot set an empty vocabulary. Received: vocabulary=[]", nameof(vocabulary));
        }
        var special = Enumerable.Repeat(_maskToken, OovStartIndex).Concat(Enumerable.Repeat(OovToken, NumOovIndices)).ToArray();
        bool foundSpecial = terms.Length >= special.Length && terms.Take(special.Length).SequenceEqual(special);
        var tokens = foundSpecial ? terms[TokenStartIndex..] : terms;
        ValidateTokens(terms, tokens, special);
        int size = TokenStartIndex + tokens.Length;
        if (MaxTokens is int max && size > max)
        {
            throw new ArgumentException(
                $"Attempted to set a vocabulary larger than the maximum vocab size. Received vocabulary size is {size}; " +
                $"`max_tokens` is {max}.", nameof(vocabulary));
        }
        float[]? weights = null;
        if (idf is not null)
        {
            if (idf.Length != terms.Length)
            {
                throw new ArgumentException(
                    $"`idf_weights` must be the same length as vocabulary. len(idf_weights) is {idf.Length}; " +
                    $"len(vocabulary) is {terms.Length}", nameof(idfWeights));
            }
            // Without leading special tokens, their weights are the average of the given ones (Keras).
            int front = foundSpecial ? 0 : TokenStartIndex;
            weights = PadIdf(idf, front, idf.Average());
        }
        RecordVocabularySize(size);
        SetTerms(tokens);
        _idfWeights = weights;
    }

    /// <summary>Learns the vocabulary from tokens, each one its own document (Keras' <c>adapt</c> on a flat list):
    /// terms are ordered by count, ties by the greatest token first, and cut to <see cref="MaxTokens"/>.</summary>
    /// <param name="data">The tokens.</param>
    public void Adapt(IEnumerable<T> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        AdaptDocuments(data.Select(token => (IReadOnlyList<T>)[token]));
    }

    /// <summary>Learns the vocabulary from documents (rows), as <see cref="Adapt(IEnumerable{T})"/>; in <c>tf_idf</c>
    /// mode each row is a document for the document frequencies.</summary>
    /// <param name="documents">The rows of tokens.</param>
    public void Adapt(IEnumerable<IReadOnlyList<T>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        AdaptDocuments(documents);
    }

    /// <summary>Learns the vocabulary from a 2-D batch, each row a document.</summary>
    /// <param name="data">The tokens, one row per document.</param>
    public void Adapt(T[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        AdaptDocuments(Rows(data));
    }

    /// <summary>The rows of a 2-D array.</summary>
    private protected static IEnumerable<IReadOnlyList<T>> Rows(T[,] data)
    {
        for (int i = 0; i < data.GetLength(0); i++)
        {
            var row = new T[data.GetLength(1)];
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = data[i, j];
            }
            yield return row;
        }
    }

    /// <summary>Keras' <c>reset_state</c>, <c>update_state</c> for each document and <c>finalize_state</c>.</summary>
    internal void AdaptDocuments(IEnumerable<IReadOnlyList<T>> documents)
    {
        if (_hasInputVocabulary)
        {
            throw new InvalidOperationException(
                $"Cannot adapt layer {Label} after setting a static vocabulary via `vocabulary` argument or " +
                "`set_vocabulary()` method.");
        }
        ResetCounts();
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                _tokenCounts[token] = _tokenCounts.GetValueOrDefault(token) + 1;
            }
            if (OutputMode == "tf_idf")
            {
                foreach (var token in document.Distinct())
                {
                    _documentCounts[token] = _documentCounts.GetValueOrDefault(token) + 1;
                }
                _documentCount++;
            }
        }
        FinalizeAdapt();
    }

    private void FinalizeAdapt()
    {
        if (_tokenCounts.Count == 0)
        {
            RecordVocabularySize(VocabularySize());
            return;
        }
        if (_hasMask)
        {
            _tokenCounts.Remove(_maskToken);
        }
        _tokenCounts.Remove(OovToken);
        var ordered = _tokenCounts
            .OrderByDescending(kv => kv.Value)
            .ThenByDescending(kv => kv.Key, TokenOrder)
            .Select(kv => kv.Key);
        var terms = (MaxTokens is int max ? ordered.Take(Math.Max(0, max - TokenStartIndex)) : ordered).ToArray();
        float[]? weights = null;
        if (OutputMode == "tf_idf")
        {
            var idf = terms
                .Select(t => (double)(float)Math.Log(1 + (double)_documentCount / (1 + _documentCounts[t])))
                .ToArray();
            weights = PadIdf(idf, TokenStartIndex, idf.Length == 0 ? double.NaN : (float)idf.Average());
        }
        RecordVocabularySize(TokenStartIndex + terms.Length);
        SetTerms(terms);
        _idfWeights = weights;
        ResetCounts();
    }

    /// <summary>The IDF weights as used in calls: <paramref name="front"/> copies of <paramref name="frontValue"/>
    /// (the OOV slots), the given weights, then zeros up to <see cref="MaxTokens"/> with
    /// <see cref="PadToMaxTokens"/>.</summary>
    private float[] PadIdf(double[] idf, int front, double frontValue)
    {
        int back = PadToMaxTokens && MaxTokens is int max ? max - front - idf.Length : 0;
        var weights = new float[front + idf.Length + Math.Max(0, back)];
        for (int i = 0; i < front; i++)
        {
            weights[i] = (float)frontValue;
        }
        for (int i = 0; i < idf.Length; i++)
        {
            weights[front + i] = (float)idf[i];
        }
        return weights;
    }

    private void ValidateTokens(T[] vocabulary, T[] tokens, T[] special)
    {
        var repeated = tokens.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => Describe(g.Key)).ToList();
        if (repeated.Count > 0)
        {
            throw new ArgumentException(
                "The passed vocabulary has at least one repeated term. Please uniquify your dataset. The repeated " +
                $"terms are: [{string.Join(", ", repeated)}]", nameof(vocabulary));
        }
        string order = $"[{string.Join(", ", special.Select(Describe))}]";
        if (_hasMask && tokens.Contains(_maskToken))
        {
            throw new ArgumentException(
                "Found reserved mask token at unexpected location in `vocabulary`. Note that passed `vocabulary` does " +
                "not need to include the OOV and mask tokens. Either remove all mask and OOV tokens, or include them " +
                $"only at the start of the vocabulary in precisely this order: {order}. Received: " +
                $"mask_token={Describe(_maskToken)} at vocabulary index {Array.LastIndexOf(vocabulary, _maskToken)}",
                nameof(vocabulary));
        }
        if (Invert && tokens.Contains(OovToken))
        {
            throw new ArgumentException(
                "Found reserved OOV token at unexpected location in `vocabulary`. Note that passed `vocabulary` does " +
                "not need to include the OOV and mask tokens. Either remove all mask and OOV tokens, or include them " +
                $"only at the start of the vocabulary in precisely this order: {order}. Received: " +
                $"oov_token={Describe(OovToken)} at vocabulary index {Array.LastIndexOf(vocabulary, OovToken)}",
                nameof(vocabulary));
        }
    }

    /// <summary>Keras' <c>_record_vocabulary_size</c>: in the encoded modes without padding the output width is fixed
    /// by the first vocabulary.</summary>
    private void RecordVocabularySize(int size)
    {
        if (OutputMode != "int" && !PadToMaxTokens && FrozenVocabularySize is int frozen && frozen != size)
        {
            throw new InvalidOperationException(
                $"When using `output_mode={OutputMode}` and `pad_to_max_tokens=False`, the vocabulary size cannot be " +
                $"changed after the layer is called. Old vocab size is {frozen}, new vocab size is {size}");
        }
        FrozenVocabularySize = size;
    }

    private void SetTerms(T[] terms)
    {
        _terms = terms;
        _termIndex = new Dictionary<T, int>(terms.Length);
        for (int i = 0; i < terms.Length; i++)
        {
            _termIndex[terms[i]] = i;
        }
    }

    private void ResetCounts()
    {
        _tokenCounts.Clear();
        _documentCounts.Clear();
        _documentCount = 0;
    }
}

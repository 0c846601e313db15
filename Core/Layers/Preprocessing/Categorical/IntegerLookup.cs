namespace Keras.Layers;

/// <summary>Maps integers to (possibly encoded) vocabulary indices (<c>keras.layers.IntegerLookup</c>).</summary>
/// <remarks>Integer tensors go through the ordinary <see cref="Layer.Call(Tensor, bool?, Tensor?)"/>, so the layer
/// works inside models. Defaults, index layout and adapt ordering are Keras': see <see cref="IndexLookup{T}"/>.
/// Unknown integers go to OOV index <c>token mod num_oov_indices</c> (Keras' default <c>floormod</c>).</remarks>
/// <example><code>
/// var layer = new IntegerLookup(vocabulary: [12, 36, 1138, 42]);
/// Tensor ids = layer.Call(data);   // data [[12, 1138, 42], [42, 1000, 36]] → [[1, 3, 4], [4, 0, 2]]
/// </code></example>
public sealed class IntegerLookup : IndexLookup<long>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="maxTokens">The maximum vocabulary size, mask and OOV indices included; null (the default) for no
    /// cap.</param>
    /// <param name="numOovIndices">How many OOV indices. Defaults to 1.</param>
    /// <param name="maskToken">The integer of masked inputs (index 0 in <c>int</c> mode, dropped otherwise). Defaults
    /// to null (none).</param>
    /// <param name="oovToken">The integer returned for OOV indices when inverting. Defaults to -1.</param>
    /// <param name="vocabulary">The vocabulary; when null (the default) call <see cref="IndexLookup{T}.Adapt(IEnumerable{T})"/>,
    /// <see cref="Adapt(Tensor)"/> or <see cref="IndexLookup{T}.SetVocabulary"/>.</param>
    /// <param name="idfWeights">IDF weights, one per vocabulary term (only for <c>tf_idf</c>). Defaults to null.</param>
    /// <param name="invert">Map indices to vocabulary integers instead (only in <c>int</c> mode). Defaults to
    /// false.</param>
    /// <param name="outputMode"><c>"int"</c> (the default), <c>"one_hot"</c>, <c>"multi_hot"</c>, <c>"count"</c> or
    /// <c>"tf_idf"</c>.</param>
    /// <param name="padToMaxTokens">Pad encoded outputs to <paramref name="maxTokens"/> columns. Defaults to
    /// false.</param>
    /// <param name="name">The layer name. Defaults to <c>integer_lookup</c>, ...</param>
    public IntegerLookup(int? maxTokens = null, int numOovIndices = 1, long? maskToken = null, long oovToken = -1,
        IEnumerable<long>? vocabulary = null, IEnumerable<double>? idfWeights = null, bool invert = false,
        string outputMode = "int", bool padToMaxTokens = false, string? name = null)
        : this(maxTokens, numOovIndices, maskToken, oovToken, vocabulary, idfWeights, invert, outputMode,
            padToMaxTokens, name, vocabularySize: null)
    {
    }

    /// <summary>The full constructor, with Keras' hidden <c>vocabulary_size</c> config argument.</summary>
    internal IntegerLookup(int? maxTokens, int numOovIndices, long? maskToken, long oovToken,
        IEnumerable<long>? vocabulary, IEnumerable<double>? idfWeights, bool invert, string outputMode,
        bool padToMaxTokens, string? name, int? vocabularySize)
        : base(maxTokens, numOovIndices, maskToken is not null, maskToken ?? 0, oovToken, vocabulary, idfWeights,
            invert, outputMode, padToMaxTokens, name, vocabularySize, hasInputVocabulary: null)
    {
    }

    /// <summary>The integer of masked inputs, or null.</summary>
    public long? MaskToken => HasMask ? MaskTokenValue : null;

    /// <inheritdoc />
    private protected override IComparer<long> TokenOrder => Comparer<long>.Default;

    /// <inheritdoc />
    private protected override string? ConfigVocabularyDType => "int64";

    /// <summary>Learns the vocabulary from an integer tensor: a rank-1 tensor holds one token per document, a rank-2
    /// tensor one document per row (Keras' <c>adapt</c> on an array).</summary>
    /// <param name="data">The integers.</param>
    public void Adapt(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = ReadIntegers(data);
        if (data.dim() <= 1)
        {
            base.Adapt(values);
            return;
        }
        int width = checked((int)(values.Length / data.shape[0]));
        AdaptDocuments(Enumerable.Range(0, (int)data.shape[0]).Select(i => (IReadOnlyList<long>)values[(i * width)..((i + 1) * width)]));
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var values = ReadIntegers(inputs);
        if (!Invert)
        {
            return Encode(LookupIndices(values), inputs.shape);
        }
        return Ops.Int64Tensor(LookupTokens(values), inputs.shape);
    }

    /// <inheritdoc />
    private protected override long OovBucket(long token) =>
        ((token % NumOovIndices) + NumOovIndices) % NumOovIndices;

    /// <inheritdoc />
    private protected override string Describe(long token) => token.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private long[] ReadIntegers(Tensor data)
    {
        if (data.is_floating_point() || data.dtype == TorchSharp.torch.ScalarType.Bool)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" (IntegerLookup) expects integer inputs. Received a {Ops.DTypeName(data.dtype)} " +
                $"tensor of shape {new Shape(data.shape)}.");
        }
        return Ops.ToInt64Array(data);
    }
}

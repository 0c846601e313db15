namespace Keras.Layers;

/// <summary>The shared machinery of <see cref="StringLookup"/> and <see cref="IntegerLookup"/> (Keras'
/// <c>IndexLookup</c>): a vocabulary mapping tokens to indices after the mask and OOV slots, learned by
/// <c>Adapt</c> or given, and the output encodings.</summary>
/// <typeparam name="T">The token type: <see cref="string"/> or <see cref="long"/>.</typeparam>
/// <remarks>
/// Index layout, as Keras: in <c>"int"</c> mode the mask token (when set) takes index 0, then
/// <see cref="NumOovIndices"/> OOV indices, then the vocabulary; in the other modes there is no mask slot and masked
/// inputs are dropped. The vocabulary is not a weight: the layer has no weights. A vocabulary passed to the constructor
/// is written to the config (so <c>FromConfig</c> restores a working layer); an adapted vocabulary is not, as in Keras,
/// where it is saved as an asset: persist it with <see cref="GetVocabulary"/> and restore it with
/// <see cref="SetVocabulary"/>.
/// </remarks>
/// <example><code>
/// var lookup = new StringLookup(vocabulary: ["a", "b", "c", "d"]);
/// Tensor ids = lookup.Call(new[] { "a", "z", "d" });   // [1, 0, 4]
/// </code></example>
public abstract partial class IndexLookup<T> : Layer where T : notnull
{
    private static readonly string[] OutputModes = ["int", "one_hot", "multi_hot", "count", "tf_idf"];

    private readonly bool _hasMask;
    private readonly T _maskToken;
    private readonly bool _hasInputVocabulary;
    private readonly T[]? _inputVocabulary;
    private readonly double[]? _inputIdfWeights;

    /// <summary>Creates the layer (called by <see cref="StringLookup"/> and <see cref="IntegerLookup"/>).</summary>
    /// <param name="maxTokens">The maximum vocabulary size, special tokens included; null for no cap.</param>
    /// <param name="numOovIndices">How many OOV indices.</param>
    /// <param name="hasMask">Whether there is a mask token.</param>
    /// <param name="maskToken">The mask token (ignored without <paramref name="hasMask"/>).</param>
    /// <param name="oovToken">The token returned for OOV indices when inverting.</param>
    /// <param name="vocabulary">An initial vocabulary, or null.</param>
    /// <param name="idfWeights">IDF weights for <c>tf_idf</c>, or null.</param>
    /// <param name="invert">Map indices to tokens.</param>
    /// <param name="outputMode">The output mode.</param>
    /// <param name="padToMaxTokens">Pad the encoded axis to <paramref name="maxTokens"/>.</param>
    /// <param name="name">The layer name.</param>
    /// <param name="vocabularySize">The recorded vocabulary size from a config (<c>vocabulary_size</c>).</param>
    /// <param name="hasInputVocabulary">Keras' hidden <c>has_input_vocabulary</c>; defaults to whether
    /// <paramref name="vocabulary"/> is given.</param>
    private protected IndexLookup(int? maxTokens, int numOovIndices, bool hasMask, T maskToken, T oovToken,
        IEnumerable<T>? vocabulary, IEnumerable<double>? idfWeights, bool invert, string outputMode,
        bool padToMaxTokens, string? name, int? vocabularySize, bool? hasInputVocabulary)
        : base(name)
    {
        if (maxTokens is not null && maxTokens <= 1)
        {
            throw new ArgumentException(
                $"If set, `max_tokens` must be greater than 1. Received: max_tokens={maxTokens}", nameof(maxTokens));
        }
        if (padToMaxTokens && maxTokens is null)
        {
            throw new ArgumentException(
                "If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens=None", nameof(maxTokens));
        }
        if (numOovIndices < 0)
        {
            throw new ArgumentException(
                $"`num_oov_indices` must be greater than or equal to 0. Received: num_oov_indices={numOovIndices}",
                nameof(numOovIndices));
        }
        OutputMode = CategoricalOutput.Validate(outputMode, ClassName, OutputModes);
        if (invert && OutputMode != "int")
        {
            throw new ArgumentException(
                $"`output_mode` must be `'int'` when `invert` is true. Received: output_mode={outputMode}",
                nameof(outputMode));
        }
        _inputIdfWeights = idfWeights?.ToArray();
        if (_inputIdfWeights is not null && OutputMode != "tf_idf")
        {
            throw new ArgumentException(
                "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: idf_weights=" +
                $"[{string.Join(", ", _inputIdfWeights)}] and output_mode={OutputMode}", nameof(idfWeights));
        }
        MaxTokens = maxTokens;
        NumOovIndices = numOovIndices;
        _hasMask = hasMask;
        _maskToken = maskToken;
        OovToken = oovToken;
        Invert = invert;
        PadToMaxTokens = padToMaxTokens;
        FrozenVocabularySize = vocabularySize;
        _inputVocabulary = vocabulary?.ToArray();
        _hasInputVocabulary = hasInputVocabulary ?? _inputVocabulary is not null;
        if (OutputMode == "tf_idf" && _hasInputVocabulary && _inputIdfWeights is null)
        {
            throw new ArgumentException(
                "When specifying the `vocabulary` argument, in TF-IDF output mode, the `idf_weights` argument must " +
                "also be provided.", nameof(idfWeights));
        }
        if (_inputVocabulary is not null)
        {
            SetVocabulary(_inputVocabulary, _inputIdfWeights);
        }
    }

    /// <summary>The maximum vocabulary size, mask and OOV indices included; null for no cap.</summary>
    public int? MaxTokens { get; }

    /// <summary>How many OOV indices there are; OOV inputs are hashed among them when there are several, and rejected
    /// when there are none.</summary>
    public int NumOovIndices { get; }

    /// <summary>The token returned for OOV indices when <see cref="Invert"/> is set.</summary>
    public T OovToken { get; }

    /// <summary>Whether the layer maps indices back to tokens.</summary>
    public bool Invert { get; }

    /// <summary>The output mode: <c>int</c>, <c>one_hot</c>, <c>multi_hot</c>, <c>count</c> or <c>tf_idf</c>.</summary>
    public string OutputMode { get; }

    /// <summary>Whether encoded outputs are padded to <see cref="MaxTokens"/> columns.</summary>
    public bool PadToMaxTokens { get; }

    /// <summary>The vocabulary size recorded when the vocabulary was last set (Keras' frozen vocabulary size, which
    /// fixes the width of encoded outputs); null before.</summary>
    private protected int? FrozenVocabularySize { get; private set; }

    /// <summary>The vocabulary given to the constructor (written to the config), or null.</summary>
    internal IReadOnlyList<T>? InputVocabulary => _inputVocabulary;

    /// <summary>The IDF weights given to the constructor (written to the config), or null.</summary>
    internal IReadOnlyList<double>? InputIdfWeights => _inputIdfWeights;

    /// <summary>The layer that owns this lookup (TextVectorization), named in messages instead of the lookup.</summary>
    internal Layer? Owner { get; set; }

    /// <summary>How messages name the layer: <c>"name" (Class)</c>, the owner's when there is one.</summary>
    private protected string Label => $"\"{(Owner ?? this).Name}\" ({(Owner ?? this).ClassName})";

    /// <summary>Whether a mask token is set.</summary>
    private protected bool HasMask => _hasMask;

    /// <summary>The mask token; meaningful only when <see cref="HasMask"/>.</summary>
    private protected T MaskTokenValue => _maskToken;

    /// <summary>The Keras name of the token dtype written as <c>vocabulary_dtype</c>, or null when the config omits it
    /// (<c>StringLookup</c>).</summary>
    private protected abstract string? ConfigVocabularyDType { get; }

    /// <summary>The index of the first OOV slot: 1 with a mask token in <c>int</c> mode, else 0.</summary>
    private protected int OovStartIndex => _hasMask && OutputMode == "int" ? 1 : 0;

    /// <summary>The index of the first vocabulary term.</summary>
    private protected int TokenStartIndex => OovStartIndex + NumOovIndices;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        CategoricalOutput.OutputShape(inputShape, OutputMode, PadToMaxTokens ? MaxTokens : FrozenVocabularySize);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["invert"] = Invert;
        config["max_tokens"] = MaxTokens;
        config["num_oov_indices"] = NumOovIndices;
        config["oov_token"] = OovToken;
        config["mask_token"] = _hasMask ? (object)_maskToken : null;
        config["output_mode"] = OutputMode;
        config["sparse"] = false;
        config["pad_to_max_tokens"] = PadToMaxTokens;
        if (ConfigVocabularyDType is { } vocabularyDType)
        {
            config["vocabulary_dtype"] = vocabularyDType;
        }
        config["idf_weights"] = _inputIdfWeights;
        config["vocabulary"] = _inputVocabulary;
        config["vocabulary_size"] = FrozenVocabularySize;
        return config;
    }

    /// <inheritdoc />
    protected override string OutputDType(IReadOnlyList<KerasTensor> inputs) => OutputMode == "int" ? "int64" : DType;

    /// <summary>Describes a token in messages.</summary>
    /// <param name="token">The token.</param>
    /// <returns>Its text.</returns>
    private protected abstract string Describe(T token);
}

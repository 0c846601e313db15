namespace Keras.Layers;

/// <summary>Maps text to sequences of token indices or to dense token vectors
/// (<c>keras.layers.TextVectorization</c>).</summary>
/// <remarks>
/// Each text is standardized (by default lowercased and stripped of ASCII punctuation, as TensorFlow does it), split
/// (by default on whitespace), optionally turned into n-grams, and looked up in a vocabulary learned by
/// <see cref="Adapt"/> or given. In <c>int</c> mode the vocabulary starts with <c>""</c> (padding, index 0) and
/// <c>"[UNK]"</c> (index 1) and each text becomes a row of indices padded with 0 (to
/// <c>outputSequenceLength</c>, or to the longest text); in <c>multi_hot</c>, <c>count</c> and <c>tf_idf</c> modes it
/// starts with <c>"[UNK]"</c> and each text becomes one vector.
/// Tensors cannot hold strings, so the layer is called on strings with <see cref="Call(IReadOnlyList{string})"/>
/// before the model — where Keras recommends running it (in the <c>tf.data</c> pipeline) — and its int64 or float
/// output feeds the model. The vocabulary is kept in the config when it was given to the constructor; an adapted
/// vocabulary is not (Keras saves it as an asset): keep it with <see cref="GetVocabulary"/> and restore it with
/// <see cref="SetVocabulary"/>.
/// </remarks>
/// <example><code>
/// var layer = new TextVectorization(maxTokens: 5000, outputSequenceLength: 4);
/// layer.Adapt(new[] { "foo bar", "bar baz", "baz bada boom" });
/// Tensor ids = layer.Call(new[] { "foo qux bar", "qux baz" });   // [[4, 1, 3, 0], [1, 2, 0, 0]]
/// </code></example>
public sealed class TextVectorization : Layer, Saving.KerasV3.IKerasAssets
{
    private static readonly string[] OutputModes = ["int", "multi_hot", "count", "tf_idf"];
    private readonly StringLookup _lookup;

    /// <summary>Creates the layer.</summary>
    /// <param name="maxTokens">The maximum vocabulary size, padding and OOV tokens included; null (the default) for no
    /// cap.</param>
    /// <param name="standardize"><c>"lower_and_strip_punctuation"</c> (the default), <c>"lower"</c>,
    /// <c>"strip_punctuation"</c>, or null for none.</param>
    /// <param name="split"><c>"whitespace"</c> (the default), <c>"character"</c>, or null to keep each text (or each
    /// column of a 2-D input) as one token.</param>
    /// <param name="ngrams">N-grams to produce: an integer (all up to it) or an array of widths. Defaults to null
    /// (none).</param>
    /// <param name="outputMode"><c>"int"</c> (the default), <c>"multi_hot"</c>, <c>"count"</c> or <c>"tf_idf"</c>
    /// (<c>"binary"</c> and <c>"tf-idf"</c> are accepted as their old names).</param>
    /// <param name="outputSequenceLength">In <c>int</c> mode, pad or cut each row to this length. Defaults to null (the
    /// longest row of the batch).</param>
    /// <param name="padToMaxTokens">In the vector modes, make the vectors <paramref name="maxTokens"/> long. Defaults
    /// to false.</param>
    /// <param name="vocabulary">The vocabulary; when null (the default) call <see cref="Adapt"/>.</param>
    /// <param name="idfWeights">IDF weights for <c>tf_idf</c> with a given vocabulary. Defaults to null.</param>
    /// <param name="name">The layer name. Defaults to <c>text_vectorization</c>, ...</param>
    public TextVectorization(int? maxTokens = null, string? standardize = "lower_and_strip_punctuation",
        string? split = "whitespace", NGrams? ngrams = null, string outputMode = "int", int? outputSequenceLength = null,
        bool padToMaxTokens = false, IEnumerable<string>? vocabulary = null, IEnumerable<double>? idfWeights = null,
        string? name = null)
        : this(maxTokens, standardize, split, ngrams, outputMode, outputSequenceLength, padToMaxTokens, vocabulary,
            idfWeights, name, vocabularySize: null)
    {
    }

    /// <summary>The full constructor, with Keras' hidden <c>vocabulary_size</c> config argument.</summary>
    internal TextVectorization(int? maxTokens, string? standardize, string? split, NGrams? ngrams, string outputMode,
        int? outputSequenceLength, bool padToMaxTokens, IEnumerable<string>? vocabulary,
        IEnumerable<double>? idfWeights, string? name, int? vocabularySize)
        : base(name)
    {
        if (standardize is not (null or "lower_and_strip_punctuation" or "lower" or "strip_punctuation"))
        {
            throw new ArgumentException(
                "Unknown value for `standardize` argument of TextVectorization. Allowed values are: " +
                $"('lower_and_strip_punctuation', 'lower', 'strip_punctuation'). Received: standardize={standardize}",
                nameof(standardize));
        }
        if (split is not (null or "whitespace" or "character"))
        {
            throw new ArgumentException(
                "Unknown value for `split` argument of TextVectorization. Allowed values are: ('whitespace', " +
                $"'character'). Received: split={split}", nameof(split));
        }
        OutputMode = CategoricalOutput.Validate(outputMode, nameof(TextVectorization), OutputModes);
        if (outputSequenceLength is not null && OutputMode != "int")
        {
            throw new ArgumentException(
                "`output_sequence_length` must not be set if `output_mode` is not 'int'. Received " +
                $"output_sequence_length={outputSequenceLength}.", nameof(outputSequenceLength));
        }
        if (outputSequenceLength is < 0)
        {
            throw new ArgumentException(
                "`output_sequence_length` must be either None or a non-negative integer when `output_mode` is 'int'. " +
                $"Received: output_sequence_length={outputSequenceLength}", nameof(outputSequenceLength));
        }
        Standardize = standardize;
        Split = split;
        NGrams = ngrams;
        OutputSequenceLength = outputSequenceLength;
        _lookup = TrackLayer(new StringLookup(maxTokens, 1, "", "[UNK]", vocabulary, idfWeights, false, OutputMode,
            padToMaxTokens, null, vocabularySize, hasInputVocabulary: null) { Owner = this });
    }

    /// <summary>The standardization, or null.</summary>
    public string? Standardize { get; }

    /// <summary>The split mode, or null.</summary>
    public string? Split { get; }

    /// <summary>The n-grams produced, or null.</summary>
    public NGrams? NGrams { get; }

    /// <summary>The output mode: <c>int</c>, <c>multi_hot</c>, <c>count</c> or <c>tf_idf</c>.</summary>
    public string OutputMode { get; }

    /// <summary>The fixed output length in <c>int</c> mode, or null.</summary>
    public int? OutputSequenceLength { get; }

    /// <summary>The maximum vocabulary size, or null.</summary>
    public int? MaxTokens => _lookup.MaxTokens;

    /// <summary>Whether vector outputs are padded to <see cref="MaxTokens"/>.</summary>
    public bool PadToMaxTokens => _lookup.PadToMaxTokens;

    /// <summary>Vectorizes a batch of texts.</summary>
    /// <param name="texts">The texts, one per sample.</param>
    /// <returns>In <c>int</c> mode an int64 tensor <c>(batch, length)</c>; otherwise a float32 tensor
    /// <c>(batch, vocabulary size)</c> (or <c>(batch, maxTokens)</c> with <c>padToMaxTokens</c>).</returns>
    public Tensor Call(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _lookup.EncodeRows(texts.Select(t => Tokens([t])).ToList(), OutputSequenceLength);
    }

    /// <summary>Vectorizes a 2-D batch of texts: with splitting the last axis must have size 1 (as Keras); without,
    /// each row's strings are its tokens.</summary>
    /// <param name="texts">The texts.</param>
    /// <returns>As <see cref="Call(IReadOnlyList{string})"/>.</returns>
    public Tensor Call(string[,] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (Split is not null && texts.GetLength(1) != 1)
        {
            throw new ArgumentException(
                "When using `TextVectorization` to tokenize strings, the input rank must be 1 or the last shape " +
                $"dimension must be 1. Received: inputs.shape=({texts.GetLength(0)}, {texts.GetLength(1)}) with rank=2",
                nameof(texts));
        }
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < texts.GetLength(0); i++)
        {
            rows.Add(Tokens(Enumerable.Range(0, texts.GetLength(1)).Select(j => texts[i, j]).ToList()));
        }
        return _lookup.EncodeRows(rows, OutputSequenceLength);
    }

    /// <summary>Learns the vocabulary (and in <c>tf_idf</c> mode the IDF weights) from a corpus, each text a document:
    /// tokens ordered by frequency, ties broken by the greatest token first, cut to <see cref="MaxTokens"/>.</summary>
    /// <param name="texts">The corpus.</param>
    public void Adapt(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _lookup.AdaptDocuments(texts.Select(t => (IReadOnlyList<string>)Tokens([t])));
    }

    /// <summary>The vocabulary, index by index (Keras' <c>get_vocabulary</c>).</summary>
    /// <param name="includeSpecialTokens">Include the padding and OOV tokens. Defaults to true.</param>
    /// <returns>The terms.</returns>
    public IReadOnlyList<string> GetVocabulary(bool includeSpecialTokens = true) =>
        _lookup.GetVocabulary(includeSpecialTokens);

    /// <summary>The vocabulary size, padding and OOV tokens included.</summary>
    /// <returns>The size.</returns>
    public int VocabularySize() => _lookup.VocabularySize();

    /// <summary>Sets the vocabulary (and IDF weights in <c>tf_idf</c> mode), as <see cref="IndexLookup{T}.SetVocabulary"/>.</summary>
    /// <param name="vocabulary">The terms, with or without the leading special tokens.</param>
    /// <param name="idfWeights">The IDF weights (only in <c>tf_idf</c> mode).</param>
    public void SetVocabulary(IEnumerable<string> vocabulary, IEnumerable<double>? idfWeights = null) =>
        _lookup.SetVocabulary(vocabulary, idfWeights);

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int? batch = inputShape.Rank > 0 ? inputShape[0] : null;
        return OutputMode == "int"
            ? new Shape(batch, OutputSequenceLength)
            : new Shape(batch, PadToMaxTokens ? MaxTokens : _lookup.ComputeOutputShape(new Shape(null, null))[-1]);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["max_tokens"] = MaxTokens;
        config["standardize"] = Standardize;
        config["split"] = Split;
        config["ngrams"] = NGrams?.ConfigValue;
        config["output_mode"] = OutputMode;
        config["output_sequence_length"] = OutputSequenceLength;
        config["pad_to_max_tokens"] = PadToMaxTokens;
        config["sparse"] = false;
        config["ragged"] = false;
        config["vocabulary"] = _lookup.InputVocabulary;
        config["idf_weights"] = _lookup.InputIdfWeights;
        config["encoding"] = "utf-8";
        config["vocabulary_size"] = VocabularySize();
        return config;
    }

    /// <summary>Tensors cannot hold strings: a tensor call is refused with directions to the string calls.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="training">Unused.</param>
    /// <returns>Never returns.</returns>
    protected override Tensor CallCore(Tensor inputs, bool training) => throw new ArgumentException(
        $"Layer \"{Name}\" (TextVectorization) takes strings, which tensors cannot hold: call " +
        "`Call(IReadOnlyList<string>)` or `Call(string[,])` on the raw texts before the model (Keras recommends " +
        "running text preprocessing in the input pipeline), then feed its output to the model.");

    /// <inheritdoc />
    protected override string OutputDType(IReadOnlyList<KerasTensor> inputs) => OutputMode == "int" ? "int64" : "float32";

    /// <summary>The tokens of one sample (one text, or a row of texts when not splitting).</summary>
    private List<string> Tokens(IReadOnlyList<string> sample)
    {
        var standardized = sample.Select(t => TextProcessing.Standardize(
            t ?? throw new ArgumentException($"Layer \"{Name}\" received a null string."), Standardize)).ToList();
        var tokens = Split switch
        {
            "whitespace" => TextProcessing.SplitWhitespace(standardized[0]),
            "character" => TextProcessing.SplitCharacters(standardized[0]),
            _ => standardized,
        };
        return NGrams is null ? tokens : TextProcessing.NGrams(tokens, NGrams.Widths);
    }

    /// <summary>Keras 3 stores the inner StringLookup under the attribute <c>_lookup_layer</c>.</summary>
    internal override IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren => [new("_lookup_layer", _lookup)];

    /// <summary>Keras stores the inner lookup's vocabulary in this layer's assets folder too.</summary>
    IReadOnlyDictionary<string, byte[]> Saving.KerasV3.IKerasAssets.SaveAssets() =>
        ((Saving.KerasV3.IKerasAssets)_lookup).SaveAssets();

    /// <inheritdoc cref="Saving.KerasV3.IKerasAssets.LoadAssets"/>
    void Saving.KerasV3.IKerasAssets.LoadAssets(IReadOnlyDictionary<string, byte[]> files) =>
        ((Saving.KerasV3.IKerasAssets)_lookup).LoadAssets(files);
}

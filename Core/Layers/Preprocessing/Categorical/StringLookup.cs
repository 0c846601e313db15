using System.Text;

namespace Keras.Layers;

/// <summary>Maps strings to (possibly encoded) vocabulary indices (<c>keras.layers.StringLookup</c>).</summary>
/// <remarks>
/// Tensors cannot hold strings, so the layer takes strings through typed calls — <see cref="Call(IReadOnlyList{string})"/>
/// and <see cref="Call(string[,])"/> — and its inverse (<c>invert: true</c>) returns strings from
/// <see cref="CallInverse(Tensor)"/>. As Keras recommends for string preprocessing (in a <c>tf.data</c> pipeline,
/// outside the model), run it on the raw data before the model; the int64 or float output then feeds the model.
/// Defaults, index layout and adapt ordering are Keras': see <see cref="IndexLookup{T}"/>. Unknown strings are
/// hashed into the OOV indices with FarmHash64, as TensorFlow's <c>to_hash_bucket_fast</c>.
/// </remarks>
/// <example><code>
/// var layer = new StringLookup();
/// layer.Adapt(new[] { new[] { "a", "c", "d" }, new[] { "d", "z", "b" } });
/// layer.GetVocabulary();                                             // [UNK], d, z, c, b, a
/// Tensor ids = layer.Call(new[,] { { "a", "c", "d" }, { "d", "z", "b" } });   // [[5, 3, 1], [1, 2, 4]]
/// </code></example>
public sealed class StringLookup : IndexLookup<string>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="maxTokens">The maximum vocabulary size, mask and OOV indices included; null (the default) for no
    /// cap.</param>
    /// <param name="numOovIndices">How many OOV indices. Defaults to 1.</param>
    /// <param name="maskToken">The token of masked inputs (index 0 in <c>int</c> mode, dropped otherwise). Defaults to
    /// null (none).</param>
    /// <param name="oovToken">The token returned for OOV indices when inverting. Defaults to <c>"[UNK]"</c>.</param>
    /// <param name="vocabulary">The vocabulary; when null (the default) call <see cref="IndexLookup{T}.Adapt(IEnumerable{T})"/>
    /// or <see cref="IndexLookup{T}.SetVocabulary"/>.</param>
    /// <param name="idfWeights">IDF weights, one per vocabulary term (only for <c>tf_idf</c>). Defaults to null.</param>
    /// <param name="invert">Map indices to strings instead (only in <c>int</c> mode). Defaults to false.</param>
    /// <param name="outputMode"><c>"int"</c> (the default), <c>"one_hot"</c>, <c>"multi_hot"</c>, <c>"count"</c> or
    /// <c>"tf_idf"</c>.</param>
    /// <param name="padToMaxTokens">Pad encoded outputs to <paramref name="maxTokens"/> columns. Defaults to
    /// false.</param>
    /// <param name="name">The layer name. Defaults to <c>string_lookup</c>, ...</param>
    public StringLookup(int? maxTokens = null, int numOovIndices = 1, string? maskToken = null,
        string oovToken = "[UNK]", IEnumerable<string>? vocabulary = null, IEnumerable<double>? idfWeights = null,
        bool invert = false, string outputMode = "int", bool padToMaxTokens = false, string? name = null)
        : this(maxTokens, numOovIndices, maskToken, oovToken, vocabulary, idfWeights, invert, outputMode,
            padToMaxTokens, name, vocabularySize: null, hasInputVocabulary: null)
    {
    }

    /// <summary>The full constructor, with Keras' hidden config arguments.</summary>
    internal StringLookup(int? maxTokens, int numOovIndices, string? maskToken, string oovToken,
        IEnumerable<string>? vocabulary, IEnumerable<double>? idfWeights, bool invert, string outputMode,
        bool padToMaxTokens, string? name, int? vocabularySize, bool? hasInputVocabulary)
        : base(maxTokens, numOovIndices, maskToken is not null, maskToken ?? "", oovToken, vocabulary, idfWeights,
            invert, outputMode, padToMaxTokens, name, vocabularySize, hasInputVocabulary)
    {
    }

    /// <summary>The token of masked inputs, or null.</summary>
    public string? MaskToken => HasMask ? MaskTokenValue : null;

    /// <summary>Orders strings by their UTF-8 bytes (numpy's order for the byte strings TensorFlow exports).</summary>
    private protected override IComparer<string> TokenOrder => Utf8Order.Instance;

    /// <inheritdoc />
    private protected override string? ConfigVocabularyDType => null;

    /// <summary>Looks up a batch of strings.</summary>
    /// <param name="inputs">The strings.</param>
    /// <returns>In <c>int</c> mode an int64 tensor of shape <c>(n,)</c>; in <c>one_hot</c> mode <c>(n, depth)</c>;
    /// in the other modes the batch is one sample, <c>(depth,)</c>.</returns>
    public Tensor Call(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RequireForward();
        return Encode(LookupIndices(inputs), [inputs.Count]);
    }

    /// <summary>Looks up a 2-D batch of strings.</summary>
    /// <param name="inputs">The strings, one row per sample.</param>
    /// <returns>In <c>int</c> mode an int64 tensor of the same shape; in <c>one_hot</c> mode one more axis (or the
    /// last axis replaced when it has size 1); in the other modes <c>(rows, depth)</c>.</returns>
    public Tensor Call(string[,] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RequireForward();
        return Encode(LookupIndices(inputs.Cast<string>().ToArray()), [inputs.GetLength(0), inputs.GetLength(1)]);
    }

    /// <summary>Maps indices back to strings (a layer made with <c>invert: true</c>).</summary>
    /// <param name="indices">The indices.</param>
    /// <returns>The strings.</returns>
    public string[] CallInverse(IReadOnlyList<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        RequireInverse();
        return LookupTokens(indices.ToArray());
    }

    /// <summary>Maps a 2-D batch of indices back to strings (a layer made with <c>invert: true</c>).</summary>
    /// <param name="indices">The indices.</param>
    /// <returns>The strings, same shape.</returns>
    public string[,] CallInverse(long[,] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        RequireInverse();
        var tokens = LookupTokens(indices.Cast<long>().ToArray());
        var result = new string[indices.GetLength(0), indices.GetLength(1)];
        for (int i = 0; i < tokens.Length; i++)
        {
            result[i / result.GetLength(1), i % result.GetLength(1)] = tokens[i];
        }
        return result;
    }

    /// <summary>Maps an integer tensor of indices back to strings (a layer made with <c>invert: true</c>).</summary>
    /// <param name="indices">The indices, of any rank.</param>
    /// <returns>A string array of the tensor's rank and shape (<c>string[]</c>, <c>string[,]</c>, ...).</returns>
    public Array CallInverse(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        RequireInverse();
        if (indices.is_floating_point() || indices.dtype == TorchSharp.torch.ScalarType.Bool)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" maps integer indices to strings; received a {Ops.DTypeName(indices.dtype)} tensor.",
                nameof(indices));
        }
        var values = Ops.ToInt64Array(indices);
        var tokens = LookupTokens(values);
        var result = Array.CreateInstance(typeof(string), indices.shape.Select(d => checked((int)d)).ToArray());
        var position = new int[result.Rank];
        for (int i = 0; i < tokens.Length; i++)
        {
            int rest = i;
            for (int axis = result.Rank - 1; axis >= 0; axis--)
            {
                position[axis] = rest % result.GetLength(axis);
                rest /= result.GetLength(axis);
            }
            result.SetValue(tokens[i], position);
        }
        return result;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["encoding"] = "utf-8";
        return config;
    }

    /// <summary>Tensors cannot hold strings: a tensor call is refused with directions to the typed calls.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="training">Unused.</param>
    /// <returns>Never returns.</returns>
    protected override Tensor CallCore(Tensor inputs, bool training) => throw new ArgumentException(
        Invert
            ? $"Layer \"{Name}\" (StringLookup, invert=True) returns strings, which tensors cannot hold: call " +
              "`CallInverse(indices)` instead."
            : $"Layer \"{Name}\" (StringLookup) takes strings, which tensors cannot hold: call `Call(IReadOnlyList<string>)` " +
              "or `Call(string[,])` on the raw strings before the model (Keras recommends running string " +
              "preprocessing in the input pipeline).");

    /// <inheritdoc />
    private protected override long OovBucket(string token) =>
        (long)(FarmHash.Fingerprint64(Encoding.UTF8.GetBytes(token)) % (ulong)NumOovIndices);

    /// <inheritdoc />
    private protected override string Describe(string token) => $"'{token}'";

    private void RequireForward()
    {
        if (Invert)
        {
            throw new InvalidOperationException(
                $"Layer \"{Name}\" was created with invert=True and maps indices to strings: call `CallInverse`.");
        }
    }

    private void RequireInverse()
    {
        if (!Invert)
        {
            throw new InvalidOperationException(
                $"Layer \"{Name}\" maps strings to indices; `CallInverse` needs a layer created with invert=True.");
        }
    }
}

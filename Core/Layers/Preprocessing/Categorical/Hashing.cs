using System.Globalization;
using System.Text;

namespace Keras.Layers;

/// <summary>Hashes strings or integers into a fixed number of bins (<c>keras.layers.Hashing</c>).</summary>
/// <remarks>
/// Values are hashed exactly as Keras (TensorFlow) does: the UTF-8 bytes of a string, or the decimal text of an
/// integer (floats are truncated to integers first), with FarmHash64 (<c>tf.strings.to_hash_bucket_fast</c>), or with
/// SipHash-2-4 keyed by the <c>salt</c> (<c>to_hash_bucket_strong</c>), modulo the number of bins. With a
/// <c>maskValue</c>, bin 0 is reserved for it and the others are shifted by one.
/// Integer and float tensors go through <see cref="Layer.Call(Tensor, bool?, Tensor?)"/> (so the layer works inside
/// models); strings, which tensors cannot hold, go through <see cref="Call(IReadOnlyList{string})"/> and
/// <see cref="Call(string[,])"/> before the model, as Keras recommends for string preprocessing.
/// </remarks>
/// <example><code>
/// var layer = new Hashing(numBins: 3);
/// Tensor bins = layer.Call(new[,] { { "A" }, { "B" }, { "C" }, { "D" }, { "E" } });   // [[1], [0], [1], [1], [2]]
/// </code></example>
public sealed class Hashing : Layer
{
    private static readonly string[] OutputModes = ["int", "one_hot", "multi_hot", "count"];
    private readonly ulong[]? _key;

    /// <summary>Creates the layer.</summary>
    /// <param name="numBins">The number of bins, the mask bin included.</param>
    /// <param name="maskValue">The value of masked inputs (a string, or an integer for numeric inputs), hashed to bin
    /// 0. Defaults to null (no mask).</param>
    /// <param name="salt">SipHash key words: one value (used for both) or two. Defaults to null (FarmHash64).</param>
    /// <param name="outputMode"><c>"int"</c> (the default, the bin indices), <c>"one_hot"</c>, <c>"multi_hot"</c> or
    /// <c>"count"</c>.</param>
    /// <param name="dtype">The output dtype. Defaults to <c>"int64"</c> in <c>int</c> mode (which also accepts
    /// <c>"int32"</c>), else <c>"float32"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>hashing</c>, ...</param>
    public Hashing(int numBins, object? maskValue = null, IReadOnlyList<long>? salt = null, string outputMode = "int",
        string? dtype = null, string? name = null)
        : base(name, dtype: dtype ?? (outputMode == "int" ? "int64" : "float32"))
    {
        if (numBins <= 0)
        {
            throw new ArgumentException(
                $"The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: num_bins={numBins}.",
                nameof(numBins));
        }
        if (outputMode == "int" && DType is not ("int32" or "int64"))
        {
            throw new ArgumentException(
                $"When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or 'in64'. Received: dtype={DType}",
                nameof(dtype));
        }
        if (!OutputModes.Contains(outputMode))
        {
            throw new ArgumentException(
                "Invalid value for argument `output_mode`. Expected one of ('int', 'one_hot', 'multi_hot', 'count'). " +
                $"Received: output_mode={outputMode}", nameof(outputMode));
        }
        Ops.DType(DType);
        if (maskValue is not (null or string or long or int))
        {
            throw new ArgumentException(
                $"The `mask_value` for `Hashing` must be a string or an integer. Received: mask_value={maskValue}",
                nameof(maskValue));
        }
        if (salt is not null)
        {
            if (salt.Count is not (1 or 2))
            {
                throw new ArgumentException(
                    "The `salt` argument for `Hashing` can only be a tuple of size 2 integers, or a single integer. " +
                    $"Received: salt=[{string.Join(", ", salt)}].", nameof(salt));
            }
            Salt = salt.Count == 1 ? [salt[0], salt[0]] : [salt[0], salt[1]];
            _key = [unchecked((ulong)Salt[0]), unchecked((ulong)Salt[1])];
        }
        NumBins = numBins;
        MaskValue = maskValue is int i ? (long)i : maskValue;
        OutputMode = outputMode;
    }

    /// <summary>The number of bins, the mask bin included.</summary>
    public int NumBins { get; }

    /// <summary>The masked value (a string or a long), or null.</summary>
    public object? MaskValue { get; }

    /// <summary>The two SipHash key words, or null for FarmHash64.</summary>
    public IReadOnlyList<long>? Salt { get; }

    /// <summary>The output mode: <c>int</c>, <c>one_hot</c>, <c>multi_hot</c> or <c>count</c>.</summary>
    public string OutputMode { get; }

    /// <summary>Hashes a batch of strings.</summary>
    /// <param name="inputs">The strings.</param>
    /// <returns>The bins, shape <c>(n,)</c> (or encoded: <c>(n, numBins)</c> for one_hot, <c>(numBins,)</c>
    /// otherwise).</returns>
    public Tensor Call(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Encode(HashStrings(inputs), [inputs.Count]);
    }

    /// <summary>Hashes a 2-D batch of strings.</summary>
    /// <param name="inputs">The strings.</param>
    /// <returns>The bins, same shape (or encoded).</returns>
    public Tensor Call(string[,] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Encode(HashStrings(inputs.Cast<string>().ToArray()), [inputs.GetLength(0), inputs.GetLength(1)]);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        CategoricalOutput.OutputShape(inputShape, OutputMode, NumBins);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["num_bins"] = NumBins;
        config["salt"] = Salt;
        config["mask_value"] = MaskValue;
        config["output_mode"] = OutputMode;
        config["sparse"] = false;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        if (inputs.dtype == TorchSharp.torch.ScalarType.Bool)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" (Hashing) hashes strings, integers or floats; received a bool tensor.", nameof(inputs));
        }
        if (MaskValue is string)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" has a string mask_value ('{MaskValue}') but received a numeric tensor.", nameof(inputs));
        }
        long[] values;
        bool[] masked;
        if (inputs.is_floating_point())
        {
            // Keras compares floats with the mask value, then truncates them to int64 before hashing.
            var doubles = Ops.ToFloat64Array(inputs);
            masked = doubles.Select(v => MaskValue is long m && v == m).ToArray();
            values = doubles.Select(v => (long)v).ToArray();
        }
        else
        {
            values = Ops.ToInt64Array(inputs);
            masked = values.Select(v => MaskValue is long m && v == m).ToArray();
        }
        var bins = new long[values.Length];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = Bin(Encoding.ASCII.GetBytes(values[i].ToString(CultureInfo.InvariantCulture)), masked[i]);
        }
        return Encode(bins, inputs.shape);
    }

    /// <inheritdoc />
    protected override string OutputDType(IReadOnlyList<KerasTensor> inputs) => DType;

    private long[] HashStrings(IReadOnlyList<string> inputs)
    {
        if (MaskValue is long)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" has an integer mask_value ({MaskValue}) but received strings.", nameof(inputs));
        }
        var bins = new long[inputs.Count];
        for (int i = 0; i < bins.Length; i++)
        {
            string value = inputs[i] ?? throw new ArgumentException($"Layer \"{Name}\" received a null string.");
            bins[i] = Bin(Encoding.UTF8.GetBytes(value), MaskValue is string m && value == m);
        }
        return bins;
    }

    /// <summary>The bin of one value: its hash modulo the bins left after the mask bin, shifted past it.</summary>
    private long Bin(ReadOnlySpan<byte> bytes, bool masked)
    {
        bool hasMask = MaskValue is not null && NumBins > 1;
        if (hasMask && masked)
        {
            return 0;
        }
        ulong hashBins = (ulong)(hasMask ? NumBins - 1 : NumBins);
        ulong hash = _key is null ? FarmHash.Fingerprint64(bytes) : SipHash.Hash(_key[0], _key[1], bytes);
        return (long)(hash % hashBins) + (hasMask ? 1 : 0);
    }

    private Tensor Encode(long[] bins, long[] shape)
    {
        CategoricalOutput.CheckRank(shape.Length, OutputMode, Name, new Shape(shape).ToString());
        using var ids = Ops.Int64Tensor(bins, shape);
        return Ops.EncodeCategorical(ids, OutputMode, NumBins, DType);
    }
}

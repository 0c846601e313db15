namespace Keras.Layers;

/// <summary>Encodes integer features as one-hot, multi-hot or count vectors when the number of tokens is known
/// (<c>keras.layers.CategoryEncoding</c>).</summary>
/// <remarks>Inputs are integers in <c>[0, numTokens)</c>; other values are rejected. <c>one_hot</c> encodes each
/// element (a last axis of size 1 is replaced); <c>multi_hot</c> and <c>count</c> treat the last axis as the sample
/// (a rank-1 input is one sample), for inputs up to rank 2.</remarks>
/// <example><code>
/// var layer = new CategoryEncoding(numTokens: 4, outputMode: "multi_hot");
/// Tensor y = layer.Call(x);   // x [[0, 1], [0, 0], [1, 2], [3, 1]] → [[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]]
/// </code></example>
public sealed class CategoryEncoding : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="numTokens">The number of tokens; inputs must lie in <c>[0, numTokens)</c>.</param>
    /// <param name="outputMode"><c>"multi_hot"</c> (the default), <c>"one_hot"</c> or <c>"count"</c>
    /// (<c>"binary"</c> is accepted for <c>multi_hot</c>).</param>
    /// <param name="dtype">The output dtype. Defaults to <c>"float32"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>category_encoding</c>, ...</param>
    public CategoryEncoding(int numTokens, string outputMode = "multi_hot", string dtype = "float32", string? name = null)
        : base(name, dtype: dtype)
    {
        string mode = outputMode == "binary" ? "multi_hot" : outputMode;
        if (mode is not ("count" or "one_hot" or "multi_hot"))
        {
            throw new ArgumentException($"Unknown arg for output_mode: {outputMode}", nameof(outputMode));
        }
        if (numTokens < 1)
        {
            throw new ArgumentException($"`num_tokens` must be >= 1. Received: num_tokens={numTokens}.", nameof(numTokens));
        }
        Ops.DType(dtype);
        NumTokens = numTokens;
        OutputMode = mode;
    }

    /// <summary>The number of tokens (the width of the output).</summary>
    public int NumTokens { get; }

    /// <summary>The output mode: <c>one_hot</c>, <c>multi_hot</c> or <c>count</c>.</summary>
    public string OutputMode { get; }

    /// <summary>Encodes <paramref name="inputs"/> in <c>count</c> mode, summing <paramref name="countWeights"/> instead
    /// of ones (Keras' <c>count_weights</c> call argument).</summary>
    /// <param name="inputs">The integer inputs.</param>
    /// <param name="countWeights">Weights of the same shape as <paramref name="inputs"/>; the output has their
    /// dtype.</param>
    /// <returns>The weighted counts.</returns>
    public Tensor Call(Tensor inputs, Tensor countWeights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(countWeights);
        if (OutputMode != "count")
        {
            throw new ArgumentException(
                $"`count_weights` is not used when `output_mode` is not `'count'`. Received `count_weights` for layer " +
                $"\"{Name}\" with output_mode={OutputMode}.", nameof(countWeights));
        }
        if (!inputs.shape.SequenceEqual(countWeights.shape))
        {
            throw new ArgumentException(
                $"Layer \"{Name}\": `count_weights` must have the shape of the inputs {new Shape(inputs.shape)}. " +
                $"Received: count_weights.shape={new Shape(countWeights.shape)}", nameof(countWeights));
        }
        using var indices = CheckedIndices(inputs);
        return Ops.EncodeCategorical(indices, OutputMode, NumTokens, DType, countWeights);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        CategoricalOutput.OutputShape(inputShape, OutputMode, NumTokens);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["num_tokens"] = NumTokens;
        config["output_mode"] = OutputMode;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        using var indices = CheckedIndices(inputs);
        return Ops.EncodeCategorical(indices, OutputMode, NumTokens, DType);
    }

    private Tensor CheckedIndices(Tensor inputs)
    {
        CategoricalOutput.CheckRank((int)inputs.dim(), OutputMode, Name, new Shape(inputs.shape).ToString());
        var indices = inputs.to_type(TorchSharp.torch.ScalarType.Int64);
        if (indices.numel() > 0)
        {
            var (min, max) = Ops.IntegerRange(indices);
            if (min < 0 || max >= NumTokens)
            {
                indices.Dispose();
                throw new ArgumentException(
                    $"Layer \"{Name}\": input values must be in the range 0 <= values < num_tokens with " +
                    $"num_tokens={NumTokens}. Received values in [{min}, {max}].", nameof(inputs));
            }
        }
        return indices;
    }
}

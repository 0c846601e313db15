using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Converts integers to an int64 tensor on the current device.</summary>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">The shape; its product must equal the number of values.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Int64Tensor(long[] values, long[] shape) => torch.tensor(values, shape, device: Device);

    /// <summary>Copies a tensor's values, converted to int64, into a row-major array.</summary>
    /// <param name="x">The tensor (any device, any numeric dtype).</param>
    /// <returns>The values.</returns>
    public static long[] ToInt64Array(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return x.to_type(ScalarType.Int64).cpu().contiguous().data<long>().ToArray();
    }

    /// <summary>Copies a tensor's values, converted to float64, into a row-major array.</summary>
    /// <param name="x">The tensor (any device, any numeric dtype).</param>
    /// <returns>The values.</returns>
    public static double[] ToFloat64Array(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return x.to_type(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
    }

    /// <summary>Copies a tensor's values, converted to float32, into a row-major array.</summary>
    /// <param name="x">The tensor (any device, any numeric dtype).</param>
    /// <returns>The values.</returns>
    public static float[] ToFloat32Array(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return x.to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
    }

    /// <summary>The smallest and largest value of an integer tensor with at least one element.</summary>
    /// <param name="x">The tensor.</param>
    /// <returns>The extremes.</returns>
    public static (long Min, long Max) IntegerRange(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return (x.min().item<long>(), x.max().item<long>());
    }

    /// <summary>The bucket of each value for sorted bin boundaries, as <c>numpy.digitize(x, boundaries)</c>:
    /// <c>i</c> such that <c>boundaries[i-1] &lt;= x &lt; boundaries[i]</c> (<c>keras.ops.digitize</c>).</summary>
    /// <param name="x">The values; compared in float32, as Keras.</param>
    /// <param name="boundaries">The increasing boundaries.</param>
    /// <returns>An int64 tensor of bucket indices in <c>[0, boundaries.Length]</c>.</returns>
    public static Tensor Digitize(Tensor x, float[] boundaries)
    {
        using var scope = torch.NewDisposeScope();
        var bins = torch.tensor(boundaries, device: x.device);
        return torch.bucketize(x.to_type(ScalarType.Float32), bins, right: true).MoveToOuterDisposeScope();
    }

    /// <summary>Keras' categorical encoding of integer indices (<c>numerical_utils.encode_categorical_inputs</c>):
    /// <c>"int"</c> casts; <c>"one_hot"</c> encodes each element (a last axis of size 1 is replaced);
    /// <c>"multi_hot"</c> and <c>"count"</c> reduce the sample axis (the last of a rank-2 input, the only one of a
    /// rank-1 input).</summary>
    /// <param name="indices">Integer indices. Values outside <c>[0, depth)</c> contribute nothing (Keras' lookup
    /// layers use this to drop masked values); layers that must reject them check before.</param>
    /// <param name="outputMode">One of <c>int</c>, <c>one_hot</c>, <c>multi_hot</c>, <c>count</c>.</param>
    /// <param name="depth">The number of output columns.</param>
    /// <param name="dtype">The output dtype. Defaults to <c>float32</c>.</param>
    /// <param name="countWeights">Optional per-element weights summed in <c>count</c> mode (same shape as
    /// <paramref name="indices"/>); the output then has their dtype.</param>
    /// <param name="weights">Optional per-column weights multiplying the result (TF-IDF), of length
    /// <paramref name="depth"/>.</param>
    /// <returns>The encoded tensor.</returns>
    public static Tensor EncodeCategorical(Tensor indices, string outputMode, long depth, string dtype = "float32",
        Tensor? countWeights = null, float[]? weights = null)
    {
        using var scope = torch.NewDisposeScope();
        var encoded = Encode(indices, outputMode, depth, dtype, countWeights);
        if (weights is not null)
        {
            encoded = encoded.mul(torch.tensor(weights, device: encoded.device).to_type(encoded.dtype));
        }
        return encoded.MoveToOuterDisposeScope();
    }

    private static Tensor Encode(Tensor indices, string outputMode, long depth, string dtype, Tensor? countWeights)
    {
        var x = indices.to_type(ScalarType.Int64);
        if (outputMode == "int")
        {
            return x.to_type(DType(dtype));
        }
        if (x.dim() == 0)
        {
            x = x.unsqueeze(-1);
            countWeights = countWeights?.unsqueeze(-1);
        }
        if (outputMode == "one_hot" && x.dim() > 1 && x.shape[^1] == 1)
        {
            x = x.squeeze(-1);
        }
        var valid = x.ge(0).logical_and(x.lt(depth));
        var oneHot = torch.nn.functional.one_hot(torch.where(valid, x, torch.zeros_like(x)), depth)
            .mul(valid.unsqueeze(-1));
        int reduction = x.dim() > 1 ? 1 : 0;
        return outputMode switch
        {
            "one_hot" => oneHot.to_type(DType(dtype)),
            "multi_hot" => oneHot.sum(reduction).gt(0).to_type(DType(dtype)),
            "count" when countWeights is not null =>
                oneHot.to_type(countWeights.dtype).mul(countWeights.unsqueeze(-1)).sum(reduction),
            "count" => oneHot.sum(reduction).to_type(DType(dtype)),
            _ => throw new ArgumentException(
                $"Unknown output mode \"{outputMode}\". Expected one of int, one_hot, multi_hot, count.",
                nameof(outputMode)),
        };
    }
}

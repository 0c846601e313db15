using System.Runtime.InteropServices;

namespace Keras.Onnx;

/// <summary>A constant tensor of an ONNX graph (<c>TensorProto</c>): an initializer or a tensor attribute.</summary>
/// <remarks>Numeric data is stored little-endian in <c>raw_data</c>; strings in <c>string_data</c>.</remarks>
/// <example><code>
/// var scale = OnnxTensor.FromFloats("rescaling/scale", [1f / 255f], dims: []);
/// var shape = OnnxTensor.FromInt64s("flatten/shape", [0, -1]);
/// </code></example>
public sealed class OnnxTensor
{
    private OnnxTensor(string name, OnnxDataType dataType, long[] dims, byte[] rawData, IReadOnlyList<string>? strings)
    {
        Name = name;
        DataType = dataType;
        Dims = dims;
        RawData = rawData;
        Strings = strings;
    }

    /// <summary>The value name (empty for a tensor attribute).</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public OnnxDataType DataType { get; }

    /// <summary>The dimensions (empty for a scalar).</summary>
    public IReadOnlyList<long> Dims { get; }

    /// <summary>The little-endian element bytes (empty for strings).</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>The elements of a string tensor; null otherwise.</summary>
    public IReadOnlyList<string>? Strings { get; }

    /// <summary>Creates a float32 tensor.</summary>
    /// <param name="name">The value name.</param>
    /// <param name="values">The elements, row-major.</param>
    /// <param name="dims">The dimensions. Defaults to one dimension of <c>values.Length</c>; <c>[]</c> is a scalar.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> values, long[]? dims = null) =>
        Create(name, OnnxDataType.Float, dims ?? [values.Length], values.Length, MemoryMarshal.AsBytes(values));

    /// <summary>Creates an int64 tensor.</summary>
    /// <param name="name">The value name.</param>
    /// <param name="values">The elements, row-major.</param>
    /// <param name="dims">The dimensions. Defaults to one dimension of <c>values.Length</c>; <c>[]</c> is a scalar.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> values, long[]? dims = null) =>
        Create(name, OnnxDataType.Int64, dims ?? [values.Length], values.Length, MemoryMarshal.AsBytes(values));

    /// <summary>Creates a string tensor.</summary>
    /// <param name="name">The value name.</param>
    /// <param name="values">The elements, row-major.</param>
    /// <param name="dims">The dimensions. Defaults to one dimension of <c>values.Count</c>.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromStrings(string name, IReadOnlyList<string> values, long[]? dims = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        long[] shape = dims ?? [values.Count];
        CheckCount(name, shape, values.Count);
        return new OnnxTensor(name, OnnxDataType.String, shape, [], values.ToArray());
    }

    /// <summary>Creates a tensor from a TorchSharp tensor (float32, float64, int64, int32, int8, uint8 or bool).</summary>
    /// <param name="name">The value name.</param>
    /// <param name="value">The tensor; it is copied, not kept.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromTensor(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var scope = torch.NewDisposeScope();
        var (type, width) = value.dtype switch
        {
            torch.ScalarType.Float32 => (OnnxDataType.Float, 4),
            torch.ScalarType.Float64 => (OnnxDataType.Double, 8),
            torch.ScalarType.Int64 => (OnnxDataType.Int64, 8),
            torch.ScalarType.Int32 => (OnnxDataType.Int32, 4),
            torch.ScalarType.Int8 => (OnnxDataType.Int8, 1),
            torch.ScalarType.Byte => (OnnxDataType.UInt8, 1),
            torch.ScalarType.Bool => (OnnxDataType.Bool, 1),
            _ => throw new NotSupportedException(
                $"Tensor \"{name}\" has dtype {value.dtype}, which has no ONNX export. Expected float32, float64, " +
                "int64, int32, int8, uint8 or bool."),
        };
        var data = value.detach().cpu().contiguous();
        var bytes = new byte[data.numel() * width];
        data.bytes.CopyTo(bytes);
        return new OnnxTensor(name, type, data.shape, bytes, null);
    }

    private static OnnxTensor Create(string name, OnnxDataType type, long[] dims, int count, ReadOnlySpan<byte> bytes)
    {
        CheckCount(name, dims, count);
        return new OnnxTensor(name, type, dims, bytes.ToArray(), null);
    }

    private static void CheckCount(string name, long[] dims, long count)
    {
        long expected = dims.Aggregate(1L, (a, d) => a * d);
        if (expected != count)
        {
            throw new ArgumentException(
                $"Tensor \"{name}\" has dims [{string.Join(", ", dims)}] ({expected} elements) but {count} values " +
                "were given.", nameof(dims));
        }
    }
}

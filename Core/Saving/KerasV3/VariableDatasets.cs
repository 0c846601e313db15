using PureHDF;

namespace Keras.Saving.KerasV3;

/// <summary>Converts variables to HDF5 datasets and datasets back to tensors, with the variable's Keras shape and
/// numpy dtype (float32, float64, int8/16/32/64, uint8); a 0-d variable is a scalar dataset, as h5py writes it.</summary>
internal static class VariableDatasets
{
    /// <summary>A contiguous dataset holding a CPU copy of <paramref name="variable"/>.</summary>
    public static H5Dataset ToDataset(Variable variable)
    {
        using var scope = torch.NewDisposeScope();
        var value = variable.Value.detach().cpu().contiguous();
        ulong[] dims = value.shape.Select(d => (ulong)d).ToArray();
        return value.dtype switch
        {
            ScalarType.Float32 => Make(value.data<float>().ToArray(), dims),
            ScalarType.Float64 => Make(value.data<double>().ToArray(), dims),
            ScalarType.Int64 => Make(value.data<long>().ToArray(), dims),
            ScalarType.Int32 => Make(value.data<int>().ToArray(), dims),
            ScalarType.Int16 => Make(value.data<short>().ToArray(), dims),
            ScalarType.Int8 => Make(value.data<sbyte>().ToArray(), dims),
            ScalarType.Byte => Make(value.data<byte>().ToArray(), dims),
            var other => throw new NotSupportedException(
                $"Variable \"{variable.Path}\" has dtype {other}, which Keras.Net cannot write to a Keras 3 weights " +
                "file yet (supported: float32, float64, int8, int16, int32, int64, uint8)."),
        };
    }

    /// <summary>The dataset's shape (empty for a scalar).</summary>
    public static long[] ShapeOf(IH5Dataset dataset) => dataset.Space.Type == H5DataspaceType.Scalar
        ? []
        : dataset.Space.Dimensions.Select(d => (long)d).ToArray();

    /// <summary>Reads the dataset into a fresh CPU tensor of its own dtype and shape.</summary>
    /// <exception cref="NotSupportedException">The element type is not a number type Keras writes.</exception>
    public static Tensor Read(IH5Dataset dataset, string where)
    {
        long[] shape = ShapeOf(dataset);
        var type = dataset.Type;
        return (type.Class, type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 4) => torch.tensor(dataset.Read<float[]>(), shape),
            (H5DataTypeClass.FloatingPoint, 8) => torch.tensor(dataset.Read<double[]>(), shape),
            (H5DataTypeClass.FixedPoint, 8) => torch.tensor(dataset.Read<long[]>(), shape),
            (H5DataTypeClass.FixedPoint, 4) => torch.tensor(dataset.Read<int[]>(), shape),
            (H5DataTypeClass.FixedPoint, 2) => torch.tensor(dataset.Read<short[]>(), shape),
            (H5DataTypeClass.FixedPoint, 1) when type.FixedPoint.IsSigned => torch.tensor(dataset.Read<sbyte[]>(), shape),
            (H5DataTypeClass.FixedPoint, 1) => torch.tensor(dataset.Read<byte[]>(), shape),
            _ => throw new NotSupportedException(
                $"Dataset \"{where}\" has HDF5 type {type.Class} of {type.Size} bytes; Keras.Net reads float32, " +
                "float64 and integer weights (bfloat16 and other types are not supported)."),
        };
    }

    private static H5Dataset Make<T>(T[] data, ulong[] dims) where T : unmanaged => dims.Length == 0
        ? new H5Dataset<T>(data[0])
        : new H5Dataset(data, fileDims: dims);
}

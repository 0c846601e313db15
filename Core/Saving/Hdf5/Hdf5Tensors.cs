using PureHDF;

namespace Keras.Saving.Hdf5;

/// <summary>Datasets ⇄ tensors: reading checks the declared shape and type against what the target variable expects
/// before anything is allocated (a hostile file may declare huge dimensions); writing stores the Keras-layout shape
/// and dtype (a 0-d tensor as a scalar dataset).</summary>
internal static class Hdf5Tensors
{
    /// <summary>The declared dimensions of a dataset; empty for a scalar.</summary>
    internal static long[] Dimensions(IH5Dataset dataset, string? file, string describe) =>
        Hdf5Files.Guard(file, $"read the shape of {describe}", () =>
        {
            var space = dataset.Space;
            if (space.Type == H5DataspaceType.Scalar)
            {
                return Array.Empty<long>();
            }
            return space.Dimensions.Select(d => d > long.MaxValue ? -1L : (long)d).ToArray();
        });

    /// <summary>Reads a dataset into a new tensor of <paramref name="expectedShape"/> and
    /// <paramref name="expectedDType"/>, after checking that the dataset declares that shape and a compatible type
    /// (a float dataset for a float variable, an integer one for an integer or float variable).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="expectedShape">The target variable's shape.</param>
    /// <param name="expectedDType">The target variable's Keras dtype (<c>float32</c>, <c>int64</c>, …).</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="describe">Names the weight in messages: <c>layer "dense" weight 0 ("kernel")</c>.</param>
    /// <returns>A fresh tensor owned by the caller.</returns>
    /// <exception cref="KerasFileException">The shape or type does not fit, or the data cannot be read.</exception>
    internal static Tensor Read(IH5Dataset dataset, Shape expectedShape, string expectedDType, string? file,
        string describe)
    {
        CheckShape(dataset, expectedShape, file, describe);
        var (typeClass, size) = Hdf5Files.Guard(file, $"read the type of {describe}",
            () => (dataset.Type.Class, dataset.Type.Size));
        bool wantFloat = expectedDType.StartsWith("float", StringComparison.Ordinal);
        bool wantInt = expectedDType.StartsWith("int", StringComparison.Ordinal) ||
                       expectedDType.StartsWith("uint", StringComparison.Ordinal);
        long[] shape = expectedShape.ToLongArray();
        var dtype = Ops.DType(expectedDType);
        return (typeClass, size, wantFloat, wantInt) switch
        {
            (H5DataTypeClass.FloatingPoint, 4, true, _) => torch.tensor(ReadArray<float>(dataset, file, describe), shape)
                .to_type(dtype),
            (H5DataTypeClass.FloatingPoint, 8, true, _) => torch.tensor(ReadArray<double>(dataset, file, describe), shape)
                .to_type(dtype),
            // Integers also load into float variables, as Keras' assign casts them (EfficientNet's Normalization
            // `count` is stored as int64 by Keras 3, but is a float32 variable here).
            (H5DataTypeClass.FixedPoint, 8, _, _) when wantInt || wantFloat => torch.tensor(ReadArray<long>(dataset, file, describe), shape)
                .to_type(dtype),
            (H5DataTypeClass.FixedPoint, 4, _, _) when wantInt || wantFloat => torch.tensor(ReadArray<int>(dataset, file, describe), shape)
                .to_type(dtype),
            _ => throw new KerasFileException(
                $"Cannot load {describe} from {KerasFileException.Describe(file)}: the dataset holds " +
                $"{DescribeType(typeClass, size)} but the variable is {expectedDType}.", file),
        };
    }

    /// <summary>Fails when the dataset's declared dimensions differ from <paramref name="expectedShape"/>.</summary>
    /// <exception cref="KerasFileException">The shapes differ.</exception>
    internal static void CheckShape(IH5Dataset dataset, Shape expectedShape, string? file, string describe)
    {
        long[] dims = Dimensions(dataset, file, describe);
        long[] expected = expectedShape.ToLongArray();
        if (!dims.SequenceEqual(expected))
        {
            throw new KerasFileException(
                $"Cannot load weights from {KerasFileException.Describe(file)}: {describe} has shape " +
                $"{ShapeText(dims)} in the file but {ShapeText(expected)} in the model.", file);
        }
    }

    /// <summary>A dataset holding <paramref name="value"/> with its Keras shape and dtype (contiguous, as h5py
    /// writes it).</summary>
    /// <exception cref="NotSupportedException">The dtype has no HDF5 mapping here (only float32, float64, int32 and
    /// int64 are written).</exception>
    internal static H5Dataset ToDataset(Tensor value, string describe)
    {
        using var scope = torch.NewDisposeScope();
        var cpu = value.detach().cpu().contiguous();
        ulong[] dims = cpu.shape.Select(d => (ulong)d).ToArray();
        bool scalar = dims.Length == 0;
        return cpu.dtype switch
        {
            torch.ScalarType.Float32 => Make(cpu.data<float>().ToArray(), dims, scalar),
            torch.ScalarType.Float64 => Make(cpu.data<double>().ToArray(), dims, scalar),
            torch.ScalarType.Int64 => Make(cpu.data<long>().ToArray(), dims, scalar),
            torch.ScalarType.Int32 => Make(cpu.data<int>().ToArray(), dims, scalar),
            _ => throw new NotSupportedException(
                $"Cannot save {describe}: dtype {cpu.dtype} is not supported in HDF5 files; " +
                "supported are float32, float64, int32 and int64."),
        };
    }

    /// <summary>A shape as Keras prints it: <c>(64, 10)</c>, <c>(10,)</c>, <c>()</c>.</summary>
    internal static string ShapeText(IReadOnlyList<long> dims) => dims.Count == 1
        ? $"({dims[0]},)"
        : $"({string.Join(", ", dims)})";

    private static H5Dataset Make<T>(T[] data, ulong[] dims, bool scalar) where T : unmanaged =>
        scalar ? new H5Dataset<T>(data[0]) : new H5Dataset(data, fileDims: dims);

    private static T[] ReadArray<T>(IH5Dataset dataset, string? file, string describe) where T : unmanaged =>
        Hdf5Files.Guard(file, $"read {describe}", () => dataset.Read<T[]>());

    private static string DescribeType(H5DataTypeClass typeClass, int size) => typeClass switch
    {
        H5DataTypeClass.FloatingPoint => $"float{size * 8}",
        H5DataTypeClass.FixedPoint => $"int{size * 8}",
        _ => $"HDF5 type class {typeClass}",
    };
}

using System.Buffers.Binary;

namespace Keras.Datasets;

/// <summary>A numpy array read from a <c>.npy</c> member or a pickle: its dtype, shape and C-order contents.</summary>
/// <param name="Descr">The dtype as numpy's descriptor: <c>|u1</c>, <c>&lt;i8</c>, <c>&lt;f8</c>, <c>|O</c>...</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="Raw">The values' bytes for numeric dtypes; <see langword="null"/> for object arrays.</param>
/// <param name="Items">The Python objects of an object array (<c>|O</c>); otherwise <see langword="null"/>.</param>
internal sealed record NpyArray(string Descr, int[] Shape, byte[]? Raw, IReadOnlyList<object?>? Items)
{
    /// <summary>Gets the number of values (the product of the dimensions).</summary>
    public long Count => Shape.Aggregate(1L, (product, dim) => product * dim);

    /// <summary>Gets the shape as numpy prints it, such as <c>(2, 3)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>Checks that the data holds exactly <see cref="Count"/> values of the dtype.</summary>
    /// <param name="name">The member or file, for messages.</param>
    /// <exception cref="InvalidDataException">The dtype is not supported or the size is wrong.</exception>
    public void CheckSize(string name)
    {
        if (Items is not null)
        {
            return;
        }
        int size = ItemSize(Descr) ?? throw new InvalidDataException(
            $"{name} holds an array of dtype '{Descr}'; expected one of |u1, |i1, <i4, <i8, <f4, <f8 or |O.");
        if (Raw is null || Raw.LongLength != Count * size)
        {
            throw new InvalidDataException(
                $"{name} holds {Raw?.LongLength ?? 0} bytes for an array of shape {ShapeText} and dtype '{Descr}'; " +
                $"expected {Count * size}.");
        }
    }

    /// <summary>The values of a uint8 array.</summary>
    /// <param name="name">The member or file, for messages.</param>
    /// <returns>The bytes (not copied).</returns>
    /// <exception cref="InvalidDataException">The dtype is not uint8.</exception>
    public byte[] UInt8s(string name) => Descr == "|u1" && Raw is not null
        ? Raw
        : throw WrongDtype(name, "|u1 (uint8)");

    /// <summary>The values of an integer array, widened to 64 bits.</summary>
    /// <param name="name">The member or file, for messages.</param>
    /// <returns>A fresh array.</returns>
    /// <exception cref="InvalidDataException">The dtype is not an integer type.</exception>
    public long[] Int64s(string name)
    {
        var values = new long[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Descr switch
            {
                "|u1" => Raw![i],
                "|i1" => (sbyte)Raw![i],
                "<i4" => BinaryPrimitives.ReadInt32LittleEndian(Raw.AsSpan(4 * i)),
                "<i8" => BinaryPrimitives.ReadInt64LittleEndian(Raw.AsSpan(8 * i)),
                _ => throw WrongDtype(name, "an integer type (|u1, |i1, <i4, <i8)"),
            };
        }
        return values;
    }

    /// <summary>The values of a float array as doubles (float32 widens exactly).</summary>
    /// <param name="name">The member or file, for messages.</param>
    /// <returns>A fresh array.</returns>
    /// <exception cref="InvalidDataException">The dtype is not float32 or float64.</exception>
    public double[] Float64s(string name)
    {
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Descr switch
            {
                "<f8" => BinaryPrimitives.ReadDoubleLittleEndian(Raw.AsSpan(8 * i)),
                "<f4" => BinaryPrimitives.ReadSingleLittleEndian(Raw.AsSpan(4 * i)),
                _ => throw WrongDtype(name, "<f8 (float64) or <f4 (float32)"),
            };
        }
        return values;
    }

    /// <summary>The sequences of a 1-D object array of Python lists of integers (IMDB, Reuters).</summary>
    /// <param name="name">The member or file, for messages.</param>
    /// <returns>Fresh arrays, one per item.</returns>
    /// <exception cref="InvalidDataException">An item is not a list of integers that fit in 32 bits.</exception>
    public int[][] IntSequences(string name)
    {
        if (Items is null || Shape.Length != 1)
        {
            throw WrongDtype(name, "|O (a 1-D object array of lists)");
        }
        return Items.Select((item, i) => item is List<object?> list
                ? list.Select(w => w is long v and >= int.MinValue and <= int.MaxValue
                    ? (int)v
                    : throw new InvalidDataException($"{name}[{i}] holds {w ?? "None"}; expected 32-bit integers."))
                    .ToArray()
                : throw new InvalidDataException($"{name}[{i}] is not a list of integers.")).ToArray();
    }

    private static int? ItemSize(string descr) => descr switch
    {
        "|u1" or "|i1" => 1,
        "<i4" or "<f4" => 4,
        "<i8" or "<f8" => 8,
        _ => null,
    };

    private InvalidDataException WrongDtype(string name, string expected) =>
        new($"{name} holds an array of dtype '{Descr}' and shape {ShapeText}; expected dtype {expected}.");
}

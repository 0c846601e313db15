using System.Buffers.Binary;
using System.Text;
using Keras.Datasets.Pickling;

namespace Keras.Datasets;

/// <summary>A strict reader of numpy <c>.npy</c> arrays: numeric dtypes in C order, and object arrays through the
/// <see cref="RestrictedUnpickler"/> (Keras' <c>load_npy_member</c>).</summary>
/// <remarks>Layout: magic <c>\x93NUMPY</c>, version (1.0: 2-byte little-endian header length; 2.0 and 3.0: 4-byte),
/// the header dictionary (latin-1, or UTF-8 in 3.0), then the raw values, or for dtype <c>|O</c> a pickle of the
/// array. Other dtypes and Fortran order are rejected with an <see cref="InvalidDataException"/>.</remarks>
internal static class NpyReader
{
    private static readonly byte[] _magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a uint8 array.</summary>
    /// <param name="stream">The <c>.npy</c> bytes.</param>
    /// <param name="name">The file or member name, for messages.</param>
    /// <param name="length">The stream's length when known, checked before allocating.</param>
    /// <returns>The shape and the values in C order.</returns>
    /// <exception cref="InvalidDataException">The stream is not a uint8 <c>.npy</c> array.</exception>
    internal static (int[] Shape, byte[] Data) ReadUInt8(Stream stream, string name, long? length = null)
    {
        NpyArray array = Read(stream, name, length, allowObjects: false);
        return (array.Shape, array.UInt8s(name));
    }

    /// <summary>Reads an array of any supported dtype.</summary>
    /// <param name="stream">The <c>.npy</c> bytes.</param>
    /// <param name="name">The file or member name, for messages.</param>
    /// <param name="length">The stream's length when known, checked before allocating.</param>
    /// <param name="allowObjects">Whether an object array (<c>|O</c>) is read through the restricted unpickler;
    /// when <see langword="false"/> it is rejected.</param>
    /// <returns>The array.</returns>
    /// <exception cref="InvalidDataException">The stream is not a supported <c>.npy</c> array, or its pickle names a
    /// global outside numpy's array reconstruction.</exception>
    internal static NpyArray Read(Stream stream, string name, long? length = null, bool allowObjects = true)
    {
        try
        {
            (NpyHeader header, long offset) = ReadHeader(stream, name, length);
            string descr = Normalize(header.Descr);
            if (descr == "|O")
            {
                return allowObjects
                    ? ReadObjects(stream, name, header)
                    : throw Invalid(name, "it is an object array (dtype '|O'), whose data is a pickle stream. " +
                        "Expected dtype '|u1' (uint8)");
            }
            if (header.FortranOrder)
            {
                throw Invalid(name, "it is stored in Fortran (column-major) order; expected fortran_order False");
            }
            var probe = new NpyArray(descr, header.Shape, [], null);
            double count = header.Shape.Aggregate(1.0, (product, dim) => product * dim);
            int itemSize = descr switch { "|u1" or "|i1" => 1, "<i4" or "<f4" => 4, "<i8" or "<f8" => 8, _ => 0 };
            if (itemSize == 0)
            {
                probe.CheckSize(name);
            }
            double bytes = count * itemSize;
            if (bytes > Array.MaxLength || (length is { } total && offset + bytes != total))
            {
                throw Invalid(name, $"its shape {probe.ShapeText} and dtype '{descr}' do not match its size");
            }
            byte[] data = new byte[(int)bytes];
            stream.ReadExactly(data);
            if (stream.ReadByte() != -1)
            {
                throw Invalid(name, $"it holds more bytes than its shape {probe.ShapeText} and dtype '{descr}' need");
            }
            return probe with { Raw = data };
        }
        catch (EndOfStreamException)
        {
            throw Invalid(name, "it is truncated");
        }
    }

    private static (NpyHeader Header, long Offset) ReadHeader(Stream stream, string name, long? length)
    {
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(_magic))
        {
            throw Invalid(name, "it does not start with the magic string \\x93NUMPY");
        }
        byte major = prefix[6];
        if (major is < 1 or > 3 || prefix[7] != 0)
        {
            throw Invalid(name, $"its format version is {major}.{prefix[7]}; expected 1.0, 2.0 or 3.0");
        }
        int sizeBytes = major == 1 ? 2 : 4;
        Span<byte> size = stackalloc byte[sizeBytes];
        stream.ReadExactly(size);
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(size)
            : BinaryPrimitives.ReadUInt32LittleEndian(size);
        long offset = 8 + sizeBytes + headerLength;
        if (headerLength > 1 << 20 || (length is { } l && offset > l))
        {
            throw Invalid(name, $"its header length {headerLength} is larger than the file");
        }
        byte[] headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        string headerText = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        return (NpyHeader.Parse(headerText, name), offset);
    }

    private static NpyArray ReadObjects(Stream stream, string name, NpyHeader header)
    {
        using var rest = new MemoryStream();
        stream.CopyTo(rest);
        object? value = RestrictedUnpickler.Load(rest.GetBuffer()[..(int)rest.Length], 0, name);
        if (value is not NpyArray { Items: not null } array || !array.Shape.SequenceEqual(header.Shape))
        {
            throw Invalid(name, $"its pickle does not hold an object array of shape ({string.Join(", ", header.Shape)})");
        }
        return array;
    }

    private static string Normalize(string descr) => descr switch
    {
        "u1" or "<u1" or ">u1" or "|u1" => "|u1",
        "i1" or "<i1" or ">i1" or "|i1" => "|i1",
        "O" or "|O" or "<O" or ">O" => "|O",
        _ => descr,
    };

    private static InvalidDataException Invalid(string name, string why) =>
        new($"{name} is not a valid .npy file: {why}.");
}

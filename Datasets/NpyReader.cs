using System.Buffers.Binary;
using System.Text;

namespace Keras.Datasets;

/// <summary>A strict reader of numpy <c>.npy</c> arrays of uint8 (<c>|u1</c>), C order; it never unpickles.</summary>
/// <remarks>Layout: magic <c>\x93NUMPY</c>, version (1.0: 2-byte little-endian header length; 2.0 and 3.0: 4-byte),
/// the header dictionary (latin-1, or UTF-8 in 3.0), then the raw values. Object arrays (<c>|O</c>, a pickle
/// stream), other dtypes and Fortran order are rejected with an <see cref="InvalidDataException"/>.</remarks>
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
        try
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
            NpyHeader header = NpyHeader.Parse(headerText, name);
            Check(header, name);
            double count = header.Shape.Aggregate(1.0, (product, dim) => product * dim);
            if (count > Array.MaxLength || (length is { } total && offset + count != total))
            {
                throw Invalid(name, $"its shape ({string.Join(", ", header.Shape)}) does not match its size");
            }
            byte[] data = new byte[(int)count];
            stream.ReadExactly(data);
            if (stream.ReadByte() != -1)
            {
                throw Invalid(name, $"it holds more bytes than its shape ({string.Join(", ", header.Shape)})");
            }
            return (header.Shape, data);
        }
        catch (EndOfStreamException)
        {
            throw Invalid(name, "it is truncated");
        }
    }

    private static void Check(NpyHeader header, string name)
    {
        if (header.Descr == "|O")
        {
            throw Invalid(name, "it is an object array (dtype '|O'), whose data is a pickle stream; Keras.Net never " +
                "unpickles. Expected dtype '|u1' (uint8)");
        }
        if (header.Descr is not ("|u1" or "<u1" or ">u1" or "u1"))
        {
            throw Invalid(name, $"its dtype is '{header.Descr}'; expected '|u1' (uint8)");
        }
        if (header.FortranOrder)
        {
            throw Invalid(name, "it is stored in Fortran (column-major) order; expected fortran_order False");
        }
    }

    private static InvalidDataException Invalid(string name, string why) =>
        new($"{name} is not a valid .npy file: {why}.");
}

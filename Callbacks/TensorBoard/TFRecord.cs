using System.Buffers.Binary;

namespace Keras.Callbacks;

/// <summary>TFRecord framing, the container of TensorFlow event files: for each record a little-endian
/// <c>uint64</c> length, the masked CRC-32C of those 8 bytes, the data, then the masked CRC-32C of the data.</summary>
internal static class TFRecord
{
    /// <summary>The bytes a record of <paramref name="dataLength"/> bytes takes in the file.</summary>
    internal static long FramedLength(long dataLength) => 8 + 4 + dataLength + 4;

    /// <summary>Appends one record holding <paramref name="data"/> to <paramref name="stream"/>.</summary>
    internal static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        stream.Write(header);
        stream.Write(data);
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(data));
        stream.Write(footer);
    }
}

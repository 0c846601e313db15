using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Keras.Datasets;

/// <summary>Reads gzip'd IDX files (MNIST's format): big-endian headers, then row-major uint8 values.</summary>
/// <remarks>Images: magic 2051, count, rows, cols. Labels: magic 2049, count. The header must match the data
/// exactly; anything else is an <see cref="InvalidDataException"/> naming the file. Each read also returns the
/// SHA-256 of the decompressed bytes, which does not depend on how the file was gzip'd.</remarks>
internal static class IdxReader
{
    /// <summary>The magic number of an IDX file of unsigned bytes with three dimensions.</summary>
    internal const int ImagesMagic = 0x0803;

    /// <summary>The magic number of an IDX file of unsigned bytes with one dimension.</summary>
    internal const int LabelsMagic = 0x0801;

    /// <summary>Reads an images file into an (N, rows, cols) array.</summary>
    /// <param name="path">The <c>.gz</c> file.</param>
    /// <returns>The images and the SHA-256 of the decompressed file.</returns>
    internal static (byte[,,] Images, string ContentSha256) ReadImages(string path)
    {
        (Array images, string sha256) = Read(path, ImagesMagic, header =>
        {
            int count = ReadDimension(header, 4, path, "image count");
            int rows = ReadDimension(header, 8, path, "row count");
            int cols = ReadDimension(header, 12, path, "column count");
            if ((double)count * rows * cols > Array.MaxLength)
            {
                throw Invalid(path, $"its header claims {count}x{rows}x{cols} values, more than an array can hold");
            }
            return new byte[count, rows, cols];
        });
        return ((byte[,,])images, sha256);
    }

    /// <summary>Reads a labels file into an (N) array.</summary>
    /// <param name="path">The <c>.gz</c> file.</param>
    /// <returns>The labels and the SHA-256 of the decompressed file.</returns>
    internal static (byte[] Labels, string ContentSha256) ReadLabels(string path)
    {
        (Array labels, string sha256) =
            Read(path, LabelsMagic, header => new byte[ReadDimension(header, 4, path, "label count")]);
        return ((byte[])labels, sha256);
    }

    private static (Array Values, string ContentSha256) Read(string path, int magic, Func<byte[], Array> allocate)
    {
        int headerLength = magic == ImagesMagic ? 16 : 8;
        try
        {
            using FileStream file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] header = new byte[headerLength];
            gzip.ReadExactly(header.AsSpan(0, 4));
            int found = BinaryPrimitives.ReadInt32BigEndian(header);
            if (found != magic)
            {
                throw Invalid(path, $"its magic number is {found}, expected {magic} " +
                    $"({(magic == ImagesMagic ? "an IDX images file" : "an IDX labels file")})");
            }
            gzip.ReadExactly(header.AsSpan(4));
            hash.AppendData(header);
            Array array = allocate(header);
            Span<byte> data = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(array), array.Length);
            gzip.ReadExactly(data);
            hash.AppendData(data);
            if (gzip.ReadByte() != -1)
            {
                throw Invalid(path, $"it holds more data than its header's {array.Length} values");
            }
            return (array, FileHash.Finish(hash));
        }
        catch (EndOfStreamException)
        {
            throw Invalid(path, "it is truncated: it ends before the data its header describes");
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(Prefix(path), StringComparison.Ordinal))
        {
            throw Invalid(path, $"it is not a valid gzip file ({e.Message})", e);
        }
    }

    private static int ReadDimension(byte[] header, int offset, string path, string what)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(offset));
        return value >= 0 ? value : throw Invalid(path, $"its {what} is negative ({value})");
    }

    private static string Prefix(string path) => $"{Path.GetFileName(path)} is not a valid IDX file";

    private static InvalidDataException Invalid(string path, string why, Exception? inner = null) =>
        new($"{Prefix(path)}: {why}. File: {path}", inner);
}

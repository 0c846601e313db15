using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Keras.Tests.Datasets;

/// <summary>Builds small IDX, .npy and .npz files byte by byte, independently of the readers under test.</summary>
internal static class DatasetTestFiles
{
    internal static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        }
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    internal static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }
        return output.ToArray();
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Deterministic pseudo-random bytes, so each test's data differs from the next.</summary>
    internal static byte[] Bytes(int count, int seed, int modulo = 256)
    {
        var random = new Random(seed);
        var bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)random.Next(modulo);
        }
        return bytes;
    }

    /// <summary>A .npy file as numpy writes it: magic, version, header length, then the padded dict.</summary>
    internal static byte[] Npy(string descr, int[] shape, byte[] data, bool fortranOrder = false, int version = 1)
    {
        string dims = shape.Length == 1
            ? $"({shape[0]},)"
            : $"({string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
        string order = fortranOrder ? "True" : "False";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {order}, 'shape': {dims}, }}";
        return NpyWithHeader(dict, data, version);
    }

    internal static byte[] NpyWithHeader(string dict, byte[] data, int version = 1)
    {
        int prefix = 8 + (version == 1 ? 2 : 4);
        int padded = (prefix + dict.Length + 1 + 63) / 64 * 64;
        string header = dict + new string(' ', padded - prefix - dict.Length - 1) + "\n";
        using var output = new MemoryStream();
        output.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)version, 0]);
        var length = new byte[version == 1 ? 2 : 4];
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        }
        output.Write(length);
        output.Write(Encoding.Latin1.GetBytes(header));
        output.Write(data);
        return output.ToArray();
    }

    internal static byte[] Npz(params (string Key, byte[] Npy)[] members)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            foreach ((string key, byte[] npy) in members)
            {
                using Stream entry = zip.CreateEntry($"{key}.npy").Open();
                entry.Write(npy);
            }
        }
        return output.ToArray();
    }

    /// <summary>An MNIST-shaped npz with <paramref name="train"/> and <paramref name="test"/> images of 4x3.</summary>
    internal static (byte[] Npz, byte[] XTrain, byte[] YTrain, byte[] XTest, byte[] YTest) MnistNpz(
        int train, int test, int seed)
    {
        byte[] xTrain = Bytes(train * 12, seed);
        byte[] yTrain = Bytes(train, seed + 1, 10);
        byte[] xTest = Bytes(test * 12, seed + 2);
        byte[] yTest = Bytes(test, seed + 3, 10);
        byte[] npz = Npz(
            ("x_train", Npy("|u1", [train, 4, 3], xTrain)),
            ("y_train", Npy("|u1", [train], yTrain)),
            ("x_test", Npy("|u1", [test, 4, 3], xTest)),
            ("y_test", Npy("|u1", [test], yTest)));
        return (npz, xTrain, yTrain, xTest, yTest);
    }
}

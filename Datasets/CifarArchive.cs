using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Keras.Datasets.Pickling;

namespace Keras.Datasets;

/// <summary>Reads CIFAR batches straight from Keras' cached <c>.tar.gz</c>: each member is a Python 2 pickle of a
/// dict with <c>data</c> (uint8, (N, 3072), channels first) and a label list, read with the
/// <see cref="RestrictedUnpickler"/> as Keras' <c>load_batch</c> does.</summary>
internal static class CifarArchive
{
    private const int Pixels = 3 * 32 * 32;
    private const long MaxMemberBytes = 1L << 30;

    /// <summary>Reads the named batches.</summary>
    /// <param name="path">The <c>.tar.gz</c> file.</param>
    /// <param name="members">The members to read, such as <c>cifar-10-batches-py/test_batch</c>.</param>
    /// <param name="labelKey">The dict key of the labels (<c>labels</c>, <c>fine_labels</c>, <c>coarse_labels</c>).</param>
    /// <returns>Each member's images (channels first, flat) and labels, in the order of
    /// <paramref name="members"/>.</returns>
    /// <exception cref="InvalidDataException">The archive is corrupt, lacks a member, or a pickle is refused.</exception>
    internal static (byte[] Images, long[] Labels)[] Read(string path, IReadOnlyList<string> members, string labelKey)
    {
        var found = new Dictionary<string, (byte[] Images, long[] Labels)>();
        try
        {
            using FileStream file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (!members.Contains(entry.Name) || entry.DataStream is not { } data
                    || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }
                if (entry.Length > MaxMemberBytes)
                {
                    throw new InvalidDataException($"{path}: member {entry.Name} claims {entry.Length} bytes.");
                }
                byte[] bytes = new byte[entry.Length];
                data.ReadExactly(bytes);
                found[entry.Name] = ParseBatch(bytes, $"{path}/{entry.Name}", labelKey);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a valid CIFAR .tar.gz archive: {e.Message}", e);
        }
        string[] missing = members.Where(m => !found.ContainsKey(m)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException(
                $"{path} is not the CIFAR archive Keras downloads: it lacks {string.Join(", ", missing)}.");
        }
        return members.Select(m => found[m]).ToArray();
    }

    /// <summary>Joins batches into channels-last images, as Keras' loaders transpose (0, 2, 3, 1).</summary>
    /// <param name="batches">The batches' images, channels first.</param>
    /// <returns>A fresh array of shape (N, 32, 32, 3).</returns>
    internal static byte[,,,] ChannelsLast(IReadOnlyList<byte[]> batches)
    {
        int count = batches.Sum(b => b.Length / Pixels);
        var images = new byte[count, 32, 32, 3];
        // The (N, 32, 32, 3) array is one contiguous C-order block; writing it as a flat span avoids the cost of
        // four-dimensional indexing on 150 million pixels.
        Span<byte> target = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(images), images.Length);
        int offset = 0;
        foreach (byte[] batch in batches)
        {
            for (int i = 0; i < batch.Length / Pixels; i++, offset += Pixels)
            {
                ReadOnlySpan<byte> source = batch.AsSpan(i * Pixels, Pixels);
                Span<byte> image = target.Slice(offset, Pixels);
                for (int c = 0; c < 3; c++)
                {
                    ReadOnlySpan<byte> plane = source.Slice(c * 1024, 1024);
                    for (int p = 0; p < 1024; p++)
                    {
                        image[p * 3 + c] = plane[p];
                    }
                }
            }
        }
        return images;
    }

    private static (byte[] Images, long[] Labels) ParseBatch(byte[] bytes, string name, string labelKey)
    {
        if (RestrictedUnpickler.Load(bytes, 0, name) is not Dictionary<string, object?> batch)
        {
            throw new InvalidDataException($"{name} is not a CIFAR batch: its pickle does not hold a dict.");
        }
        if (!batch.TryGetValue("data", out object? data) || data is not NpyArray { Shape: [var count, Pixels] } images)
        {
            throw new InvalidDataException(
                $"{name} is not a CIFAR batch: its 'data' is not a uint8 array of shape (N, {Pixels}).");
        }
        long[] labels = batch.GetValueOrDefault(labelKey) switch
        {
            List<object?> list => list.Select(v => v is long l ? l : throw BadLabels(name, labelKey)).ToArray(),
            NpyArray array => array.Int64s(name),
            _ => throw new InvalidDataException(
                $"{name} is not a CIFAR batch with '{labelKey}': it holds {string.Join(", ", batch.Keys)}."),
        };
        if (labels.Length != count)
        {
            throw new InvalidDataException($"{name} holds {count} images but {labels.Length} '{labelKey}'.");
        }
        return (images.UInt8s(name), labels);
    }

    private static InvalidDataException BadLabels(string name, string labelKey) =>
        new($"{name} is not a CIFAR batch: its '{labelKey}' is not a list of integers.");
}

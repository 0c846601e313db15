using System.Text;
using PureHDF;

namespace Keras.Saving.Hdf5;

/// <summary>String attributes as Keras writes them (keras-formats.md §1.1): read leniently (scalar or 1-D, fixed or
/// variable length, the empty float64 array as an empty list, lists chunked into <c>name0..N</c>), written as h5py 3
/// writes them (variable-length strings) with Keras' 64512-byte chunking rule.</summary>
internal static class Hdf5Attributes
{
    /// <summary>Keras' <c>HDF5_OBJECT_HEADER_LIMIT</c>: the largest name list stored as one attribute.</summary>
    internal const int HeaderLimit = 64512;

    /// <summary>The most elements one variable-length string attribute may hold: each takes 16 bytes in the object
    /// header, and PureHDF cannot write an attribute larger than 64 KB (purehdf-notes §3.4).</summary>
    internal const int MaxVlenElements = HeaderLimit / 16;

    /// <summary>Reads a string attribute (scalar, or the first element of a 1-D array); null when absent.</summary>
    /// <exception cref="KerasFileException">The attribute is not a string.</exception>
    internal static string? ReadString(IH5Object owner, string name, string? file)
    {
        if (!Hdf5Files.Guard(file, $"look up attribute \"{name}\"", () => owner.AttributeExists(name)))
        {
            return null;
        }
        var values = ReadStrings(owner, name, file);
        return values.Length > 0 ? values[0] : "";
    }

    /// <summary>Reads a name list (<c>layer_names</c>, <c>weight_names</c>): the plain attribute when present, else the
    /// chunks <c>name0</c>, <c>name1</c>, … concatenated; null when neither exists.</summary>
    /// <exception cref="KerasFileException">An attribute is neither strings nor an empty numeric array.</exception>
    internal static IReadOnlyList<string>? ReadStringList(IH5Object owner, string name, string? file)
    {
        if (Hdf5Files.Guard(file, $"look up attribute \"{name}\"", () => owner.AttributeExists(name)))
        {
            return ReadStrings(owner, name, file);
        }
        var result = new List<string>();
        int chunk = 0;
        while (Hdf5Files.Guard(file, $"look up attribute \"{name}{chunk}\"", () => owner.AttributeExists($"{name}{chunk}")))
        {
            result.AddRange(ReadStrings(owner, $"{name}{chunk}", file));
            chunk++;
        }
        return chunk == 0 ? null : result;
    }

    /// <summary>Writes a name list as Keras' <c>save_attributes_to_hdf5_group</c> does: one attribute when the list
    /// as a fixed-length byte array fits 64512 bytes, else the fewest numpy-<c>array_split</c> pieces that fit, named
    /// <c>name0</c>, <c>name1</c>, …. An empty list is written as an empty float64 array, as h5py writes <c>[]</c>.</summary>
    /// <exception cref="ArgumentException">One name alone is longer than 64512 bytes (Keras refuses it too).</exception>
    internal static void WriteStringList(IDictionary<string, object> attributes, string name,
        IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            attributes[name] = Array.Empty<double>();
            return;
        }
        int maxLength = items.Max(s => Encoding.UTF8.GetByteCount(s));
        if (maxLength > HeaderLimit)
        {
            var longest = items.First(s => Encoding.UTF8.GetByteCount(s) == maxLength);
            throw new ArgumentException(
                $"The following attributes cannot be saved to HDF5 file because they are larger than {HeaderLimit} " +
                $"bytes: {longest[..Math.Min(80, longest.Length)]}…", nameof(items));
        }
        int pieces = 1;
        while (!Fits(items.Count, pieces, Math.Max(1, maxLength)))
        {
            pieces++;
        }
        if (pieces == 1)
        {
            attributes[name] = items.ToArray();
            return;
        }
        int offset = 0;
        for (int i = 0; i < pieces; i++)
        {
            int size = PieceSize(items.Count, pieces, i);
            attributes[$"{name}{i}"] = items.Skip(offset).Take(size).ToArray();
            offset += size;
        }
    }

    /// <summary>numpy's <c>array_split</c>: the first <c>count % pieces</c> pieces get one element more.</summary>
    internal static int PieceSize(int count, int pieces, int index) =>
        count / pieces + (index < count % pieces ? 1 : 0);

    private static bool Fits(int count, int pieces, int maxLength)
    {
        long largest = PieceSize(count, pieces, 0);
        return largest * maxLength <= HeaderLimit && largest <= MaxVlenElements;
    }

    private static string[] ReadStrings(IH5Object owner, string name, string? file)
    {
        string what = $"read attribute \"{name}\" of \"{owner.Name}\"";
        return Hdf5Files.Guard(file, what, () =>
        {
            var attribute = owner.Attribute(name);
            var type = attribute.Type;
            bool scalar = attribute.Space.Type == H5DataspaceType.Scalar;
            if (type.Class is H5DataTypeClass.FloatingPoint or H5DataTypeClass.FixedPoint)
            {
                // h5py stores an empty Python list as an empty float64 array.
                ulong[] dims = attribute.Space.Dimensions;
                if (!scalar && dims.Aggregate(1UL, (a, b) => a * b) == 0)
                {
                    return Array.Empty<string>();
                }
                throw new KerasFileException(
                    $"Attribute \"{name}\" of \"{owner.Name}\" in {KerasFileException.Describe(file)} holds numbers; " +
                    "expected strings.", file);
            }
            if (type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            {
                throw new KerasFileException(
                    $"Attribute \"{name}\" of \"{owner.Name}\" in {KerasFileException.Describe(file)} has HDF5 type " +
                    $"class {type.Class}; expected strings.", file);
            }
            string[] values = scalar ? [attribute.Read<string>()] : attribute.Read<string[]>();
            // Fixed-length NULLTERM strings may keep their terminator.
            return values.Select(v => (v ?? "").TrimEnd('\0')).ToArray();
        });
    }
}

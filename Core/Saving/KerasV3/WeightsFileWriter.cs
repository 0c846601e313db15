using PureHDF;

namespace Keras.Saving.KerasV3;

/// <summary>Writes the groups of a <see cref="SaveableWalk"/> as a Keras 3 <c>.weights.h5</c>: every <c>vars</c>
/// group (empty ones too) with its <c>@name</c>, datasets <c>"0"</c>…<c>"N-1"</c>, contiguous and uncompressed.</summary>
internal static class WeightsFileWriter
{
    /// <summary>Writes the HDF5 file to <paramref name="stream"/> (left positioned at 0).</summary>
    public static void Write(IReadOnlyList<SaveableEntry> entries, Stream stream)
    {
        var file = new H5File();
        foreach (var entry in entries)
        {
            var vars = new H5Group { Attributes = new() { ["name"] = entry.Name } };
            for (int i = 0; i < entry.Variables.Count; i++)
            {
                vars[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    VariableDatasets.ToDataset(entry.Variables[i]);
            }
            Parent(file, entry.VarsPath)["vars"] = vars;
        }
        // PureHDF's default makes small datasets compact; h5py (and so Keras) writes them contiguous.
        file.Write(stream, new H5WriteOptions(PreferCompactDatasetLayout: false));
        stream.Position = 0;
    }

    /// <summary>The group that will hold the <c>vars</c> link of <paramref name="varsPath"/>, creating the
    /// intermediate groups (PureHDF breaks on '/' inside a link name).</summary>
    private static H5Group Parent(H5Group root, string varsPath)
    {
        var group = root;
        var segments = varsPath.Split('/');
        foreach (var segment in segments[..^1])
        {
            if (!group.TryGetValue(segment, out var child))
            {
                child = new H5Group();
                group[segment] = child;
            }
            group = (H5Group)child;
        }
        return group;
    }
}

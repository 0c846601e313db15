using System.Globalization;
using Keras.Saving.Hdf5;
using PureHDF;

namespace Keras.Saving.KerasV3;

/// <summary>Writes a model's Keras 3 weights file (<c>.weights.h5</c>, or <c>model.weights.h5</c> in a
/// <c>.keras</c>): every <c>vars</c> group of the <see cref="SaveableWalk"/> (empty ones too) with its <c>@name</c>,
/// datasets <c>"0"</c>…<c>"N-1"</c>, contiguous and uncompressed; then <c>optimizer/vars</c> when the model has a
/// built optimizer (keras-formats.md §2.4).</summary>
internal static class WeightsFileWriter
{
    /// <summary>Writes the file to <paramref name="stream"/>, which is left positioned at 0.</summary>
    public static void Write(Model model, Stream stream)
    {
        var file = new H5File();
        foreach (var entry in SaveableWalk.Walk(model))
        {
            var values = entry.Variables.Select(v => v.Value).ToList();
            Add(file, entry.VarsPath, entry.Name, values, i => $"{entry.Describe()} weight {i} ({entry.Variables[i].Name})");
        }
        if (model.Optimizer is { } optimizer && optimizer.GetState() is { Count: > 0 } state)
        {
            try
            {
                Add(file, "optimizer/vars", optimizer.Name, state.Select(s => s.Value).ToList(),
                    i => $"optimizer variable \"{state[i].Path}\"");
            }
            finally
            {
                foreach (var (_, value) in state)
                {
                    value.Dispose();
                }
            }
        }
        Hdf5Files.Write(file, stream);
        stream.Position = 0;
    }

    private static void Add(H5File file, string varsPath, string name, IReadOnlyList<Tensor> values,
        Func<int, string> describe)
    {
        var vars = new H5Group { Attributes = new() { ["name"] = name } };
        for (int i = 0; i < values.Count; i++)
        {
            vars[i.ToString(CultureInfo.InvariantCulture)] = Hdf5Tensors.ToDataset(values[i], describe(i));
        }
        Parent(file, varsPath)["vars"] = vars;
    }

    /// <summary>The group that will hold the <c>vars</c> link of <paramref name="varsPath"/>, creating the
    /// intermediate groups (PureHDF writes a broken link for a name containing '/').</summary>
    private static H5Group Parent(H5Group root, string varsPath)
    {
        var group = root;
        foreach (var segment in varsPath.Split('/')[..^1])
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

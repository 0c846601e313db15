using System.Globalization;
using Keras.Saving.Hdf5;
using PureHDF;

namespace Keras.Saving.KerasV3;

/// <summary>Loads a Keras 3 weights file into a model, as Keras' <c>H5IOStore</c> and
/// <c>_check_load_own_variables</c> do: each object's dataset count and shapes must match its variables, and a missing
/// group reads as empty. Everything is read and checked before anything is assigned, so a failed load leaves the
/// model unchanged.</summary>
/// <remarks>Compatibility (keras-formats.md §2.4.3, §2.7): files of Keras 2.13 keep layers under
/// <c>_layer_checkpoint_dependencies</c>; tf-keras 2.15 and Keras 3.0.0/3.0.1 reach MultiHeadAttention's projections
/// through the private attributes (<c>_query_dense</c> rather than <c>query_dense</c>). Optimizer state that does not
/// fit is skipped with a warning, as Keras does.</remarks>
internal static class WeightsFileReader
{
    private const string LegacyLayers = "_layer_checkpoint_dependencies";

    /// <summary>Loads the weights (and, for a compiled model, the optimizer state when the file has it).</summary>
    /// <param name="root">The HDF5 root.</param>
    /// <param name="model">The model, built.</param>
    /// <param name="file">The file, for messages (<c>m.keras/model.weights.h5</c>).</param>
    /// <param name="skipMismatch">Skip (with a warning) objects whose count or shapes differ instead of failing.</param>
    /// <returns>The warnings for what was skipped.</returns>
    /// <exception cref="KerasFileException">A count or shape differs and <paramref name="skipMismatch"/> is false, or
    /// a dataset cannot be read.</exception>
    public static IReadOnlyList<string> Load(IH5Group root, Model model, string file, bool skipMismatch)
    {
        var warnings = new List<string>();
        var pending = new List<(Variable Variable, Tensor Value)>();
        Tensor[]? optimizerState = null;
        try
        {
            bool legacyLayers = Hdf5Files.Guard(file, "list the root group", () => root.LinkExists(LegacyLayers));
            foreach (var entry in SaveableWalk.Walk(model))
            {
                if (entry.Owner is null)
                {
                    continue;   // a placeholder for a variable-free Keras sublayer: nothing to load
                }
                var group = FindVars(root, entry.Path, legacyLayers, file);
                if (Mismatch(group, entry, file) is { } problem)
                {
                    if (!skipMismatch)
                    {
                        throw new KerasFileException(
                            problem + " Pass skipMismatch: true to skip it with a warning.", file);
                    }
                    warnings.Add($"Skipping {entry.Describe()}: {problem}");
                    continue;
                }
                pending.AddRange(entry.Variables.Zip(ReadValues(group, entry, file)));
            }
            optimizerState = ReadOptimizer(root, model, file, warnings);
            foreach (var (variable, value) in pending)
            {
                variable.Assign(value);
            }
            if (optimizerState is not null)
            {
                model.Optimizer!.SetState(model.TrainableWeights, optimizerState, file);
            }
            return warnings;
        }
        finally
        {
            foreach (var (_, value) in pending)
            {
                value.Dispose();
            }
            foreach (var value in optimizerState ?? [])
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Keras' <c>_check_load_own_variables</c> plus the shape checks: what does not fit, or null.</summary>
    private static string? Mismatch(IH5Group? group, SaveableEntry entry, string file)
    {
        string groupPath = "/" + entry.VarsPath;
        var names = DatasetNames(group, file, groupPath);
        if (names.Count != entry.Variables.Count)
        {
            return $"Cannot load weights from \"{file}\": {entry.Describe()} expected {entry.Variables.Count} " +
                $"variables [{string.Join(", ", entry.Variables.Select(v => v.Name))}], but group \"{groupPath}\" " +
                $"holds {names.Count}{(group is null ? " (the group is missing)" : "")}.";
        }
        for (int i = 0; i < entry.Variables.Count; i++)
        {
            string key = i.ToString(CultureInfo.InvariantCulture);
            string describe = Describe(entry, i, groupPath);
            if (!names.Contains(key))
            {
                return $"Cannot load weights from \"{file}\": {describe} is missing; the group holds " +
                    $"[{string.Join(", ", names.Order(StringComparer.Ordinal))}].";
            }
            var dataset = Hdf5Files.Guard(file, $"open {describe}", () => group!.Dataset(key));
            long[] shape = Hdf5Tensors.Dimensions(dataset, file, describe);
            long[] expected = entry.Variables[i].Shape.ToLongArray();
            if (!shape.SequenceEqual(expected))
            {
                return $"Cannot load weights from \"{file}\": {describe} has shape {Hdf5Tensors.ShapeText(shape)} " +
                    $"in the file but {Hdf5Tensors.ShapeText(expected)} in the model.";
            }
        }
        return null;
    }

    /// <summary>The entry's datasets as fresh tensors in its variables' dtypes (after <see cref="Mismatch"/> found
    /// nothing wrong).</summary>
    private static List<Tensor> ReadValues(IH5Group? group, SaveableEntry entry, string file)
    {
        var values = new List<Tensor>();
        try
        {
            for (int i = 0; i < entry.Variables.Count; i++)
            {
                var variable = entry.Variables[i];
                string describe = Describe(entry, i, "/" + entry.VarsPath);
                var dataset = Hdf5Files.Guard(file, $"open {describe}",
                    () => group!.Dataset(i.ToString(CultureInfo.InvariantCulture)));
                values.Add(Hdf5Tensors.Read(dataset, variable.Shape, variable.DType, file, describe));
            }
            return values;
        }
        catch
        {
            values.ForEach(v => v.Dispose());
            throw;
        }
    }

    private static string Describe(SaveableEntry entry, int index, string groupPath) =>
        $"{entry.Describe()} weight {index} (\"{entry.Variables[index].Name}\", dataset \"{groupPath}/{index}\")";

    /// <summary>The optimizer state to restore, or null (not compiled, no state in the file, or a count mismatch,
    /// which Keras reports as a warning).</summary>
    private static Tensor[]? ReadOptimizer(IH5Group root, Model model, string file, List<string> warnings)
    {
        if (model.Optimizer is not { } optimizer || FindVars(root, "optimizer", false, file) is not { } group)
        {
            return null;
        }
        var names = DatasetNames(group, file, "/optimizer/vars");
        var spec = optimizer.StateSpec(model.TrainableWeights);
        if (names.Count != spec.Count)
        {
            warnings.Add($"Skipping variable loading for optimizer \"{optimizer.Name}\", because it has {spec.Count} " +
                $"variables whereas the saved optimizer in \"{file}\" has {names.Count} variables.");
            return null;
        }
        var values = new List<Tensor>();
        try
        {
            for (int i = 0; i < spec.Count; i++)
            {
                string key = i.ToString(CultureInfo.InvariantCulture);
                string describe = $"optimizer variable {i} (\"{spec[i].Path}\", dataset \"/optimizer/vars/{key}\")";
                if (!names.Contains(key))
                {
                    throw new KerasFileException($"Cannot load the optimizer state from \"{file}\": {describe} is " +
                        "missing.", file);
                }
                var dataset = Hdf5Files.Guard(file, $"open {describe}", () => group.Dataset(key));
                values.Add(Hdf5Tensors.Read(dataset, spec[i].Shape, spec[i].DType, file, describe));
            }
            return [.. values];
        }
        catch
        {
            values.ForEach(v => v.Dispose());
            throw;
        }
    }

    private static HashSet<string> DatasetNames(IH5Group? group, string file, string groupPath) => group is null
        ? []
        : Hdf5Files.Guard(file, $"list group \"{groupPath}\"",
            () => group.Children().OfType<IH5Dataset>().Select(d => d.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>Keras' <c>H5IOStore.get</c> with the historical fall-backs; null when there is no such group.</summary>
    private static IH5Group? FindVars(IH5Group root, string path, bool legacyLayers, string file)
    {
        foreach (var candidate in Candidates(path, legacyLayers))
        {
            var group = Hdf5Files.Guard(file, $"look up \"/{candidate}\"", () => Resolve(root, candidate));
            if (group is not null)
            {
                return group;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string path, bool legacyLayers)
    {
        string vars = path.Length == 0 ? "vars" : $"{path}/vars";
        yield return vars;
        int slash = path.LastIndexOf('/');
        string? privateVars = path.Length == 0 ? null : $"{path[..(slash + 1)]}_{path[(slash + 1)..]}/vars";
        if (privateVars is not null)
        {
            yield return privateVars;
        }
        if (legacyLayers)
        {
            yield return vars.Replace("layers", LegacyLayers, StringComparison.Ordinal);
            if (privateVars is not null)
            {
                yield return privateVars.Replace("layers", LegacyLayers, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Walks <paramref name="path"/> one link at a time (a missing link anywhere means "no group").</summary>
    private static IH5Group? Resolve(IH5Group root, string path)
    {
        var group = root;
        foreach (var segment in path.Split('/'))
        {
            if (!group.LinkExists(segment) || group.Get(segment) is not IH5Group next)
            {
                return null;
            }
            group = next;
        }
        return group;
    }
}

using System.Globalization;
using PureHDF;

namespace Keras.Saving.KerasV3;

/// <summary>Loads a Keras 3 weights file into the groups of a <see cref="SaveableWalk"/>, as Keras'
/// <c>H5IOStore</c> and <c>_check_load_own_variables</c> do: each object's dataset count and shapes must match its
/// variables; a missing group reads as empty. Everything is read and checked before anything is assigned, so a
/// failed load leaves the model unchanged.</summary>
/// <remarks>Compatibility (keras-formats.md §2.4.3, §2.7): files of Keras 2.13 keep layers under
/// <c>_layer_checkpoint_dependencies</c>; tf-keras 2.15 and Keras 3.0.0/3.0.1 reach some sublayers through their
/// private attribute (<c>_query_dense</c> rather than <c>query_dense</c>).</remarks>
internal static class WeightsFileReader
{
    private const string LegacyLayers = "_layer_checkpoint_dependencies";

    /// <summary>Loads the weights; returns the warnings for objects skipped with
    /// <paramref name="skipMismatch"/> (and for optimizer state that does not fit, which Keras also only warns
    /// about).</summary>
    /// <exception cref="KerasFileException">A count or shape does not match and <paramref name="skipMismatch"/> is
    /// false, or a dataset cannot be read.</exception>
    public static IReadOnlyList<string> Load(IH5Group root, IReadOnlyList<SaveableEntry> entries, string fileName,
        bool skipMismatch)
    {
        var warnings = new List<string>();
        var pending = new List<(Variable Variable, Tensor Value)>();
        try
        {
            bool legacyLayers = root.LinkExists(LegacyLayers);
            foreach (var entry in entries)
            {
                if (entry.Owner is null)
                {
                    continue;   // a placeholder: Keras' variable-free sublayer, nothing to load
                }
                var group = FindVars(root, entry.Path, legacyLayers);
                string? problem = Check(group, entry, fileName, out var values);
                if (problem is null)
                {
                    pending.AddRange(entry.Variables.Zip(values));
                    continue;
                }
                bool optimizer = entry.Owner is Optimizers.Optimizer;
                if (!skipMismatch && !optimizer)
                {
                    throw new KerasFileException(problem + " Pass skipMismatch: true to skip it with a warning.");
                }
                warnings.Add(optimizer
                    ? $"Skipping variable loading for {entry.Describe()}: {problem}"
                    : $"Skipping {entry.Describe()}: {problem}");
            }
            foreach (var (variable, value) in pending)
            {
                variable.Assign(value);
            }
            return warnings;
        }
        finally
        {
            foreach (var (_, value) in pending)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>The problem with <paramref name="entry"/>'s group, or null with the values read.</summary>
    private static string? Check(IH5Group? group, SaveableEntry entry, string fileName, out List<Tensor> values)
    {
        values = [];
        string groupPath = "/" + entry.VarsPath;
        var datasets = group is null
            ? []
            : group.Children().OfType<IH5Dataset>().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        if (datasets.Count != entry.Variables.Count)
        {
            return $"In \"{fileName}\", {entry.Describe()} expected {entry.Variables.Count} variables " +
                $"[{string.Join(", ", entry.Variables.Select(v => v.Name))}], but group \"{groupPath}\" holds " +
                $"{datasets.Count}{(group is null ? " (the group is missing)" : "")}.";
        }
        for (int i = 0; i < entry.Variables.Count; i++)
        {
            string key = i.ToString(CultureInfo.InvariantCulture);
            var variable = entry.Variables[i];
            if (!datasets.Contains(key))
            {
                DisposeAll(values);
                return $"In \"{fileName}\", group \"{groupPath}\" of {entry.Describe()} has no dataset \"{key}\" " +
                    $"for weight {i} ({variable.Name}); its datasets are [{string.Join(", ", datasets.Order())}].";
            }
            var dataset = group!.Dataset(key);
            long[] shape = VariableDatasets.ShapeOf(dataset);
            if (!shape.SequenceEqual(variable.Shape.ToLongArray()))
            {
                DisposeAll(values);
                return $"In \"{fileName}\", weight {i} ({variable.Name}) of {entry.Describe()} has shape " +
                    $"{variable.Shape}, but \"{groupPath}/{key}\" has shape ({string.Join(", ", shape)}).";
            }
            try
            {
                values.Add(VariableDatasets.Read(dataset, $"{groupPath}/{key}").DetachFromDisposeScope());
            }
            catch (Exception e) when (e is not NotSupportedException)
            {
                DisposeAll(values);
                throw new KerasFileException(
                    $"Could not read dataset \"{groupPath}/{key}\" in \"{fileName}\": {e.Message}", e);
            }
        }
        return null;
    }

    /// <summary>Keras' <c>H5IOStore.get</c> with the historical fall-backs; null when there is no such group.</summary>
    private static IH5Group? FindVars(IH5Group root, string path, bool legacyLayers)
    {
        foreach (var candidate in Candidates(path, legacyLayers))
        {
            string vars = candidate.Length == 0 ? "vars" : $"{candidate}/vars";
            if (LinkExists(root, vars) && root.Get(vars) is IH5Group group)
            {
                return group;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string path, bool legacyLayers)
    {
        yield return path;
        int slash = path.LastIndexOf('/');
        // tf-keras 2.15 and Keras 3.0.0/3.0.1 store MultiHeadAttention's projections under the private names.
        string privateLast = path.Length == 0 ? path : $"{path[..(slash + 1)]}_{path[(slash + 1)..]}";
        if (path.Length > 0)
        {
            yield return privateLast;
        }
        if (legacyLayers)
        {
            yield return path.Replace("layers", LegacyLayers, StringComparison.Ordinal);
            if (path.Length > 0)
            {
                yield return privateLast.Replace("layers", LegacyLayers, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>PureHDF's <c>LinkExists</c> checks only the last link; check each level of the path.</summary>
    private static bool LinkExists(IH5Group root, string path)
    {
        var group = root;
        var segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (!group.LinkExists(segments[i]))
            {
                return false;
            }
            if (i < segments.Length - 1)
            {
                if (group.Get(segments[i]) is not IH5Group next)
                {
                    return false;
                }
                group = next;
            }
        }
        return true;
    }

    private static void DisposeAll(List<Tensor> values)
    {
        foreach (var value in values)
        {
            value.Dispose();
        }
        values.Clear();
    }
}

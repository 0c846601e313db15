using Keras.Datasets;

namespace Keras;

/// <summary>Keras' <c>dataset_utils</c> for the directory loaders: argument checks, <c>index_directory</c> (files
/// and labels in sorted walk order, then one global shuffle with NumPy's <c>RandomState(seed)</c>) and the
/// validation split.</summary>
internal sealed record DirectoryIndex(IReadOnlyList<string> FilePaths, int[]? Labels, IReadOnlyList<string>? ClassNames)
{
    /// <summary>The seed Keras draws when none is given (<c>np.random.randint(1e6)</c>).</summary>
    internal static int DrawSeed() => Random.Shared.Next(1_000_000);

    /// <summary>Keras' <c>check_validation_split_arg</c>.</summary>
    internal static void CheckValidationSplit(double? validationSplit, string? subset, bool shuffle, int? seed)
    {
        bool hasSplit = validationSplit is not (null or 0);
        if (hasSplit && !(validationSplit > 0 && validationSplit < 1))
        {
            throw new ArgumentException(
                $"`validation_split` must be between 0 and 1, received: {validationSplit}", nameof(validationSplit));
        }
        if ((hasSplit || subset is not null) && !(hasSplit && subset is not null))
        {
            throw new ArgumentException("If `subset` is set, `validation_split` must be set, and inversely.",
                nameof(subset));
        }
        if (subset is not (null or "training" or "validation" or "both"))
        {
            throw new ArgumentException(
                $"`subset` must be either \"training\", \"validation\" or \"both\", received: {subset}",
                nameof(subset));
        }
        if (hasSplit && shuffle && seed is null)
        {
            throw new ArgumentException(
                "If using `validation_split` and shuffling the data, you must provide a `seed` argument, to make " +
                "sure that there is no overlap between the training and validation subset.", nameof(seed));
        }
    }

    /// <summary>Keras' check of <c>label_mode</c> (<c>"int"</c>, <c>"categorical"</c>, <c>"binary"</c> or
    /// null).</summary>
    internal static void CheckLabelMode(string? labelMode)
    {
        if (labelMode is not (null or "int" or "categorical" or "binary"))
        {
            throw new ArgumentException(
                "`label_mode` argument must be one of \"int\", \"categorical\", \"binary\", or None. Received: " +
                $"label_mode={labelMode}", nameof(labelMode));
        }
    }

    /// <summary>Keras' <c>index_directory</c>.</summary>
    internal static DirectoryIndex Build(string directory, DirectoryLabels labels, string[] formats,
        IReadOnlyList<string>? classNames, bool shuffle, int seed, bool followLinks, TextWriter? log)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Could not find directory {directory}");
        }
        List<string> subdirs;
        if (labels.IsInferred)
        {
            subdirs = Directory.GetDirectories(directory).Select(Path.GetFileName).OfType<string>()
                .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
            if (classNames is not null)
            {
                if (!classNames.All(subdirs.Contains))
                {
                    throw new ArgumentException(
                        "The `class_names` passed did not match the names of the subdirectories of the target " +
                        $"directory. Expected: {PythonList(subdirs)} (or a subset of it), but received: " +
                        $"class_names={PythonList(classNames)}", nameof(classNames));
                }
                subdirs = [.. classNames];
            }
        }
        else
        {
            if (classNames is not null)
            {
                throw new ArgumentException(labels.IsNone
                    ? "When `labels=None` (no labels), argument `class_names` cannot be specified."
                    : "When argument `labels` is specified, argument `class_names` cannot be specified (the " +
                      "`class_names` will be the sorted list of labels).", nameof(classNames));
            }
            subdirs = [""];
        }
        var paths = new List<string>();
        var fileLabels = new List<int>();
        for (int index = 0; index < subdirs.Count; index++)
        {
            foreach (var file in ValidFiles(Path.Combine(directory, subdirs[index]), formats, followLinks))
            {
                paths.Add(file);
                fileLabels.Add(index);
            }
        }
        int[]? result;
        IReadOnlyList<string>? names = subdirs;
        if (labels.IsInferred)
        {
            result = [.. fileLabels];
        }
        else if (labels.IsNone)
        {
            result = null;
            names = null;
        }
        else
        {
            var given = labels.Values!;
            if (given.Count != paths.Count)
            {
                throw new ArgumentException(
                    "Expected the lengths of `labels` to match the number of files in the target directory. " +
                    $"len(labels) is {given.Count} while we found {paths.Count} files in directory {directory}.",
                    nameof(labels));
            }
            result = [.. given];
            names = given.Distinct().Order().Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
        }
        log?.WriteLine(result is null
            ? $"Found {paths.Count} files."
            : $"Found {paths.Count} files belonging to {names!.Count} classes.");
        if (shuffle)
        {
            // Keras shuffles the paths and the labels with two RandomState(seed) streams: the same permutation.
            var order = Enumerable.Range(0, paths.Count).ToArray();
            new NumpyRandomState(unchecked((uint)seed)).Shuffle(order);
            paths = order.Select(i => paths[i]).ToList();
            result = result is null ? null : order.Select(i => result[i]).ToArray();
        }
        return new DirectoryIndex(paths, result, names);
    }

    /// <summary>Keras' <c>get_training_or_validation_split</c>: the last <c>int(split · n)</c> samples validate,
    /// the others train.</summary>
    internal DirectoryIndex Split(double? validationSplit, string subset, TextWriter? log)
    {
        if (validationSplit is null or 0)
        {
            return this;
        }
        int validation = (int)(validationSplit.Value * FilePaths.Count);
        // Python's samples[:-0] is empty, so a split that rounds to 0 validation files leaves no training files.
        int start = subset == "training" ? 0 : FilePaths.Count - validation;
        int count = subset == "training" ? (validation == 0 ? 0 : FilePaths.Count - validation) : validation;
        log?.WriteLine(subset == "training"
            ? $"Using {FilePaths.Count - validation} files for training."
            : $"Using {validation} files for validation.");
        return this with
        {
            FilePaths = FilePaths.Skip(start).Take(count).ToList(),
            Labels = Labels?.Skip(start).Take(count).ToArray(),
        };
    }

    /// <summary>Keras' <c>iter_valid_files</c>: files with an allowed extension (case-insensitive), directories
    /// walked recursively in sorted order.</summary>
    private static IEnumerable<string> ValidFiles(string directory, string[] formats, bool followLinks)
    {
        var pending = new List<string> { directory };
        var roots = new List<string>();
        while (pending.Count > 0)
        {
            var root = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            roots.Add(root);
            foreach (var sub in Directory.GetDirectories(root))
            {
                if (followLinks || new DirectoryInfo(sub).LinkTarget is null)
                {
                    pending.Add(sub);
                }
            }
        }
        // os.walk yields (root, files) pairs that Keras sorts by root path.
        foreach (var root in roots.Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(root).Order(StringComparer.Ordinal))
            {
                if (formats.Any(f => file.EndsWith(f, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return file;
                }
            }
        }
    }

    private static string PythonList(IEnumerable<string> names) => $"[{string.Join(", ", names.Select(n => $"'{n}'"))}]";
}

using Keras.Saving.Hdf5;
using PureHDF;

namespace Keras.Saving.Legacy;

/// <summary>Loads weights from a Keras 2 HDF5 weights group, positionally or by layer name, as Keras'
/// <c>load_weights_from_hdf5_group</c> and <c>load_weights_from_hdf5_group_by_name</c> (keras-formats.md §1.5).</summary>
/// <remarks>Every dataset's declared shape and type are checked against its target variable before anything is read,
/// and nothing is assigned until every weight of the file was read and checked, so a failed load leaves the model as
/// it was. Reading is lenient: fixed or variable-length names, chunked name lists, any writer's weight names.</remarks>
internal sealed class LegacyWeightsLoader
{
    // tf-keras transposes a stored kernel of these layers when its shape differs (Theano-era channels-first files).
    private static readonly HashSet<string> TransposedKernelLayers = ["Conv2D", "Conv2DTranspose", "ConvLSTM2D"];

    private readonly string? _file;
    private readonly bool _skipMismatch;
    private readonly Action<string> _warn;
    private readonly List<(Variable Target, Tensor Value)> _plan = [];

    private LegacyWeightsLoader(string? file, bool skipMismatch, Action<string> warn)
    {
        _file = file;
        _skipMismatch = skipMismatch;
        _warn = warn;
    }

    /// <summary>Loads a legacy weights file (or the <c>model_weights</c> of a full-model file) into
    /// <paramref name="model"/>.</summary>
    internal static void LoadFile(Model model, string path, bool byName, bool skipMismatch, Action<string> warn)
    {
        using var file = Hdf5Files.OpenRead(path);
        IH5Group root = file;
        bool hasNames = Hdf5Files.Guard(path, "look up attribute \"layer_names\"",
            () => file.AttributeExists("layer_names") || file.AttributeExists("layer_names0"));
        if (!hasNames && Hdf5Files.Guard(path, "look up group \"model_weights\"", () => file.LinkExists("model_weights")))
        {
            root = Hdf5Files.Guard(path, "open group \"model_weights\"", () => file.Group("model_weights"));
        }
        Load(model, root, path, byName, skipMismatch, warn);
    }

    /// <summary>Loads a weights group into <paramref name="model"/>.</summary>
    /// <exception cref="KerasFileException">The group does not fit the model (layer count, weight count, shape or
    /// type), or cannot be read.</exception>
    internal static void Load(Model model, IH5Group root, string? file, bool byName, bool skipMismatch,
        Action<string> warn)
    {
        var loader = new LegacyWeightsLoader(file, skipMismatch, warn);
        try
        {
            if (byName)
            {
                loader.PlanByName(model, root);
            }
            else
            {
                loader.PlanPositional(model, root);
            }
            loader.PlanTopLevel(model, root, byName);
            loader.Apply();
        }
        finally
        {
            foreach (var (_, value) in loader._plan)
            {
                value.Dispose();
            }
        }
    }

    private void PlanPositional(Model model, IH5Group root)
    {
        var layers = model.Layers.Where(l => LegacyH5Format.LegacyWeights(l).Count > 0).ToList();
        var saved = LayerNames(root)
            .Select(name => (Name: name, Group: LayerGroup(root, name)))
            .Select(s => (s.Name, s.Group, Weights: WeightNames(s.Group, s.Name)))
            .Where(s => s.Weights.Count > 0)
            .ToList();
        if (saved.Count != layers.Count)
        {
            throw new KerasFileException(
                $"Layer count mismatch when loading weights from {Where}. Model \"{model.Name}\" expected " +
                $"{layers.Count} layers with weights, found {saved.Count} saved layers with weights " +
                $"([{string.Join(", ", saved.Select(s => s.Name))}]).", _file);
        }
        for (int k = 0; k < layers.Count; k++)
        {
            var (name, group, weightNames) = saved[k];
            var variables = LegacyH5Format.LegacyWeights(layers[k]);
            if (weightNames.Count != variables.Count)
            {
                throw new KerasFileException(
                    $"Weight count mismatch for layer #{k} (named \"{layers[k].Name}\" in the current model, " +
                    $"\"{name}\" in {Where}). Layer expects {variables.Count} weight(s). Received " +
                    $"{weightNames.Count} saved weight(s).", _file);
            }
            PlanLayer(layers[k], group, weightNames, variables);
        }
    }

    private void PlanByName(Model model, IH5Group root)
    {
        var index = model.Layers.ToLookup(l => l.Name, StringComparer.Ordinal);
        var names = LayerNames(root);
        for (int k = 0; k < names.Count; k++)
        {
            if (!index.Contains(names[k]))
            {
                continue;
            }
            var group = LayerGroup(root, names[k]);
            var weightNames = WeightNames(group, names[k]);
            foreach (var layer in index[names[k]])
            {
                var variables = LegacyH5Format.LegacyWeights(layer);
                if (weightNames.Count != variables.Count)
                {
                    string message = $"layer #{k} (named \"{layer.Name}\") due to mismatch in number of weights. " +
                                     $"Layer expects {variables.Count} weight(s). Received {weightNames.Count} " +
                                     "saved weight(s).";
                    if (_skipMismatch)
                    {
                        _warn($"Skipping loading of weights for {message}");
                        continue;
                    }
                    throw new KerasFileException($"Cannot load weights from {Where} into {message}", _file);
                }
                PlanLayer(layer, group, weightNames, variables);
            }
        }
    }

    private void PlanTopLevel(Model model, IH5Group root, bool byName)
    {
        var variables = LegacyH5Format.TopLevelWeights(model);
        bool exists = Hdf5Files.Guard(_file, $"look up group \"{LegacyH5Format.TopLevelGroup}\"",
            () => root.LinkExists(LegacyH5Format.TopLevelGroup));
        if (!exists)
        {
            return;
        }
        var group = LayerGroup(root, LegacyH5Format.TopLevelGroup);
        var weightNames = WeightNames(group, LegacyH5Format.TopLevelGroup);
        if (weightNames.Count != variables.Count)
        {
            string message = $"model \"{model.Name}\" has {variables.Count} top-level weight(s) but {Where} has " +
                             $"{weightNames.Count}.";
            if (byName && _skipMismatch)
            {
                _warn($"Skipping loading of top-level weights: {message}");
                return;
            }
            throw new KerasFileException($"Cannot load top-level weights: {message}", _file);
        }
        PlanLayer(model, group, weightNames, variables);
    }

    /// <summary>Checks and reads one layer's datasets into the plan.</summary>
    private void PlanLayer(Layer layer, IH5Group group, IReadOnlyList<string> weightNames,
        IReadOnlyList<Variable> variables)
    {
        for (int i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            string describe = LegacyH5Format.Describe(layer.Name, i, variable);
            var dataset = Hdf5Files.Guard(_file, $"open dataset \"{weightNames[i]}\" of {describe}",
                () => group.Dataset(weightNames[i]));
            long[] dims = Hdf5Tensors.Dimensions(dataset, _file, describe);
            long[] expected = variable.Shape.ToLongArray();
            if (dims.SequenceEqual(expected))
            {
                _plan.Add((variable, Hdf5Tensors.Read(dataset, variable.Shape, variable.DType, _file, describe)));
                continue;
            }
            if (i == 0 && dims.Length == 4 && TransposedKernelLayers.Contains(layer.ClassName) &&
                new[] { dims[3], dims[2], dims[0], dims[1] }.SequenceEqual(expected))
            {
                var stored = new Shape(dims.Select(d => (int?)(int)d).ToArray());
                using var raw = Hdf5Tensors.Read(dataset, stored, variable.DType, _file, describe);
                _plan.Add((variable, raw.permute(3, 2, 0, 1).contiguous()));
                continue;
            }
            string message = $"{describe} has shape {Hdf5Tensors.ShapeText(dims)} in the file but " +
                             $"{Hdf5Tensors.ShapeText(expected)} in the model.";
            if (_skipMismatch)
            {
                _warn($"Skipping loading weights from {Where}: {message}");
                continue;
            }
            throw new KerasFileException($"Cannot load weights from {Where}: {message}", _file);
        }
    }

    /// <summary>Assigns every planned value; runs only after the whole file was read and checked.</summary>
    private void Apply()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var (target, value) in _plan)
        {
            target.Assign(value.to(target.Value.dtype, target.Value.device));
        }
    }

    private string Where => KerasFileException.Describe(_file);

    private IReadOnlyList<string> LayerNames(IH5Group root) =>
        Hdf5Attributes.ReadStringList(root, "layer_names", _file) ?? throw new KerasFileException(
            $"Cannot load weights from {Where}: it has no \"layer_names\" attribute, so it is not a Keras 2 HDF5 " +
            "weights file (a Keras 3 weights file must be named *.weights.h5).", _file);

    private IH5Group LayerGroup(IH5Group root, string name)
    {
        bool exists = Hdf5Files.Guard(_file, $"look up the group of layer \"{name}\"", () => root.LinkExists(name));
        if (!exists)
        {
            throw new KerasFileException(
                $"Cannot load weights from {Where}: layer \"{name}\" is listed in \"layer_names\" but has no group.",
                _file);
        }
        return Hdf5Files.Guard(_file, $"open the group of layer \"{name}\"", () => root.Group(name));
    }

    private IReadOnlyList<string> WeightNames(IH5Group group, string layerName) =>
        Hdf5Attributes.ReadStringList(group, "weight_names", _file) ?? throw new KerasFileException(
            $"Cannot load weights from {Where}: the group of layer \"{layerName}\" has no \"weight_names\" attribute.",
            _file);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keras.Saving.Hdf5;
using PureHDF;

namespace Keras.Saving.Legacy;

/// <summary>Writes Keras 2's HDF5 files (keras-formats.md §1.2, §1.4, §1.6): the full model (<c>model.save("m.h5")</c>)
/// and weights only (<c>save_weights("w.h5")</c>), atomically.</summary>
internal static class LegacyH5Writer
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Saves the architecture, weights, and (when compiled and asked for) the compile settings and the
    /// optimizer state.</summary>
    internal static void SaveModel(Model model, string path, bool includeOptimizer)
    {
        var file = BuildModelFile(model, includeOptimizer);
        AtomicFile.Write(path, stream => Hdf5Files.Write(file, stream));
    }

    /// <summary>Saves the weights only, in the layout of a full model's <c>model_weights</c> group at the root.</summary>
    internal static void SaveWeights(Model model, string path)
    {
        var file = new H5File();
        FillWeights(file, model);
        AtomicFile.Write(path, stream => Hdf5Files.Write(file, stream));
    }

    /// <summary>The full-model file in memory.</summary>
    /// <exception cref="NotSupportedException">The model is a subclass that is not registered, so its architecture
    /// cannot be written as a config (Keras: only Functional and Sequential models go to HDF5).</exception>
    internal static H5File BuildModelFile(Model model, bool includeOptimizer)
    {
        if (SerializationRegistry.Find(model.GetType()) is null)
        {
            throw new NotSupportedException(
                $"Saving model \"{model.Name}\" to HDF5 format requires a Sequential or Functional model, or a " +
                $"model class registered with SerializationRegistry.Register; {model.GetType().Name} is neither. " +
                "Save its weights with SaveWeights(...) instead.");
        }
        var file = new H5File();
        file.Attributes["keras_version"] = LegacyH5Format.KerasVersion;
        file.Attributes["backend"] = LegacyH5Format.Backend;
        file.Attributes["model_config"] = LegacyModelConfig.Serialize(model).ToJsonString(Json);
        var trainingConfig = includeOptimizer ? CompileConfig.SerializeTrainingConfig(model) : null;
        if (trainingConfig is not null)
        {
            file.Attributes["training_config"] = trainingConfig.ToJsonString(Json);
        }
        var weights = new H5Group();
        FillWeights(weights, model);
        file["model_weights"] = weights;
        if (trainingConfig is not null && model.Optimizer is { } optimizer)
        {
            var state = optimizer.GetState();
            if (state.Count > 0)
            {
                file["optimizer_weights"] = OptimizerGroup(optimizer.Name, state);
            }
        }
        return file;
    }

    /// <summary>Fills a group as Keras' <c>save_weights_to_hdf5_group</c>: <c>layer_names</c>, <c>backend</c>,
    /// <c>keras_version</c>, one group per layer of <see cref="Model.Layers"/> (also layers without weights) and
    /// <c>top_level_model_weights</c>.</summary>
    internal static void FillWeights(H5Group target, Model model)
    {
        var layers = model.Layers;
        Hdf5Attributes.WriteStringList(target.Attributes, "layer_names", layers.Select(l => l.Name).ToList());
        target.Attributes["backend"] = LegacyH5Format.Backend;
        target.Attributes["keras_version"] = LegacyH5Format.KerasVersion;
        foreach (var layer in layers)
        {
            if (layer.Name.Contains('/') || layer.Name == LegacyH5Format.TopLevelGroup)
            {
                throw new ArgumentException(
                    $"Cannot save layer \"{layer.Name}\" of model \"{model.Name}\" to HDF5: a layer name may not " +
                    $"contain '/' or be \"{LegacyH5Format.TopLevelGroup}\". Rename the layer.");
            }
            target[layer.Name] = WeightsGroup(layer, LegacyH5Format.LegacyWeights(layer));
        }
        target[LegacyH5Format.TopLevelGroup] = WeightsGroup(model, LegacyH5Format.TopLevelWeights(model));
    }

    /// <summary>A group with <c>weight_names</c> and one dataset per weight at the relative path of its name.</summary>
    private static H5Group WeightsGroup(Layer owner, IReadOnlyList<Variable> weights)
    {
        var group = new H5Group();
        var names = UniqueNames(LegacyH5Format.WeightNames(owner, weights));
        Hdf5Attributes.WriteStringList(group.Attributes, "weight_names", names);
        for (int i = 0; i < weights.Count; i++)
        {
            using var scope = torch.NewDisposeScope();
            var value = Hdf5Tensors.ToDataset(weights[i].Value, LegacyH5Format.Describe(owner.Name, i, weights[i]));
            AddAtPath(group, names[i], value);
        }
        return group;
    }

    private static H5Group OptimizerGroup(string optimizerName, IReadOnlyList<(string Path, Tensor Value)> state)
    {
        var group = new H5Group();
        var names = UniqueNames(state.Select(s => s.Path));
        Hdf5Attributes.WriteStringList(group.Attributes, "weight_names", names);
        for (int i = 0; i < state.Count; i++)
        {
            using (state[i].Value)
            {
                AddAtPath(group, names[i], Hdf5Tensors.ToDataset(state[i].Value,
                    $"optimizer \"{optimizerName}\" variable \"{state[i].Path}\""));
            }
        }
        return group;
    }

    /// <summary>Stores <paramref name="value"/> at a relative path, creating the intermediate groups (a link name with
    /// '/' would make a broken file: purehdf-notes §3.3).</summary>
    private static void AddAtPath(H5Group root, string path, object value)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var group = root;
        foreach (var part in parts[..^1])
        {
            if (!group.TryGetValue(part, out var child))
            {
                child = new H5Group();
                group[part] = child;
            }
            group = child as H5Group ?? throw new ArgumentException(
                $"Cannot save weight \"{path}\": \"{part}\" is both a weight and a group of weights.");
        }
        group[parts[^1]] = value;
    }

    /// <summary>Weight names made unique (and never a prefix path of another) by numbering repeats, so each names its
    /// own dataset; Keras' TensorFlow names are unique by construction.</summary>
    private static List<string> UniqueNames(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            string candidate = name;
            for (int n = 1; !used.Add(candidate); n++)
            {
                candidate = name.EndsWith(":0", StringComparison.Ordinal) ? $"{name[..^2]}_{n}:0" : $"{name}_{n}";
            }
            result.Add(candidate);
        }
        return result;
    }
}

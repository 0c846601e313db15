using System.Text.Json;
using System.Text.Json.Nodes;
using Keras.Saving.Hdf5;
using PureHDF;

namespace Keras.Saving.Legacy;

/// <summary>Loads a Keras 2 full-model HDF5 file (<c>load_model("m.h5")</c>): rebuilds the model from
/// <c>model_config</c> through the <see cref="SerializationRegistry"/>, loads the weights positionally, and, when
/// asked, compiles it from <c>training_config</c> and restores the optimizer state (keras-formats.md §1.2, §1.5,
/// §8.1).</summary>
internal static class LegacyModelLoader
{
    /// <summary>Loads the model.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="KerasFileException">The file is not a readable Keras 2 model file, names unknown classes, uses
    /// a Keras feature Keras.Net does not implement, or its weights do not fit the architecture.</exception>
    internal static Model Load(string path, bool compile, Action<string> warn)
    {
        using var file = Hdf5Files.OpenRead(path);
        string configText = Hdf5Attributes.ReadString(file, "model_config", path) ?? throw new KerasFileException(
            $"No model config found in the file at \"{path}\": it has no \"model_config\" attribute. A weights-only file " +
            "loads with model.LoadWeights(...).", path);
        var model = StoredModel.Rebuild(ParseObject(configText, "model_config", path), path, "model_config");
        bool hasWeights = Hdf5Files.Guard(path, "look up group \"model_weights\"", () => file.LinkExists("model_weights"));
        if (!hasWeights)
        {
            throw new KerasFileException($"The file \"{path}\" has no \"model_weights\" group.", path);
        }
        var weights = Hdf5Files.Guard(path, "open group \"model_weights\"", () => file.Group("model_weights"));
        LegacyWeightsLoader.Load(model, weights, path, byName: false, skipMismatch: false, warn);
        if (compile)
        {
            CompileFromFile(model, file, path, warn);
        }
        return model;
    }

    private static void CompileFromFile(Model model, IH5Group file, string path, Action<string> warn)
    {
        string? trainingText = Hdf5Attributes.ReadString(file, "training_config", path);
        if (trainingText is null)
        {
            warn($"No training configuration found in the save file \"{path}\", so the model was *not* compiled. " +
                 "Compile it manually.");
            return;
        }
        CompileConfig.Compile(model, ParseObject(trainingText, "training_config", path), path);
        bool hasState = Hdf5Files.Guard(path, "look up group \"optimizer_weights\"",
            () => file.LinkExists("optimizer_weights"));
        if (!hasState || model.Optimizer is not { } optimizer)
        {
            return;
        }
        try
        {
            var group = Hdf5Files.Guard(path, "open group \"optimizer_weights\"", () => file.Group("optimizer_weights"));
            var values = ReadOptimizerState(optimizer, model.TrainableWeights, group, path);
            try
            {
                optimizer.SetState(model.TrainableWeights, values, path);
            }
            finally
            {
                foreach (var value in values)
                {
                    value.Dispose();
                }
            }
        }
        catch (KerasFileException e)
        {
            // Keras only warns here: the model is usable with a fresh optimizer.
            warn($"Error in loading the saved optimizer state. As a result, your model is starting with a freshly " +
                 $"initialized optimizer. {e.Message}");
        }
    }

    /// <summary>Reads <c>optimizer_weights</c> in <c>weight_names</c> order, each checked against what the optimizer
    /// built for the model needs before it is read.</summary>
    private static List<Tensor> ReadOptimizerState(Optimizers.Optimizer optimizer, IReadOnlyList<Variable> trainable,
        IH5Group group, string path)
    {
        var names = Hdf5Attributes.ReadStringList(group, "weight_names", path) ?? [];
        var spec = optimizer.StateSpec(trainable);
        if (names.Count != spec.Count)
        {
            throw new KerasFileException(
                $"The file \"{path}\" has {names.Count} optimizer variables, but optimizer \"{optimizer.Name}\" built " +
                $"for the model's {trainable.Count} trainable weights has {spec.Count}.", path);
        }
        var values = new List<Tensor>();
        try
        {
            for (int i = 0; i < names.Count; i++)
            {
                string describe = $"optimizer variable {i} (\"{names[i]}\")";
                var dataset = Hdf5Files.Guard(path, $"open dataset of {describe}", () => group.Dataset(names[i]));
                values.Add(Hdf5Tensors.Read(dataset, spec[i].Shape, spec[i].DType, path, describe));
            }
            return values;
        }
        catch
        {
            values.ForEach(v => v.Dispose());
            throw;
        }
    }

    private static JsonObject ParseObject(string text, string attribute, string path)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new KerasFileException(
                $"The \"{attribute}\" attribute of \"{path}\" is not a JSON object.", path);
        }
        catch (JsonException e)
        {
            throw new KerasFileException(
                $"The \"{attribute}\" attribute of \"{path}\" is not valid JSON: {e.Message}", path, e);
        }
    }
}

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keras.Saving.Tfjs;

/// <summary>Loads a TensorFlow.js layers model: the <c>model.json</c> that <c>model.save()</c> and
/// <c>tensorflowjs_converter --output_format tfjs_layers_model</c> write, with its binary weight shards.</summary>
/// <remarks>The topology (<c>modelTopology</c>) is Keras 2 JSON, possibly wrapped as
/// <c>{"model_config", "keras_version", "backend"}</c>; it is rebuilt through <see cref="SerializationRegistry"/>.
/// Weights are matched to the model's variables by name as tfjs does (<see cref="TfjsWeightNames"/>) and, like tfjs'
/// strict loading, every weight must find a variable and every variable must get a weight. The
/// <c>trainingConfig</c> is not read: the model comes back uncompiled.</remarks>
internal static class TfjsModelReader
{
    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    /// <param name="path">The <c>model.json</c> file.</param>
    /// <returns>The model with the file's weights, uncompiled.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="KerasFileException">The file is not a tfjs layers model, or its topology or weights do not
    /// fit together.</exception>
    /// <exception cref="NotSupportedException">The weights are quantized.</exception>
    public static Model Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: \"{path}\".", path);
        }
        var root = Parse(path);
        var topology = Topology(root, path);
        var specs = TfjsWeightManifest.Read(root["weightsManifest"], path);
        var model = StoredModel.Rebuild(topology, path, "modelTopology");
        try
        {
            Assign(model, specs, path);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static JsonObject Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw Error(path, "the file is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new KerasFileException($"Cannot read {KerasFileException.Describe(path)} as JSON: {e.Message}",
                path, e);
        }
    }

    private static JsonNode Topology(JsonObject root, string path)
    {
        if (JsonValues.TryGetString(root["format"], out string format) && format != "layers-model")
        {
            throw Error(path, $"its format is \"{format}\"; Keras.Net reads tfjs \"layers-model\" files (a " +
                              "\"graph-model\" holds a TensorFlow graph, not Keras layers).");
        }
        var topology = root["modelTopology"] as JsonObject
                       ?? throw Error(path, "it has no \"modelTopology\" object.");
        if (topology["model_config"] is JsonObject wrapped)
        {
            topology = wrapped;
        }
        if (!topology.ContainsKey("class_name"))
        {
            throw Error(path, "\"modelTopology\" has no \"class_name\".");
        }
        return topology.DeepClone();
    }

    private static void Assign(Model model, IReadOnlyList<TfjsWeightSpec> specs, string path)
    {
        var names = new TfjsWeightNames(model);
        var unset = names.All.ToHashSet();
        foreach (var spec in specs)
        {
            var variable = names.Find(spec.Name)
                           ?? throw Error(path, $"weight \"{spec.Name}\" has no target variable in model " +
                                                $"\"{model.Name}\" (its variables: " +
                                                $"{string.Join(", ", names.All.Select(v => v.Path))}).");
            var shape = new Shape(spec.Shape.Select(d => (int?)checked((int)d)).ToArray());
            if (shape != variable.Shape)
            {
                throw Error(path, $"weight \"{spec.Name}\" has shape {shape}; variable \"{variable.Path}\" of " +
                                  $"model \"{model.Name}\" has shape {variable.Shape}.");
            }
            if (!unset.Remove(variable))
            {
                throw Error(path, $"weight \"{spec.Name}\" sets variable \"{variable.Path}\" a second time.");
            }
            using var value = ToTensor(spec);
            variable.Assign(value);
        }
        if (unset.Count > 0)
        {
            throw Error(path, $"{unset.Count} of {names.All.Count} weights of model \"{model.Name}\" are not in " +
                              $"the file: {string.Join(", ", unset.Select(v => v.Path))}.");
        }
    }

    private static Tensor ToTensor(TfjsWeightSpec spec) => spec.DType == "int32"
        ? torch.tensor(MemoryMarshal.Cast<byte, int>(spec.Bytes).ToArray(), spec.Shape)
        : torch.tensor(MemoryMarshal.Cast<byte, float>(spec.Bytes).ToArray(), spec.Shape);

    private static KerasFileException Error(string path, string message) =>
        new($"Cannot load the tfjs layers model {KerasFileException.Describe(path)}: {message}", path);
}

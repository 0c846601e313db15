using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Saving.Tfjs;

/// <summary>Writes a model in the TensorFlow.js layers format: <c>model.json</c> (the Keras 2 topology and a
/// one-group weights manifest) and <c>group1-shard1of1.bin</c> (float32/int32 little-endian values).</summary>
/// <remarks>Weights are named as tfjs names them (<see cref="TfjsWeightNames"/>): <c>dense/kernel</c>, an RNN's
/// <c>lstm/kernel</c> without the cell, <c>bidirectional/forward_lstm/kernel</c>, a nested model's layers by their
/// own names. Both files are written atomically; the training configuration is not written.</remarks>
internal static class TfjsModelWriter
{
    /// <summary>The shard file name tfjs' <c>model.save()</c> uses for a single shard.</summary>
    public const string ShardName = "group1-shard1of1.bin";

    /// <summary>Writes <c>model.json</c> and its shard into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="model">The model; it must be built.</param>
    /// <param name="directory">The folder.</param>
    public static void Save(Model model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(directory);
        if (!model.Built)
        {
            throw new InvalidOperationException(
                $"Model \"{model.Name}\" is not built: give it an Input or call it once before saving it for tfjs.");
        }
        Directory.CreateDirectory(directory);
        var specs = new JsonArray();
        using var data = new MemoryStream();
        foreach (var (name, variable) in Named(model).OrderBy(n => n.Variable.Trainable ? 0 : 1))
        {
            var value = variable.Value.detach().cpu().contiguous();
            string dtype = value.dtype is torch.ScalarType.Int32 or torch.ScalarType.Int64 ? "int32" : "float32";
            if (dtype == "int32")
            {
                data.Write(MemoryMarshal.AsBytes(value.to_type(torch.ScalarType.Int32).data<int>().ToArray().AsSpan()));
            }
            else
            {
                data.Write(MemoryMarshal.AsBytes(value.to_type(torch.ScalarType.Float32).data<float>().ToArray().AsSpan()));
            }
            specs.Add(new JsonObject
            {
                ["name"] = name,
                ["shape"] = new JsonArray(variable.Shape.ToLongArray().Select(d => (JsonNode?)d).ToArray()),
                ["dtype"] = dtype,
            });
        }
        // tfjs-layers is a Keras 2 implementation: it reads the same Keras 2 form as a legacy .h5's model_config.
        var topology = Legacy.LegacyModelConfig.Serialize(model);
        topology["keras_version"] = "tfjs-layers 4.22.0";
        topology["backend"] = "tensor_flow.js";
        var manifest = new JsonObject
        {
            ["format"] = "layers-model",
            ["generatedBy"] = "Keras.Net",
            ["convertedBy"] = null,
            ["modelTopology"] = topology,
            ["weightsManifest"] = new JsonArray(new JsonObject
            {
                ["paths"] = new JsonArray(ShardName),
                ["weights"] = specs,
            }),
        };
        AtomicFile.Write(Path.Combine(directory, ShardName), s => s.Write(data.GetBuffer(), 0, (int)data.Length));
        AtomicFile.Write(Path.Combine(directory, "model.json"),
            s => s.Write(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString())));
    }

    /// <summary>Every variable of the model with its tfjs name (tfjs lists the trainable ones first, then the rest,
    /// as its <c>model.weights</c>): scopes are the layers from the model's layer down,
    /// where a nested model starts afresh and an RNN cell adds no scope.</summary>
    private static IEnumerable<(string Name, Variable Variable)> Named(Model model)
    {
        var seen = new HashSet<Variable>();
        foreach (var layer in model.Layers)
        {
            foreach (var (name, variable) in Named(layer, []))
            {
                if (seen.Add(variable))
                {
                    yield return (name, variable);
                }
            }
        }
    }

    private static IEnumerable<(string, Variable)> Named(Layer layer, List<string> scopes)
    {
        var path = layer is RNNCell ? scopes : (layer is Model ? [] : new List<string>(scopes) { layer.Name });
        var inherited = layer.Sublayers.SelectMany(s => s.Weights).ToHashSet();
        foreach (var variable in layer.Weights.Where(v => !inherited.Contains(v)))
        {
            yield return (string.Join('/', path.Append(variable.Name)), variable);
        }
        foreach (var sublayer in layer.Sublayers)
        {
            foreach (var named in Named(sublayer, path))
            {
                yield return named;
            }
        }
    }
}

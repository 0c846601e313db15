using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras;

/// <summary>Keras' <c>functional_from_config</c>: creates every layer of a functional config, then replays the
/// recorded calls until all nodes exist, and resolves the model's inputs and outputs.</summary>
/// <remarks>Nodes are read in both forms: Keras 3's <c>{"args", "kwargs"}</c> with <c>__keras_tensor__</c> references
/// (0-based node indices) and Keras 2's nested lists (where nested models count their own internal node, so their first
/// call is node 1). A node whose inputs do not exist yet waits for the next pass, as in Keras; a pass without progress
/// is an error naming the missing node (Keras would loop forever).</remarks>
internal sealed class FunctionalConfigReader
{
    private readonly ConfigReader _reader;
    private readonly Dictionary<string, Layer> _created = new(StringComparer.Ordinal);
    private readonly List<(string Name, Layer Layer, Queue<JsonNode> Nodes)> _pending = [];
    private readonly bool _legacyNodes;

    private FunctionalConfigReader(ConfigReader reader, bool legacyNodes)
    {
        _reader = reader;
        _legacyNodes = legacyNodes;
    }

    /// <summary>Rebuilds the model a functional config describes; on failure the layers created so far are disposed.</summary>
    internal static Functional Read(ConfigReader reader)
    {
        var config = reader.Config;
        if (config["layers"] is not JsonArray layers)
        {
            throw reader.Error($"its config has no \"layers\" list, which is required. Received: " +
                               JsonValues.Preview(config["layers"]));
        }
        bool legacy = layers.OfType<JsonObject>()
            .Any(l => l["inbound_nodes"] is JsonArray nodes && nodes.Any(n => n is JsonArray));
        var graph = new FunctionalConfigReader(reader, legacy);
        try
        {
            graph.CreateLayers(layers);
            graph.ReplayNodes();
            return new Functional(graph.Endpoints("input_layers"), graph.Endpoints("output_layers"), reader.Name);
        }
        catch
        {
            foreach (var layer in graph._created.Values)
            {
                layer.Dispose();
            }
            throw;
        }
    }

    private void CreateLayers(JsonArray layers)
    {
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is not JsonObject entry)
            {
                throw _reader.Error($"entry {i} of \"layers\" must be a layer config object. Received: " +
                                    JsonValues.Preview(layers[i]));
            }
            string name = JsonValues.TryGetString(entry["name"], out string n) ? n
                : entry["config"] is JsonObject c && JsonValues.TryGetString(c["name"], out n) ? n
                : throw _reader.Error($"entry {i} of \"layers\" has no \"name\".");
            if (_created.ContainsKey(name))
            {
                throw _reader.Error($"the layer name \"{name}\" appears twice in \"layers\".");
            }
            var layer = KerasSerialization.DeserializeLayer(entry);
            _created[name] = layer;
            var nodes = entry["inbound_nodes"] switch
            {
                JsonArray array => array,
                null => [],
                var other => throw _reader.Error(
                    $"\"inbound_nodes\" of layer \"{name}\" must be a list. Received: {JsonValues.Preview(other)}"),
            };
            _pending.Add((name, layer, new Queue<JsonNode>(nodes.Select((node, k) =>
                node ?? throw _reader.Error($"inbound node {k} of layer \"{name}\" is null.")))));
        }
    }

    /// <summary>Calls each layer on its recorded inputs, in config order, deferring calls whose inputs do not exist
    /// yet (a layer shared at different depths, e.g. <c>A(B(A(x)))</c>).</summary>
    private void ReplayNodes()
    {
        while (_pending.Any(p => p.Nodes.Count > 0))
        {
            bool progress = false;
            string? missing = null;
            foreach (var (name, layer, nodes) in _pending)
            {
                while (nodes.Count > 0)
                {
                    var inputs = NodeInputs(name, nodes.Peek(), out string? waitingFor);
                    if (inputs is null)
                    {
                        missing ??= $"a call of layer \"{name}\" uses {waitingFor}, which is never created";
                        break;
                    }
                    layer.CallMany(inputs);
                    nodes.Dequeue();
                    progress = true;
                }
            }
            if (!progress)
            {
                throw _reader.Error($"the graph cannot be rebuilt: {missing}.");
            }
        }
    }

    /// <summary>The input tensors of one recorded call, or null when one of them does not exist yet.</summary>
    private List<KerasTensor>? NodeInputs(string layerName, JsonNode node, out string? waitingFor)
    {
        waitingFor = null;
        var references = new List<(string Layer, int Node, int Tensor)>();
        if (node is JsonArray legacyNode)
        {
            foreach (var item in legacyNode)
            {
                if (item is not JsonArray reference || reference.Count < 3 ||
                    !JsonValues.TryGetString(reference[0], out string inbound) ||
                    !JsonValues.TryGetInt(reference[1], out int nodeIndex) ||
                    !JsonValues.TryGetInt(reference[2], out int tensorIndex))
                {
                    throw _reader.Error($"an inbound node of layer \"{layerName}\" is not a list of " +
                                        "[layer_name, node_index, tensor_index, kwargs]. Received: " +
                                        JsonValues.Preview(node));
                }
                if (inbound == "_CONSTANT_VALUE")
                {
                    throw new NotSupportedException(
                        $"Layer \"{layerName}\" is called on a constant value; Keras.Net layers take only tensors.");
                }
                CheckKwargs(layerName, reference.Count > 3 ? reference[3] : null);
                // Keras 2 counts a nested model's own node first; tolerate writers that did not.
                int offset = _created.TryGetValue(inbound, out var inboundLayer) ? LegacyOffset(inboundLayer) : 0;
                references.Add((inbound, nodeIndex - offset >= 0 ? nodeIndex - offset : nodeIndex, tensorIndex));
            }
        }
        else if (node is JsonObject kerasNode)
        {
            CollectTensors(layerName, kerasNode["args"], references);
            CheckKwargs(layerName, kerasNode["kwargs"]);
        }
        else
        {
            throw _reader.Error($"an inbound node of layer \"{layerName}\" must be a list (Keras 2) or an object " +
                                $"with \"args\" and \"kwargs\" (Keras 3). Received: {JsonValues.Preview(node)}");
        }
        if (references.Count == 0)
        {
            throw _reader.Error($"a call of layer \"{layerName}\" has no input tensors.");
        }
        var tensors = new List<KerasTensor>();
        foreach (var (inbound, nodeIndex, tensorIndex) in references)
        {
            var tensor = Tensor(layerName, inbound, nodeIndex, tensorIndex);
            if (tensor is null)
            {
                waitingFor = $"node {nodeIndex} of layer \"{inbound}\"";
                return null;
            }
            tensors.Add(tensor);
        }
        return tensors;
    }

    /// <summary>Finds the <c>__keras_tensor__</c> references in a call's arguments, in order (dictionary values by
    /// sorted key, as Keras flattens them).</summary>
    private void CollectTensors(string layerName, JsonNode? node, List<(string, int, int)> references)
    {
        switch (node)
        {
            case null:
                return;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectTensors(layerName, item, references);
                }
                return;
            case JsonObject o when JsonValues.TryGetString(o["class_name"], out string className):
                if (className != "__keras_tensor__")
                {
                    throw new NotSupportedException(
                        $"Layer \"{layerName}\" is called with a \"{className}\" argument; Keras.Net layers take only " +
                        "tensors.");
                }
                if (o["config"]?["keras_history"] is not JsonArray history || history.Count < 3 ||
                    !JsonValues.TryGetString(history[0], out string inbound) ||
                    !JsonValues.TryGetInt(history[1], out int nodeIndex) ||
                    !JsonValues.TryGetInt(history[2], out int tensorIndex))
                {
                    throw _reader.Error($"a tensor argument of layer \"{layerName}\" has no valid \"keras_history\" " +
                                        $"[layer_name, node_index, tensor_index]. Received: {JsonValues.Preview(o)}");
                }
                references.Add((inbound, nodeIndex, tensorIndex));
                return;
            case JsonObject dictionary:
                foreach (var key in dictionary.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList())
                {
                    CollectTensors(layerName, dictionary[key], references);
                }
                return;
            default:
                throw new NotSupportedException(
                    $"Layer \"{layerName}\" is called with the constant argument {JsonValues.Preview(node)}; Keras.Net " +
                    "layers take only tensors.");
        }
    }

    /// <summary>Keyword arguments: masks that are null (Keras records them automatically) and the <c>training</c> flag
    /// are accepted; the flag is not replayed, the engine decides the mode. Any other argument is not supported.</summary>
    private static void CheckKwargs(string layerName, JsonNode? kwargs)
    {
        if (kwargs is null)
        {
            return;
        }
        if (kwargs is not JsonObject arguments)
        {
            throw new NotSupportedException(
                $"Layer \"{layerName}\" is called with keyword arguments {JsonValues.Preview(kwargs)}, which Keras.Net " +
                "does not support.");
        }
        foreach (var (key, value) in arguments)
        {
            // Masks are recomputed by the layers that make them, so Keras 3's recorded mask tensors are redundant.
            if (value is null || key == "training" || ((key == "mask" || key.EndsWith("_mask", StringComparison.Ordinal))
                    && IsTensorReference(value)))
            {
                continue;
            }
            throw new NotSupportedException(
                $"Layer \"{layerName}\" is called with the keyword argument \"{key}\": {JsonValues.Preview(value)}; " +
                "Keras.Net layers take no call arguments besides their inputs.");
        }
    }

    /// <summary>A <c>__keras_tensor__</c> reference, or a list of them (and nulls).</summary>
    private static bool IsTensorReference(JsonNode value) => value switch
    {
        JsonObject o => JsonValues.TryGetString(o["class_name"], out string name) && name == "__keras_tensor__",
        JsonArray items => items.All(i => i is null || IsTensorReference(i)),
        _ => false,
    };

    /// <summary>An output tensor of a created node, or null when that node does not exist yet.</summary>
    private KerasTensor? Tensor(string caller, string inbound, int nodeIndex, int tensorIndex)
    {
        if (!_created.TryGetValue(inbound, out var layer))
        {
            throw _reader.Error($"layer \"{caller}\" is called on the output of layer \"{inbound}\", which is not in " +
                                "\"layers\".");
        }
        if (nodeIndex < 0)
        {
            throw _reader.Error($"layer \"{caller}\" refers to node {nodeIndex} of layer \"{inbound}\".");
        }
        if (nodeIndex >= layer.InboundNodes.Count)
        {
            return null;
        }
        var outputs = layer.InboundNodes[nodeIndex].Outputs;
        return tensorIndex >= 0 && tensorIndex < outputs.Count
            ? outputs[tensorIndex]
            : throw _reader.Error($"layer \"{caller}\" uses output {tensorIndex} of layer \"{inbound}\", which has " +
                                  $"{outputs.Count} output(s).");
    }

    /// <summary>Resolves <c>input_layers</c> or <c>output_layers</c>: a bare triple, a list of triples, or a dictionary
    /// of triples (flattened by sorted key, as Keras does).</summary>
    private List<KerasTensor> Endpoints(string key)
    {
        var node = _reader.Config[key] ?? throw _reader.Error($"its config has no \"{key}\", which is required.");
        var triples = new List<JsonArray>();
        Flatten(node, key, triples);
        if (triples.Count == 0)
        {
            throw _reader.Error($"\"{key}\" is empty.");
        }
        var tensors = new List<KerasTensor>();
        foreach (var triple in triples)
        {
            string name = triple[0]!.GetValue<string>();
            if (!JsonValues.TryGetInt(triple[1], out int nodeIndex) || !JsonValues.TryGetInt(triple[2], out int tensorIndex))
            {
                throw _reader.Error($"\"{key}\" must hold [layer_name, node_index, tensor_index] triples. Received: " +
                                    JsonValues.Preview(triple));
            }
            if (!_created.TryGetValue(name, out var layer))
            {
                throw _reader.Error($"\"{key}\" names layer \"{name}\", which is not in \"layers\".");
            }
            // Nested models count from 1 here: Keras 2 always (their own node), Keras 3 for functional models.
            int offset = _legacyNodes ? LegacyOffset(layer) : layer is Functional ? 1 : 0;
            int index = nodeIndex - offset >= 0 ? nodeIndex - offset : nodeIndex;
            tensors.Add(Tensor(key, name, index, tensorIndex) ?? throw _reader.Error(
                $"\"{key}\" refers to node {nodeIndex} of layer \"{name}\", which the config never creates."));
        }
        return tensors;
    }

    private void Flatten(JsonNode? node, string key, List<JsonArray> triples)
    {
        switch (node)
        {
            case JsonArray { Count: 3 } triple when JsonValues.TryGetString(triple[0], out _):
                triples.Add(triple);
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Flatten(item, key, triples);
                }
                break;
            case JsonObject dictionary:
                foreach (var name in dictionary.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList())
                {
                    Flatten(dictionary[name], key, triples);
                }
                break;
            default:
                throw _reader.Error($"\"{key}\" must hold [layer_name, node_index, tensor_index] triples. Received: " +
                                    JsonValues.Preview(node));
        }
    }

    /// <summary>Keras 2 functional and sequential models own an internal node, so their first call is node 1.</summary>
    internal static int LegacyOffset(Layer layer) =>
        layer is Functional || layer is Model { ClassName: "Sequential" } ? 1 : 0;
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras;

/// <summary>Reads and writes a <see cref="Functional"/> model's graph config (Keras' <c>Functional.get_config</c> and
/// <c>functional_from_config</c>).</summary>
/// <remarks>
/// The config lists every layer with its <c>inbound_nodes</c> (one per call inside the model), then
/// <c>input_layers</c> and <c>output_layers</c> as <c>[layer_name, node_index, tensor_index]</c> triples. Writing uses
/// Keras 3's form (<c>{"args": [...], "kwargs": {}}</c> nodes with <c>__keras_tensor__</c> references; a bare triple
/// for a single input or output) or, with <c>legacy: true</c>, Keras 2's nested lists. Reading accepts both, creates
/// the layers through <see cref="SerializationRegistry"/>, then replays the calls in order (shared layers and nested
/// models included) to rebuild the same graph. The model kind is registered as <c>Functional</c> (alias <c>Model</c>).
/// </remarks>
/// <example><code>
/// JsonObject config = FunctionalConfig.GetConfig(model);
/// Functional copy = FunctionalConfig.FromConfig(config);   // same graph, fresh weights
/// </code></example>
public static class FunctionalConfig
{
    /// <summary>The model's graph config.</summary>
    /// <param name="model">The model.</param>
    /// <param name="legacy">Write the Keras 2 form (nested-list nodes, legacy envelopes). Defaults to false.</param>
    /// <returns>The config object (the <c>config</c> part of the model's envelope).</returns>
    public static JsonObject GetConfig(Functional model, bool legacy = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new JsonArray();
        foreach (var layer in model.Layers)
        {
            var entry = KerasSerialization.SerializeLayer(layer, legacy);
            entry["name"] = layer.Name;
            entry["inbound_nodes"] = new JsonArray(OwnNodes(model, layer)
                .Where(node => !node.IsInput)
                .Select(node => legacy ? (JsonNode?)LegacyNode(model, node) : KerasNode(model, node))
                .ToArray());
            layers.Add(entry);
        }
        return new JsonObject
        {
            ["name"] = model.Name,
            ["trainable"] = model.Trainable,
            ["layers"] = layers,
            ["input_layers"] = Endpoints(model, model.Inputs, legacy),
            ["output_layers"] = Endpoints(model, model.Outputs, legacy),
        };
    }

    /// <summary>Rebuilds a model from its graph config (Keras 2 or Keras 3 form).</summary>
    /// <param name="config">The config object (not the envelope).</param>
    /// <returns>The model, with fresh weights.</returns>
    /// <exception cref="ArgumentException">The config is malformed: a missing key, an unknown layer name, a node that
    /// can never be created.</exception>
    public static Functional FromConfig(JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new ConfigReader("Functional", config);
        var model = FunctionalConfigReader.Read(reader);
        if (!reader.Trainable)
        {
            model.Trainable = false;
        }
        return model;
    }

    /// <summary>The layer's nodes that belong to this model, in call order (their positions are the node indices
    /// written in the config; calls of a shared layer made outside the model are skipped, as Keras does).</summary>
    internal static List<Node> OwnNodes(Functional model, Layer layer) =>
        layer.InboundNodes.Where(model.ContainsNode).ToList();

    /// <summary>Keras 3: <c>{"args": [tensor or [tensors]], "kwargs": {}}</c>.</summary>
    private static JsonObject KerasNode(Functional model, Node node)
    {
        var tensors = node.Inputs.Select(t => (JsonNode?)KerasTensorConfig(model, t)).ToArray();
        var args = node.Inputs.Count == 1 || node.Layer.InputsAreSeparateArguments
            ? new JsonArray(tensors)
            : new JsonArray(new JsonArray(tensors));
        return new JsonObject { ["args"] = args, ["kwargs"] = new JsonObject() };
    }

    private static JsonObject KerasTensorConfig(Functional model, KerasTensor tensor) => new()
    {
        ["class_name"] = "__keras_tensor__",
        ["config"] = new JsonObject
        {
            ["shape"] = KerasSerialization.SerializeValue(tensor.Shape),
            ["dtype"] = tensor.DType,
            ["keras_history"] = new JsonArray(tensor.Layer.Name, NodeIndex(model, tensor), tensor.TensorIndex),
        },
    };

    /// <summary>Keras 2: <c>[[layer_name, node_index, tensor_index, {}], ...]</c>.</summary>
    private static JsonArray LegacyNode(Functional model, Node node) => new(node.Inputs
        .Select(t => (JsonNode?)new JsonArray(t.Layer.Name,
            NodeIndex(model, t) + FunctionalConfigReader.LegacyOffset(t.Layer), t.TensorIndex, new JsonObject()))
        .ToArray());

    /// <summary>A bare triple for one tensor and a list of triples for several (Keras 3); always a list (Keras 2).
    /// Node indices of nested models count from 1: Keras 2 counts their internal node, and Keras 3 keeps that for
    /// functional models here.</summary>
    private static JsonNode Endpoints(Functional model, IReadOnlyList<KerasTensor> tensors, bool legacy)
    {
        var triples = tensors.Select(t => new JsonArray(t.Layer.Name,
                NodeIndex(model, t) +
                (legacy ? FunctionalConfigReader.LegacyOffset(t.Layer) : t.Layer is Functional ? 1 : 0),
                t.TensorIndex))
            .ToList();
        return !legacy && triples.Count == 1 ? triples[0] : new JsonArray(triples.Cast<JsonNode?>().ToArray());
    }

    private static int NodeIndex(Functional model, KerasTensor tensor) =>
        OwnNodes(model, tensor.Layer).IndexOf(tensor.Node);

    /// <summary>Registers the model kind when this assembly loads, so configs naming <c>Functional</c> or Keras 2's
    /// <c>Model</c> can be read.</summary>
#pragma warning disable CA2255 // The registry is a library-level table; registering on load is the intended use here.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterModelKind() =>
        SerializationRegistry.RegisterBuiltIn<Functional>("keras.src.models.functional", "Functional", FromConfig,
            registeredName: "Functional", toConfig: GetConfig,
            buildConfig: _ => new JsonObject { ["input_shape"] = null }, aliases: "Model");
}

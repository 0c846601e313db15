using System.Text;
using Keras.Layers;

namespace Keras;

/// <summary>Keras' <c>model_to_dot</c> walk: one box per layer, an arrow for every layer call's input from the layer
/// that produced it, and with <c>expandNested</c> nested models opened into clusters whose arrows reach the boxes
/// inside.</summary>
internal sealed class PlotGraphBuilder
{
    private readonly PlotOptions _options;
    private readonly Dictionary<Layer, PlotNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Layer> _expanded = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(PlotNode, PlotNode)> _edgeKeys = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<PlotNode> _nodeList = [];
    private readonly List<PlotEdge> _edges = [];
    private readonly List<PlotCluster> _clusters = [];

    private PlotGraphBuilder(PlotOptions options) => _options = options;

    /// <summary>Builds the plot graph of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The model is not built.</exception>
    internal static PlotGraph Build(Model model, PlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Built)
        {
            throw new ArgumentException(
                $"This model (\"{model.Name}\") has not yet been built. Build the model first by calling `Build()` " +
                "or by calling the model on a batch of data.", nameof(model));
        }
        var builder = new PlotGraphBuilder(options);
        if (IsContainer(model))
        {
            builder.AddContents(model, null);
        }
        else
        {
            // Keras draws a subclassed model as a single box.
            builder.AddNode(model, null, LayerFacts.FromNode(model, model.InboundNodes.FirstOrDefault(),
                options.ShowLayerActivations));
        }
        return new PlotGraph(model.Name, builder._nodeList, builder._edges, builder._clusters, options);
    }

    /// <summary>The layers of a Sequential model with its input layer first, or null for other models.</summary>
    internal static IReadOnlyList<Layer>? StackLayers(Model model) => model.StackedLayers;

    private static bool IsContainer(Layer layer) =>
        layer is Functional || (layer is Model model && StackLayers(model) is not null);

    private void AddContents(Model model, PlotCluster? cluster)
    {
        var stack = StackLayers(model);
        var layers = stack ?? model.Layers;
        Shape? stackShape = model.BuildInputShape;
        foreach (var layer in layers)
        {
            LayerFacts facts;
            if (stack is not null)
            {
                (facts, stackShape) = LayerFacts.FromStack(layer, stackShape, _options.ShowLayerActivations);
            }
            else
            {
                var functional = (Functional)model;
                var node = layer.InboundNodes.FirstOrDefault(functional.ContainsNode) ??
                           layer.InboundNodes.FirstOrDefault();
                facts = LayerFacts.FromNode(layer, node, _options.ShowLayerActivations);
            }
            if (_options.ExpandNested && IsContainer(layer))
            {
                if (_expanded.Add(layer))
                {
                    var child = new PlotCluster(UniqueId("cluster_" + Sanitize(layer.Name)), layer.Name, cluster);
                    _clusters.Add(child);
                    AddContents((Model)layer, child);
                }
            }
            else
            {
                AddNode(layer, cluster, facts);
            }
        }

        if (stack is not null)
        {
            for (int i = 0; i + 1 < stack.Count; i++)
            {
                Connect(stack[i], 0, stack[i + 1], 0);
            }
            return;
        }
        var graph = (Functional)model;
        foreach (var layer in layers)
        {
            foreach (var node in layer.InboundNodes.Where(graph.ContainsNode))
            {
                for (int i = 0; i < node.Inputs.Count; i++)
                {
                    var input = node.Inputs[i];
                    Connect(input.Node.Layer, input.TensorIndex, layer, i);
                }
            }
        }
    }

    private void AddNode(Layer layer, PlotCluster? cluster, LayerFacts facts)
    {
        if (_nodes.ContainsKey(layer))
        {
            return;
        }
        var node = new PlotNode(UniqueId(Sanitize(layer.Name)), layer, LayerLabel.For(layer, facts, _options), cluster);
        _nodes[layer] = node;
        _nodeList.Add(node);
    }

    private void Connect(Layer source, int outputIndex, Layer destination, int inputIndex)
    {
        if (_options.ExpandNested)
        {
            source = ResolveSource(source, outputIndex);
            destination = ResolveDestination(destination, inputIndex);
        }
        if (_nodes.TryGetValue(source, out var from) && _nodes.TryGetValue(destination, out var to) &&
            _edgeKeys.Add((from, to)))
        {
            _edges.Add(new PlotEdge(from, to));
        }
    }

    // An expanded model has no box of its own: an arrow leaving it starts at the box that made the output.
    private static Layer ResolveSource(Layer layer, int outputIndex)
    {
        for (int guard = 0; guard < 64 && IsContainer(layer); guard++)
        {
            if (layer is Functional functional)
            {
                if (outputIndex >= functional.Outputs.Count)
                {
                    break;
                }
                var output = functional.Outputs[outputIndex];
                layer = output.Node.Layer;
                outputIndex = output.TensorIndex;
            }
            else if (StackLayers((Model)layer) is { Count: > 0 } stack)
            {
                layer = stack[^1];
                outputIndex = 0;
            }
            else
            {
                break;
            }
        }
        return layer;
    }

    // ... and an arrow entering it ends at the matching input layer (functional) or its first box (Sequential).
    private static Layer ResolveDestination(Layer layer, int inputIndex)
    {
        for (int guard = 0; guard < 64 && IsContainer(layer); guard++)
        {
            if (layer is Functional functional)
            {
                if (inputIndex >= functional.Inputs.Count)
                {
                    break;
                }
                layer = functional.Inputs[inputIndex].Node.Layer;
            }
            else if (StackLayers((Model)layer) is { Count: > 0 } stack)
            {
                layer = stack[0];
                inputIndex = 0;
            }
            else
            {
                break;
            }
        }
        return layer;
    }

    private string UniqueId(string id)
    {
        string candidate = id;
        for (int n = 2; !_ids.Add(candidate); n++)
        {
            candidate = $"{id}__{n}";
        }
        return candidate;
    }

    // DOT identifiers that need no escaping: letters, digits and underscores, not starting with a digit.
    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, "layer_");
        }
        return sb.ToString();
    }
}

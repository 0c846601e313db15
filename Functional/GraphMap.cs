namespace Keras;

/// <summary>Keras' <c>map_graph</c>: the nodes and layers between a model's inputs and outputs, ordered by depth, with
/// Keras' errors for cycles, disconnected graphs and duplicate names.</summary>
internal sealed class GraphMap
{
    private GraphMap(List<List<Node>> nodesByDepth, List<Layer> layers, HashSet<Node> nodes)
    {
        NodesByDepth = nodesByDepth;
        Layers = layers;
        Nodes = nodes;
    }

    /// <summary>Nodes grouped by depth, deepest (inputs) first: the execution order.</summary>
    internal List<List<Node>> NodesByDepth { get; }

    /// <summary>Every layer in the graph, inputs first, then by depth and traversal order.</summary>
    internal List<Layer> Layers { get; }

    /// <summary>The nodes that belong to this graph (a shared layer may have others elsewhere).</summary>
    internal HashSet<Node> Nodes { get; }

    internal static GraphMap Build(IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs)
    {
        var finished = new HashSet<Node>();
        var inProgress = new HashSet<Node>();
        var decreasing = new List<Node>();
        var layerIndices = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        var inputSet = new HashSet<KerasTensor>(inputs, ReferenceEqualityComparer.Instance);
        foreach (var output in outputs)
        {
            Visit(output, inputSet, finished, inProgress, decreasing, layerIndices);
        }

        var nodeDepths = new Dictionary<Node, int>();
        var layerDepths = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        for (int i = decreasing.Count - 1; i >= 0; i--)
        {
            var node = decreasing[i];
            int depth = nodeDepths.GetValueOrDefault(node, 0);
            depth = Math.Max(depth, layerDepths.GetValueOrDefault(node.Layer, 0));
            layerDepths[node.Layer] = depth;
            nodeDepths[node] = depth;
            if (!inputSet.Overlaps(node.Outputs))
            {
                foreach (var parent in node.ParentNodes)
                {
                    nodeDepths[parent] = Math.Max(depth + 1, nodeDepths.GetValueOrDefault(parent, 0));
                }
            }
        }
        foreach (var input in inputs)
        {
            if (!layerDepths.ContainsKey(input.Layer))
            {
                layerDepths[input.Layer] = 0;
                layerIndices[input.Layer] = -1;
                nodeDepths[input.Node] = 0;
            }
        }

        var depthKeys = nodeDepths.Values.Concat(layerDepths.Values).Distinct().OrderDescending().ToList();
        var nodesByDepth = depthKeys.Select(d => nodeDepths.Where(kv => kv.Value == d).Select(kv => kv.Key).ToList()).ToList();
        var layers = new List<Layer>();
        foreach (var depth in depthKeys)
        {
            layers.AddRange(layerDepths.Where(kv => kv.Value == depth).Select(kv => kv.Key)
                .OrderBy(l => layerIndices.GetValueOrDefault(l, -1)));
        }

        CheckConnected(inputs, nodesByDepth);
        var duplicate = layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"The name \"{duplicate.Key}\" is used {duplicate.Count()} times in the model. All layer names should be unique.");
        }
        return new GraphMap(nodesByDepth, layers, nodeDepths.Keys.ToHashSet());
    }

    private static void Visit(KerasTensor tensor, HashSet<KerasTensor> inputs, HashSet<Node> finished,
        HashSet<Node> inProgress, List<Node> decreasing, Dictionary<Layer, int> layerIndices)
    {
        var node = tensor.Node ?? throw new ArgumentException($"Tensor {tensor} was not produced by a layer call.");
        if (finished.Contains(node))
        {
            return;
        }
        if (!inProgress.Add(node))
        {
            throw new ArgumentException($"Tensor {tensor} from layer \"{node.Layer.Name}\" is part of a cycle.");
        }
        layerIndices.TryAdd(node.Layer, layerIndices.Count);
        if (!node.IsInput && !inputs.Contains(tensor))
        {
            foreach (var input in node.Inputs)
            {
                Visit(input, inputs, finished, inProgress, decreasing, layerIndices);
            }
        }
        finished.Add(node);
        inProgress.Remove(node);
        decreasing.Add(node);
    }

    private static void CheckConnected(IReadOnlyList<KerasTensor> inputs, List<List<Node>> nodesByDepth)
    {
        var computable = new HashSet<KerasTensor>(inputs, ReferenceEqualityComparer.Instance);
        var done = new List<string>();
        foreach (var nodes in nodesByDepth)
        {
            foreach (var node in nodes)
            {
                if (node.IsInput && !computable.Overlaps(node.Outputs))
                {
                    throw new ArgumentException(
                        $"Graph disconnected: cannot find parent for tensor {node.Outputs[0]} at layer " +
                        $"\"{node.Layer.Name}\": it is not one of the model's inputs. The following previous layers " +
                        $"were accessed without issue: [{string.Join(", ", done)}]");
                }
                foreach (var input in node.Inputs)
                {
                    if (!computable.Contains(input))
                    {
                        throw new ArgumentException(
                            $"Graph disconnected: cannot find parent for tensor {input} at layer \"{node.Layer.Name}\". " +
                            $"The following previous layers were accessed without issue: [{string.Join(", ", done)}]");
                    }
                }
                foreach (var output in node.Outputs)
                {
                    computable.Add(output);
                }
                done.Add(node.Layer.Name);
            }
        }
    }
}

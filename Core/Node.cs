namespace Keras;

/// <summary>One call of a layer on symbolic tensors: the edge set of a model graph (Keras' <c>Node</c>).</summary>
/// <remarks>A layer called at several places (a shared layer) has several inbound nodes and one set of weights.</remarks>
/// <example><code>
/// Node node = hidden.Node;   // Console.WriteLine(node.Layer.Name);
/// </code></example>
public sealed class Node
{
    internal Node(Layer layer, IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs, int index)
    {
        Layer = layer;
        Inputs = inputs;
        Outputs = outputs;
        Index = index;
    }

    /// <summary>The layer that was called.</summary>
    public Layer Layer { get; }

    /// <summary>The symbolic inputs of the call.</summary>
    public IReadOnlyList<KerasTensor> Inputs { get; }

    /// <summary>The symbolic outputs of the call.</summary>
    public IReadOnlyList<KerasTensor> Outputs { get; }

    /// <summary>The position of this node among the layer's inbound nodes.</summary>
    public int Index { get; }

    /// <summary>Whether this node is an input layer's (it has no inputs).</summary>
    public bool IsInput => Inputs.Count == 0;

    /// <summary>The nodes that produced this node's inputs.</summary>
    public IEnumerable<Node> ParentNodes => Inputs.Select(t => t.Node);
}

namespace Keras.Onnx;

/// <summary>The parts of a <c>GraphProto</c>, in the order they were added.</summary>
internal sealed class OnnxGraph
{
    internal OnnxGraph(string name) => Name = name;

    internal string Name { get; }

    internal List<OnnxNode> Nodes { get; } = [];

    internal List<OnnxTensor> Initializers { get; } = [];

    internal List<OnnxValueInfo> Inputs { get; } = [];

    internal List<OnnxValueInfo> Outputs { get; } = [];
}

namespace Keras.Onnx;

/// <summary>One operator call of the graph being built (<c>NodeProto</c>); value names can be renamed in place.</summary>
internal sealed class OnnxNode
{
    internal OnnxNode(string name, string opType, List<string> inputs, List<string> outputs,
        IReadOnlyList<OnnxAttribute> attributes)
    {
        Name = name;
        OpType = opType;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes;
    }

    internal string Name { get; }

    internal string OpType { get; }

    internal List<string> Inputs { get; }

    internal List<string> Outputs { get; }

    internal IReadOnlyList<OnnxAttribute> Attributes { get; }
}

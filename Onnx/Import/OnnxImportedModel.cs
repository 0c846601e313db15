namespace Keras.Onnx.Import;

/// <summary>The parts of an ONNX <c>ModelProto</c> the importer reads: the default-domain opset and the main graph.
/// </summary>
internal sealed record OnnxImportedModel(long IrVersion, int Opset, string Producer, OnnxImportedGraph Graph);

/// <summary>A <c>GraphProto</c> as read: nodes in file order, initializers by name, graph inputs (initializers
/// excluded) and outputs, and the declared shapes of intermediate values (<c>value_info</c>).</summary>
internal sealed class OnnxImportedGraph
{
    internal List<OnnxImportedNode> Nodes { get; } = [];

    internal Dictionary<string, OnnxImportedTensor> Initializers { get; } = [];

    internal List<OnnxImportedValueInfo> Inputs { get; } = [];

    internal List<OnnxImportedValueInfo> Outputs { get; } = [];

    internal Dictionary<string, OnnxImportedValueInfo> ValueInfos { get; } = [];
}

/// <summary>A <c>NodeProto</c> as read.</summary>
internal sealed record OnnxImportedNode(string Name, string OpType, string Domain, IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, OnnxImportedAttribute> Attributes)
{
    /// <summary>The node's name for messages: its name, or its op type and first output when unnamed.</summary>
    internal string Display => Name.Length > 0 ? Name : $"{OpType} → {Outputs.FirstOrDefault()}";
}

/// <summary>A <c>ValueInfoProto</c> as read: element type and dims (null for a symbolic or missing dim); Dims is null
/// when the file declares no shape.</summary>
internal sealed record OnnxImportedValueInfo(string Name, int ElemType, IReadOnlyList<long?>? Dims);

/// <summary>An <c>AttributeProto</c> as read; only the field named by <see cref="Kind"/> is meaningful.</summary>
internal sealed record OnnxImportedAttribute(string Name, OnnxAttributeKind Kind, float Float, long Int, string Text,
    OnnxImportedTensor? Tensor, IReadOnlyList<float> Floats, IReadOnlyList<long> Ints);

/// <summary>A constant tensor (initializer, <c>Constant</c> node value or tensor attribute), its numbers widened to
/// double for float types and kept as long for integer types.</summary>
internal sealed record OnnxImportedTensor(string Name, OnnxDataType DataType, long[] Dims, double[] Values)
{
    /// <summary>The element count the dims imply.</summary>
    internal long Count => Dims.Aggregate(1L, (a, d) => a * d);

    /// <summary>The values as float32, row-major.</summary>
    internal float[] ToFloats() => Values.Select(v => (float)v).ToArray();

    /// <summary>The values as integers (shapes, axes, pads).</summary>
    internal long[] ToInt64s() => Values.Select(v => (long)v).ToArray();

    /// <summary>A float32 TorchSharp tensor of the values with the tensor's dims.</summary>
    internal Tensor ToTorch() => torch.tensor(ToFloats(), Dims);
}

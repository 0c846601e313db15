namespace Keras.Onnx;

/// <summary>The <c>AttributeProto.AttributeType</c> values Keras.Net writes.</summary>
internal enum OnnxAttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,

    /// <summary>A subgraph (<c>AttributeProto.g</c>), the body of <c>Scan</c>, <c>Loop</c> and <c>If</c>.</summary>
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
}

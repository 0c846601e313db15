namespace Keras.Onnx;

/// <summary>A graph input or output (<c>ValueInfoProto</c>): name, element type and dims, where a null dim is
/// symbolic and named by <paramref name="DimParams"/>.</summary>
internal sealed record OnnxValueInfo(string Name, OnnxDataType ElemType, IReadOnlyList<long?> Dims,
    IReadOnlyList<string> DimParams);

namespace Keras.Onnx;

/// <summary>Maps Keras dtype names to ONNX element types.</summary>
internal static class OnnxDataTypes
{
    /// <summary>The ONNX element type of a Keras dtype (<c>"float32"</c>, <c>"int64"</c>, ...).</summary>
    internal static OnnxDataType FromKeras(string dtype) => dtype switch
    {
        "float32" => OnnxDataType.Float,
        "float64" => OnnxDataType.Double,
        "int64" => OnnxDataType.Int64,
        "int32" => OnnxDataType.Int32,
        "int8" => OnnxDataType.Int8,
        "uint8" => OnnxDataType.UInt8,
        "bool" => OnnxDataType.Bool,
        "string" => OnnxDataType.String,
        _ => throw new NotSupportedException(
            $"The dtype \"{dtype}\" has no ONNX export. Expected one of: float32, float64, int64, int32, int8, uint8, " +
            "bool, string."),
    };

    /// <summary>The Keras dtype name of an ONNX element type.</summary>
    internal static string ToKeras(OnnxDataType type) => type switch
    {
        OnnxDataType.Float => "float32",
        OnnxDataType.Double => "float64",
        OnnxDataType.Int64 => "int64",
        OnnxDataType.Int32 => "int32",
        OnnxDataType.Int8 => "int8",
        OnnxDataType.UInt8 => "uint8",
        OnnxDataType.Bool => "bool",
        _ => "string",
    };
}

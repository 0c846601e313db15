namespace Keras.Onnx;

/// <summary>ONNX tensor element types (<c>TensorProto.DataType</c> in onnx.proto), the ones Keras.Net exports.</summary>
/// <example><code>
/// var shape = OnnxTensor.FromInt64s("dense/shape", [-1, 10]);   // shape.DataType == OnnxDataType.Int64
/// </code></example>
public enum OnnxDataType
{
    /// <summary>32-bit float (<c>FLOAT = 1</c>).</summary>
    Float = 1,

    /// <summary>Unsigned 8-bit integer (<c>UINT8 = 2</c>).</summary>
    UInt8 = 2,

    /// <summary>Signed 8-bit integer (<c>INT8 = 3</c>).</summary>
    Int8 = 3,

    /// <summary>32-bit integer (<c>INT32 = 6</c>).</summary>
    Int32 = 6,

    /// <summary>64-bit integer (<c>INT64 = 7</c>).</summary>
    Int64 = 7,

    /// <summary>UTF-8 string (<c>STRING = 8</c>).</summary>
    String = 8,

    /// <summary>Boolean (<c>BOOL = 9</c>).</summary>
    Bool = 9,

    /// <summary>64-bit float (<c>DOUBLE = 11</c>).</summary>
    Double = 11,
}

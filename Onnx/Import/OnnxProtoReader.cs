using System.Buffers.Binary;
using Google.Protobuf;
using Keras.Saving;

namespace Keras.Onnx.Import;

/// <summary>Reads an ONNX <c>ModelProto</c> with Google.Protobuf's <see cref="CodedInputStream"/> (field numbers from
/// onnx.proto, the mirror of <see cref="OnnxProtoWriter"/>); unknown fields are skipped.</summary>
/// <remarks>Any malformed input (truncated, not protobuf, wrong wire types, external data) becomes a
/// <see cref="KerasFileException"/> naming the file.</remarks>
internal static class OnnxProtoReader
{
    internal static OnnxImportedModel ReadModel(byte[] bytes, string? path)
    {
        try
        {
            var model = ParseModel(new CodedInputStream(bytes));
            if (model.Graph.Nodes.Count == 0 && model.Graph.Outputs.Count == 0)
            {
                throw new InvalidDataException("the ModelProto has no graph (no nodes and no outputs)");
            }
            return model;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException or OverflowException
            or ArgumentException or IndexOutOfRangeException)
        {
            throw new KerasFileException(
                $"Could not read the ONNX model {KerasFileException.Describe(path)}: {e.Message}. Expected a " +
                "serialized onnx.ModelProto with its weights inside the file.", path, e);
        }
    }

    private static OnnxImportedModel ParseModel(CodedInputStream input)
    {
        long irVersion = 0;
        int? opset = null;
        string producer = "";
        OnnxImportedGraph? graph = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    irVersion = input.ReadInt64();
                    break;
                case 2:
                    producer = input.ReadString();
                    break;
                case 7:
                    graph = Embedded(input, ParseGraph);
                    break;
                case 8:
                    var (domain, version) = Embedded(input, ParseOpset);
                    if (domain is "" or "ai.onnx")
                    {
                        opset = (int)version;
                    }
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        if (graph is null)
        {
            throw new InvalidDataException("the ModelProto has no graph");
        }
        // IR version 3+ files always list the default opset; older ones predate opset 7 anyway.
        return new OnnxImportedModel(irVersion, opset ?? 1, producer, graph);
    }

    private static (string Domain, long Version) ParseOpset(CodedInputStream input)
    {
        string domain = "";
        long version = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    domain = input.ReadString();
                    break;
                case 2:
                    version = input.ReadInt64();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return (domain, version);
    }

    private static OnnxImportedGraph ParseGraph(CodedInputStream input)
    {
        var graph = new OnnxImportedGraph();
        var inputs = new List<OnnxImportedValueInfo>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    graph.Nodes.Add(Embedded(input, ParseNode));
                    break;
                case 5:
                    var tensor = Embedded(input, ParseTensor);
                    graph.Initializers[tensor.Name] = tensor;
                    break;
                case 11:
                    inputs.Add(Embedded(input, ParseValueInfo));
                    break;
                case 12:
                    graph.Outputs.Add(Embedded(input, ParseValueInfo));
                    break;
                case 13:
                    var info = Embedded(input, ParseValueInfo);
                    graph.ValueInfos[info.Name] = info;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        // IR < 4 lists initializers among the inputs too; only the others are fed at run time.
        graph.Inputs.AddRange(inputs.Where(i => !graph.Initializers.ContainsKey(i.Name)));
        return graph;
    }

    private static OnnxImportedNode ParseNode(CodedInputStream input)
    {
        List<string> inputs = [], outputs = [];
        string name = "", opType = "", domain = "";
        var attributes = new Dictionary<string, OnnxImportedAttribute>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    inputs.Add(input.ReadString());
                    break;
                case 2:
                    outputs.Add(input.ReadString());
                    break;
                case 3:
                    name = input.ReadString();
                    break;
                case 4:
                    opType = input.ReadString();
                    break;
                case 5:
                    var attribute = Embedded(input, ParseAttribute);
                    attributes[attribute.Name] = attribute;
                    break;
                case 7:
                    domain = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new OnnxImportedNode(name, opType, domain, inputs, outputs, attributes);
    }

    private static OnnxImportedAttribute ParseAttribute(CodedInputStream input)
    {
        string name = "", text = "";
        float f = 0;
        long i = 0;
        OnnxImportedTensor? tensor = null;
        List<float> floats = [];
        List<long> ints = [];
        OnnxAttributeKind? kind = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    name = input.ReadString();
                    break;
                case 2:
                    f = input.ReadFloat();
                    break;
                case 3:
                    i = input.ReadInt64();
                    break;
                case 4:
                    text = input.ReadBytes().ToStringUtf8();
                    break;
                case 5:
                    tensor = Embedded(input, ParseTensor);
                    break;
                case 7:
                    ReadRepeated(input, tag, floats, s => s.ReadFloat());
                    break;
                case 8:
                    ReadRepeated(input, tag, ints, s => s.ReadInt64());
                    break;
                case 20:
                    kind = (OnnxAttributeKind)input.ReadEnum();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        // Files older than IR 2 leave `type` out; infer it from the field that was set.
        kind ??= tensor is not null ? OnnxAttributeKind.Tensor
            : ints.Count > 0 ? OnnxAttributeKind.Ints
            : floats.Count > 0 ? OnnxAttributeKind.Floats
            : text.Length > 0 ? OnnxAttributeKind.String
            : f != 0 ? OnnxAttributeKind.Float
            : OnnxAttributeKind.Int;
        return new OnnxImportedAttribute(name, kind.Value, f, i, text, tensor, floats, ints);
    }

    private static OnnxImportedTensor ParseTensor(CodedInputStream input)
    {
        List<long> dims = [];
        int dataType = 0;
        string name = "";
        ByteString? raw = null;
        List<float> floatData = [];
        List<int> int32Data = [];
        List<long> int64Data = [];
        List<double> doubleData = [];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    ReadRepeated(input, tag, dims, s => s.ReadInt64());
                    break;
                case 2:
                    dataType = input.ReadInt32();
                    break;
                case 4:
                    ReadRepeated(input, tag, floatData, s => s.ReadFloat());
                    break;
                case 5:
                    ReadRepeated(input, tag, int32Data, s => s.ReadInt32());
                    break;
                case 7:
                    ReadRepeated(input, tag, int64Data, s => s.ReadInt64());
                    break;
                case 8:
                    name = input.ReadString();
                    break;
                case 9:
                    raw = input.ReadBytes();
                    break;
                case 10:
                    ReadRepeated(input, tag, doubleData, s => s.ReadDouble());
                    break;
                case 14:
                    if (input.ReadEnum() == 1)
                    {
                        throw new InvalidDataException(
                            $"tensor \"{name}\" keeps its data in an external file, which the importer does not read");
                    }
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        if (dims.Any(d => d < 0))
        {
            throw new InvalidDataException($"tensor \"{name}\" has negative dims [{string.Join(", ", dims)}]");
        }
        var type = (OnnxDataType)dataType;
        double[] values = raw is not null ? DecodeRaw(name, type, raw.Span)
            : type switch
            {
                OnnxDataType.Float => floatData.Select(v => (double)v).ToArray(),
                OnnxDataType.Double => doubleData.ToArray(),
                OnnxDataType.Int64 => int64Data.Select(v => (double)v).ToArray(),
                OnnxDataType.Int32 or OnnxDataType.Int8 or OnnxDataType.UInt8 or OnnxDataType.Bool =>
                    int32Data.Select(v => (double)v).ToArray(),
                _ => throw new InvalidDataException($"tensor \"{name}\" has data type {dataType}, which the importer " +
                    "does not read (expected float, double, int64, int32, int8, uint8 or bool)"),
            };
        var tensor = new OnnxImportedTensor(name, type, dims.ToArray(), values);
        if (tensor.Count != values.Length)
        {
            throw new InvalidDataException(
                $"tensor \"{name}\" has dims [{string.Join(", ", dims)}] ({tensor.Count} elements) but holds " +
                $"{values.Length} values");
        }
        return tensor;
    }

    private static double[] DecodeRaw(string name, OnnxDataType type, ReadOnlySpan<byte> raw)
    {
        int width = type switch
        {
            OnnxDataType.Float or OnnxDataType.Int32 => 4,
            OnnxDataType.Double or OnnxDataType.Int64 => 8,
            OnnxDataType.Int8 or OnnxDataType.UInt8 or OnnxDataType.Bool => 1,
            _ => throw new InvalidDataException($"tensor \"{name}\" has data type {(int)type}, which the importer " +
                "does not read (expected float, double, int64, int32, int8, uint8 or bool)"),
        };
        if (raw.Length % width != 0)
        {
            throw new InvalidDataException($"tensor \"{name}\" has {raw.Length} raw bytes, not a multiple of {width}");
        }
        var values = new double[raw.Length / width];
        for (int i = 0; i < values.Length; i++)
        {
            var bytes = raw.Slice(i * width, width);
            values[i] = type switch
            {
                OnnxDataType.Float => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                OnnxDataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
                OnnxDataType.Double => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                OnnxDataType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
                OnnxDataType.Int8 => (sbyte)bytes[0],
                _ => bytes[0],
            };
        }
        return values;
    }

    private static OnnxImportedValueInfo ParseValueInfo(CodedInputStream input)
    {
        string name = "";
        (int ElemType, List<long?>? Dims) type = (0, null);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    name = input.ReadString();
                    break;
                case 2:
                    type = Embedded(input, ParseType);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new OnnxImportedValueInfo(name, type.ElemType, type.Dims);
    }

    // TypeProto → tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1) | dim_param (2).
    private static (int ElemType, List<long?>? Dims) ParseType(CodedInputStream input)
    {
        (int, List<long?>?) result = (0, null);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                result = Embedded(input, ParseTensorType);
            }
            else
            {
                input.SkipLastField();
            }
        }
        return result;
    }

    private static (int ElemType, List<long?>? Dims) ParseTensorType(CodedInputStream input)
    {
        int elemType = 0;
        List<long?>? dims = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    elemType = input.ReadInt32();
                    break;
                case 2:
                    dims = Embedded(input, ParseShape);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return (elemType, dims);
    }

    private static List<long?> ParseShape(CodedInputStream input)
    {
        var dims = new List<long?>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                dims.Add(Embedded(input, ParseDimension));
            }
            else
            {
                input.SkipLastField();
            }
        }
        return dims;
    }

    private static long? ParseDimension(CodedInputStream input)
    {
        long? value = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                value = input.ReadInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }
        return value;
    }

    /// <summary>Reads a length-delimited embedded message with its own stream, so a bad length cannot run past it.
    /// </summary>
    private static T Embedded<T>(CodedInputStream input, Func<CodedInputStream, T> parse)
    {
        var bytes = input.ReadBytes();
        return parse(new CodedInputStream(bytes.ToByteArray()));
    }

    /// <summary>Reads a repeated scalar field written packed (one length-delimited run) or unpacked (one per tag).
    /// </summary>
    private static void ReadRepeated<T>(CodedInputStream input, uint tag, List<T> values,
        Func<CodedInputStream, T> read)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
        {
            values.Add(read(input));
            return;
        }
        var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
        while (!packed.IsAtEnd)
        {
            values.Add(read(packed));
        }
    }
}

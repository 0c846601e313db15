using Google.Protobuf;

namespace Keras.Onnx;

/// <summary>Serializes a graph as an ONNX <c>ModelProto</c> with Google.Protobuf's <see cref="CodedOutputStream"/>;
/// field numbers are onnx.proto's (IR version 8).</summary>
internal static class OnnxProtoWriter
{
    /// <summary>The IR version matching opset 17 (onnx 1.12 - 1.14).</summary>
    internal const long IrVersion = 8;

    internal static byte[] WriteModel(OnnxGraph graph, int opset, IReadOnlyDictionary<string, string> metadata) =>
        Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(IrVersion);
            String(o, 2, "Keras.Net");
            String(o, 3, typeof(OnnxProtoWriter).Assembly.GetName().Version?.ToString() ?? "0");
            Embedded(o, 7, WriteGraph(graph));
            Embedded(o, 8, Message(m =>
            {
                String(m, 1, "");
                m.WriteTag(2, WireFormat.WireType.Varint);
                m.WriteInt64(opset);
            }));
            foreach (var (key, value) in metadata)
            {
                Embedded(o, 14, Message(m =>
                {
                    String(m, 1, key);
                    String(m, 2, value);
                }));
            }
        });

    private static byte[] WriteGraph(OnnxGraph graph) => Message(o =>
    {
        foreach (var node in graph.Nodes)
        {
            Embedded(o, 1, WriteNode(node));
        }
        String(o, 2, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            Embedded(o, 5, WriteTensor(tensor));
        }
        foreach (var input in graph.Inputs)
        {
            Embedded(o, 11, WriteValueInfo(input));
        }
        foreach (var output in graph.Outputs)
        {
            Embedded(o, 12, WriteValueInfo(output));
        }
    });

    private static byte[] WriteNode(OnnxNode node) => Message(o =>
    {
        foreach (var input in node.Inputs)
        {
            String(o, 1, input);
        }
        foreach (var output in node.Outputs)
        {
            String(o, 2, output);
        }
        String(o, 3, node.Name);
        String(o, 4, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            Embedded(o, 5, WriteAttribute(attribute));
        }
    });

    private static byte[] WriteAttribute(OnnxAttribute attribute) => Message(o =>
    {
        String(o, 1, attribute.Name);
        switch (attribute.Kind)
        {
            case OnnxAttributeKind.Float:
                o.WriteTag(2, WireFormat.WireType.Fixed32);
                o.WriteFloat(attribute.FloatValue);
                break;
            case OnnxAttributeKind.Int:
                o.WriteTag(3, WireFormat.WireType.Varint);
                o.WriteInt64(attribute.IntValue);
                break;
            case OnnxAttributeKind.String:
                String(o, 4, attribute.StringValue!);
                break;
            case OnnxAttributeKind.Tensor:
                Embedded(o, 5, WriteTensor(attribute.TensorValue!));
                break;
            case OnnxAttributeKind.Graph:
                Embedded(o, 6, WriteGraph(attribute.GraphValue!));
                break;
            case OnnxAttributeKind.Floats:
                foreach (var value in attribute.FloatValues)
                {
                    o.WriteTag(7, WireFormat.WireType.Fixed32);
                    o.WriteFloat(value);
                }
                break;
            case OnnxAttributeKind.Ints:
                foreach (var value in attribute.IntValues)
                {
                    o.WriteTag(8, WireFormat.WireType.Varint);
                    o.WriteInt64(value);
                }
                break;
            case OnnxAttributeKind.Strings:
                foreach (var value in attribute.StringValues)
                {
                    String(o, 9, value);
                }
                break;
        }
        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteEnum((int)attribute.Kind);
    });

    private static byte[] WriteTensor(OnnxTensor tensor) => Message(o =>
    {
        foreach (var dim in tensor.Dims)
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(dim);
        }
        o.WriteTag(2, WireFormat.WireType.Varint);
        o.WriteInt32((int)tensor.DataType);
        if (tensor.Strings is { } strings)
        {
            foreach (var s in strings)
            {
                o.WriteTag(6, WireFormat.WireType.LengthDelimited);
                o.WriteBytes(ByteString.CopyFromUtf8(s));
            }
        }
        if (tensor.Name.Length > 0)
        {
            String(o, 8, tensor.Name);
        }
        if (tensor.Strings is null)
        {
            o.WriteTag(9, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(tensor.RawData.Span));
        }
    });

    private static byte[] WriteValueInfo(OnnxValueInfo info) => Message(o =>
    {
        String(o, 1, info.Name);
        var shape = Message(s =>
        {
            for (int i = 0; i < info.Dims.Count; i++)
            {
                int index = i;
                Embedded(s, 1, Message(d =>
                {
                    if (info.Dims[index] is long value)
                    {
                        d.WriteTag(1, WireFormat.WireType.Varint);
                        d.WriteInt64(value);
                    }
                    else
                    {
                        String(d, 2, info.DimParams[index]);
                    }
                }));
            }
        });
        var tensorType = Message(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt32((int)info.ElemType);
            Embedded(t, 2, shape);
        });
        Embedded(o, 2, Message(t => Embedded(t, 1, tensorType)));
    });

    private static void String(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void Embedded(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }
        return stream.ToArray();
    }
}

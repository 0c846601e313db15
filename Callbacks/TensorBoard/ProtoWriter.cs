using System.Buffers.Binary;
using System.Text;

namespace Keras.Callbacks;

/// <summary>A minimal protocol-buffers encoder for the few TensorBoard messages the callback writes
/// (<c>Event</c>, <c>Summary</c>, <c>TensorProto</c>); fields are written in the order they are added.</summary>
/// <remarks>Proto3 rules: scalar fields equal to their default are the caller's to skip; nested messages are
/// written length-delimited even when empty, so that their presence is recorded (as TensorFlow writes an empty
/// <c>tensor_shape</c> for a scalar).</remarks>
internal sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;
    private readonly MemoryStream _buffer = new();

    /// <summary>A varint field (int32, int64, enum, bool).</summary>
    internal ProtoWriter Int(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint((ulong)value);
        return this;
    }

    /// <summary>A <c>double</c> field.</summary>
    internal ProtoWriter Double(int field, double value)
    {
        Tag(field, Fixed64);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A <c>float</c> field.</summary>
    internal ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A <c>bytes</c> field.</summary>
    internal ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>A <c>string</c> field, UTF-8 encoded.</summary>
    internal ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A nested message field.</summary>
    internal ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message._buffer.ToArray());

    /// <summary>The encoded message.</summary>
    internal byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}

using System.Buffers.Binary;
using System.Text;
using Keras.Callbacks;

namespace Keras.Tests.Callbacks;

// The byte-level pieces of TensorBoard event files: CRC-32C (RFC 3720 test vectors), TensorFlow's masked CRC and
// TFRecord framing (expected bytes printed by Debian's python3-crcmod, crc-32c), TensorBoard's histogram buckets.
public sealed class TensorBoardFormatTests
{
    [Theory]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("", 0x00000000u)]
    [InlineData("abc", 0x364B3FB7u)]
    public void Crc32C_KnownStrings(string text, uint expected) =>
        Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Crc32C_Rfc3720Vectors()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113FDB5Cu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
    }

    [Fact]
    public void MaskedCrc_RotatesAndAddsTensorFlowsDelta()
    {
        Assert.Equal(0xA282EAD8u, Crc32C.Masked([]));
        Assert.Equal(0x07980329u, Crc32C.Masked(new byte[8]));
        Assert.Equal(0x21F1576Eu, Crc32C.Masked("abc"u8));
    }

    [Fact]
    public void TFRecord_FramesLengthCrcDataCrc()
    {
        using var stream = new MemoryStream();
        TFRecord.Write(stream, "abc"u8);
        Assert.Equal("0300000000000000b099490e6162636e57f121", Convert.ToHexStringLower(stream.ToArray()));
        Assert.Equal(TFRecord.FramedLength(3), stream.Length);
    }

    [Fact]
    public void TFRecord_ConsecutiveRecordsAreReadBackInOrder()
    {
        using var stream = new MemoryStream();
        byte[][] payloads = [[], [1, 2, 3], Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()];
        foreach (var payload in payloads)
        {
            TFRecord.Write(stream, payload);
        }
        var bytes = stream.ToArray();
        int offset = 0;
        foreach (var payload in payloads)
        {
            var header = bytes.AsSpan(offset, 8);
            Assert.Equal((ulong)payload.Length, BinaryPrimitives.ReadUInt64LittleEndian(header));
            Assert.Equal(Crc32C.Masked(header), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8)));
            Assert.Equal(payload, bytes.AsSpan(offset + 12, payload.Length).ToArray());
            Assert.Equal(Crc32C.Masked(payload),
                BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 12 + payload.Length)));
            offset += (int)TFRecord.FramedLength(payload.Length);
        }
        Assert.Equal(bytes.Length, offset);
    }

    [Fact]
    public void HistogramBuckets_EqualWidthFromMinToMax_MaxInLastBucket()
    {
        var rows = HistogramBuckets.Compute([0.0, 1.0, 2.0, 3.0], bucketCount: 3);
        Assert.Equal(new double[,] { { 0, 1, 1 }, { 1, 2, 1 }, { 2, 3, 2 } }, rows);
    }

    [Fact]
    public void HistogramBuckets_DefaultThirtyBuckets_CountsEveryValue()
    {
        var data = Enumerable.Range(0, 1000).Select(i => Math.Sin(i)).ToArray();
        var rows = HistogramBuckets.Compute(data);
        Assert.Equal(30, rows.GetLength(0));
        Assert.Equal(data.Min(), rows[0, 0]);
        Assert.Equal(data.Max(), rows[29, 1]);
        Assert.Equal(1000.0, Enumerable.Range(0, 30).Sum(i => rows[i, 2]));
        for (int i = 1; i < 30; i++)
        {
            Assert.Equal(rows[i - 1, 1], rows[i, 0]);
        }
    }

    [Fact]
    public void HistogramBuckets_SingleValueAndEmpty_AsTensorBoard()
    {
        Assert.Equal(new double[,] { { 1.5, 2.5, 3 } }, HistogramBuckets.Compute([2.0, 2.0, 2.0]));
        Assert.Equal(0, HistogramBuckets.Compute([]).GetLength(0));
    }
}

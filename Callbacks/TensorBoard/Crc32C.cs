namespace Keras.Callbacks;

/// <summary>CRC-32C (Castagnoli, reflected polynomial <c>0x82F63B78</c>), table driven, and TFRecord's masked
/// form.</summary>
/// <remarks>TFRecord files carry <see cref="Mask"/>ed CRCs so that a CRC of data that itself holds CRCs stays
/// well distributed (TensorFlow's <c>crc32c::Mask</c>).</remarks>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78;
    private const uint MaskDelta = 0xA282EAD8;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>; <c>"123456789"</c> gives <c>0xE3069283</c>.</summary>
    internal static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    /// <summary>TensorFlow's masked CRC: rotate right by 15 bits and add a constant.</summary>
    internal static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The masked CRC-32C of <paramref name="data"/>, as stored in TFRecord framing.</summary>
    internal static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }
            table[i] = crc;
        }
        return table;
    }
}

using System.Buffers.Binary;
using System.Numerics;

namespace Keras.Layers;

/// <summary>SipHash-2-4 keyed with two 64-bit words, the hash behind TensorFlow's
/// <c>tf.strings.to_hash_bucket_strong</c> (Keras' <c>Hashing</c> with a <c>salt</c>).</summary>
/// <remarks>Aumasson and Bernstein's reference algorithm; the key words are <c>k0</c>, <c>k1</c> as TensorFlow passes
/// them to highwayhash's <c>SipHash</c>. Checked against the reference test vectors and Keras' documented
/// outputs.</remarks>
internal static class SipHash
{
    /// <summary>The SipHash-2-4 of <paramref name="message"/> under the key (<paramref name="k0"/>,
    /// <paramref name="k1"/>).</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="message">The bytes.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong Hash(ulong k0, ulong k1, ReadOnlySpan<byte> message)
    {
        ulong v0 = 0x736f6d6570736575UL ^ k0;
        ulong v1 = 0x646f72616e646f6dUL ^ k1;
        ulong v2 = 0x6c7967656e657261UL ^ k0;
        ulong v3 = 0x7465646279746573UL ^ k1;
        int blocks = message.Length / 8 * 8;
        for (int i = 0; i < blocks; i += 8)
        {
            ulong m = BinaryPrimitives.ReadUInt64LittleEndian(message[i..]);
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }
        ulong last = (ulong)message.Length << 56;
        for (int i = blocks; i < message.Length; i++)
        {
            last |= (ulong)message[i] << (8 * (i - blocks));
        }
        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        for (int i = 0; i < 4; i++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        unchecked
        {
            v0 += v1;
            v1 = BitOperations.RotateLeft(v1, 13);
            v1 ^= v0;
            v0 = BitOperations.RotateLeft(v0, 32);
            v2 += v3;
            v3 = BitOperations.RotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = BitOperations.RotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = BitOperations.RotateLeft(v1, 17);
            v1 ^= v2;
            v2 = BitOperations.RotateLeft(v2, 32);
        }
    }
}

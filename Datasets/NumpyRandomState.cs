namespace Keras.Datasets;

/// <summary>numpy's legacy <c>RandomState(seed)</c> (MT19937) and its <c>shuffle</c>, bit for bit, so dataset splits
/// match the ones Keras makes with <c>np.random.RandomState(113)</c>.</summary>
internal sealed class NumpyRandomState
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _position;

    internal NumpyRandomState(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
        {
            _state[i] = unchecked(1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i);
        }
        _position = N;
    }

    /// <summary>Shuffles <paramref name="values"/> in place as <c>RandomState.shuffle</c> does for a 1-D array.</summary>
    internal void Shuffle(int[] values)
    {
        for (int i = values.Length - 1; i >= 1; i--)
        {
            int j = (int)Bounded((ulong)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A permutation of <c>0..n-1</c>: <c>shuffle(arange(n))</c>.</summary>
    internal int[] Permutation(int n)
    {
        var values = Enumerable.Range(0, n).ToArray();
        Shuffle(values);
        return values;
    }

    private ulong Bounded(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        ulong value;
        do
        {
            value = NextUInt32() & mask;
        }
        while (value > max);
        return value;
    }

    private uint NextUInt32()
    {
        if (_position >= N)
        {
            Twist();
        }
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_state[i] & 0x80000000u) | (_state[(i + 1) % N] & 0x7fffffffu);
            _state[i] = _state[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }
        _position = 0;
    }
}

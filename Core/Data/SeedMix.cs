namespace Keras.Data;

/// <summary>Derives independent, reproducible seeds from (seed, epoch, index) with SplitMix64, so a random
/// transform's result depends on which element it is, never on which worker thread ran it or when.</summary>
/// <remarks><see cref="HashCode"/> is randomized per process, so it cannot serve here.</remarks>
internal static class SeedMix
{
    internal static int Derive(long seed, long epoch, long index)
    {
        ulong z = Mix((ulong)seed);
        z = Mix(z ^ (ulong)epoch);
        z = Mix(z ^ (ulong)index);
        return (int)(z >> 33);
    }

    /// <summary>A seed drawn from the backend's generator, so <c>Utils.SetRandomSeed</c> makes it reproducible.</summary>
    internal static long FromBackend() => torch.randint(0, int.MaxValue, [1], torch.int64).item<long>();

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace Keras.Backend;

/// <summary>One process-wide monotonic counter that stamps every write to a weight and every structural change of a
/// layer, so a model's state version is the largest stamp it holds.</summary>
/// <remarks>A global clock (rather than one counter per variable) makes "the model changed" a single comparison:
/// any write anywhere in the model yields a stamp larger than every stamp taken before it.</remarks>
internal static class StateClock
{
    private static long _now;

    /// <summary>Returns a stamp larger than every stamp returned before.</summary>
    /// <returns>The stamp.</returns>
    public static long Next() => Interlocked.Increment(ref _now);
}

namespace Keras.Layers;

/// <summary>Orders strings by Unicode code point, which is the order of their UTF-8 bytes (unlike
/// <see cref="string.CompareOrdinal(string, string)"/>, which compares UTF-16 code units).</summary>
internal sealed class Utf8Order : IComparer<string>
{
    /// <summary>The comparer.</summary>
    public static readonly Utf8Order Instance = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            bool hasA = a.MoveNext();
            bool hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA ? 1 : hasB ? -1 : 0;
            }
            int c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }
}

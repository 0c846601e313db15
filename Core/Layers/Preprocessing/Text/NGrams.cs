namespace Keras.Layers;

/// <summary>The <c>ngrams</c> argument of <see cref="TextVectorization"/>: an integer <c>n</c> (all n-grams up to
/// <c>n</c>) or a list of widths (only those).</summary>
/// <remarks>Converts implicitly from <see cref="int"/> and <c>int[]</c>, as Keras accepts <c>ngrams=2</c> or
/// <c>ngrams=(1, 3)</c>; the config keeps the form it was given.</remarks>
/// <example><code>
/// new TextVectorization(ngrams: 2);              // unigrams and bigrams
/// new TextVectorization(ngrams: new[] { 2, 3 }); // bigrams and trigrams only
/// </code></example>
public sealed class NGrams
{
    private readonly int? _upTo;

    private NGrams(int? upTo, int[] widths)
    {
        if (widths.Any(w => w < 1) || (upTo is < 1))
        {
            throw new ArgumentException(
                "`ngrams` must be None, a positive integer, or a tuple of positive integers. Received: ngrams=" +
                (upTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"({string.Join(", ", widths)})"),
                "ngrams");
        }
        _upTo = upTo;
        Widths = widths;
    }

    /// <summary>The n-gram widths produced, in order.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>All n-grams up to <paramref name="upTo"/> (Keras' <c>ngrams=n</c>).</summary>
    /// <param name="upTo">The largest width.</param>
    public static implicit operator NGrams(int upTo) => new(upTo, Enumerable.Range(1, Math.Max(upTo, 0)).ToArray());

    /// <summary>Only the given widths (Keras' <c>ngrams=(a, b, ...)</c>).</summary>
    /// <param name="widths">The widths.</param>
    public static implicit operator NGrams(int[] widths) => new(null, (int[])widths.Clone());

    /// <summary>All n-grams up to <paramref name="upTo"/>.</summary>
    /// <param name="upTo">The largest width.</param>
    /// <returns>The argument.</returns>
    public static NGrams UpTo(int upTo) => upTo;

    /// <summary>Only the given widths.</summary>
    /// <param name="widths">The widths.</param>
    /// <returns>The argument.</returns>
    public static NGrams Of(params int[] widths) => widths;

    /// <summary>The config form: the integer, or the list of widths.</summary>
    internal object ConfigValue => _upTo is int n ? n : Widths.ToArray();
}

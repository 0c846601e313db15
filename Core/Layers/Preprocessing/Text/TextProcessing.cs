using System.Text;

namespace Keras.Layers;

/// <summary>TextVectorization's string steps, as TensorFlow performs them: <c>tf.strings.lower</c> (ASCII letters
/// only, its default encoding), the punctuation regex <c>[!"#$%&amp;()\*\+,-\./:;&lt;=&gt;?@\[\\\]^_`{|}~\']</c>
/// (every ASCII punctuation character) replaced by nothing, <c>tf.strings.split</c> on runs of ASCII whitespace,
/// <c>tf.strings.unicode_split</c> into code points, and <c>tf.strings.ngrams</c> joined with a space.</summary>
internal static class TextProcessing
{
    private const string Punctuation = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'";

    /// <summary>Applies a standardization mode (<c>lower_and_strip_punctuation</c>, <c>lower</c>,
    /// <c>strip_punctuation</c> or null).</summary>
    public static string Standardize(string text, string? mode)
    {
        if (mode is null)
        {
            return text;
        }
        bool lower = mode is "lower" or "lower_and_strip_punctuation";
        bool strip = mode is "strip_punctuation" or "lower_and_strip_punctuation";
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (strip && Punctuation.Contains(c))
            {
                continue;
            }
            result.Append(lower && c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }
        return result.ToString();
    }

    /// <summary>Splits on runs of ASCII whitespace, dropping leading and trailing whitespace.</summary>
    public static List<string> SplitWhitespace(string text) =>
        text.Split([' ', '\t', '\n', '\v', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Splits into Unicode code points.</summary>
    public static List<string> SplitCharacters(string text) =>
        text.EnumerateRunes().Select(r => r.ToString()).ToList();

    /// <summary>The n-grams of each width in order (a width longer than the sequence gives none).</summary>
    public static List<string> NGrams(IReadOnlyList<string> tokens, IReadOnlyList<int> widths)
    {
        var result = new List<string>();
        foreach (int width in widths)
        {
            for (int start = 0; start + width <= tokens.Count; start++)
            {
                result.Add(width == 1 ? tokens[start] : string.Join(' ', tokens.Skip(start).Take(width)));
            }
        }
        return result;
    }
}

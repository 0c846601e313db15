namespace Keras.Datasets;

/// <summary>The steps Keras' IMDB and Reuters loaders apply to word-index sequences, in Keras' order and with its
/// exact rules (Python truthiness included: a <c>maxlen</c>, <c>numWords</c> or <c>indexFrom</c> of 0 means
/// "not set").</summary>
internal static class WordSequences
{
    /// <summary><c>x[indices]</c>.</summary>
    internal static T[] Take<T>(T[] values, int[] indices) => indices.Select(i => values[i]).ToArray();

    /// <summary>Prepends <paramref name="startChar"/> and adds <paramref name="indexFrom"/> to every word.</summary>
    internal static int[][] Offset(int[][] xs, int? startChar, int indexFrom)
    {
        if (startChar is { } start)
        {
            return xs.Select(x => x.Select(w => w + indexFrom).Prepend(start).ToArray()).ToArray();
        }
        return xs.Select(x => x.Select(w => w + indexFrom).ToArray()).ToArray();
    }

    /// <summary>Keras' <c>remove_long_seq</c>: keeps the sequences strictly shorter than
    /// <paramref name="maxlen"/>.</summary>
    internal static (int[][] X, long[] Y) RemoveLong(int maxlen, int[][] xs, long[] labels)
    {
        int[] kept = Enumerable.Range(0, xs.Length).Where(i => xs[i].Length < maxlen).ToArray();
        return (Take(xs, kept), Take(labels, kept));
    }

    /// <summary>Replaces (or, without <paramref name="oovChar"/>, drops) the words outside
    /// <c>[skipTop, numWords)</c>; without <paramref name="numWords"/> the largest index is used, which Keras
    /// excludes too.</summary>
    internal static int[][] Clip(int[][] xs, int? numWords, int skipTop, int? oovChar)
    {
        int limit = numWords is { } n and not 0
            ? n
            : xs.Where(x => x.Length > 0).Select(x => x.Max()).DefaultIfEmpty(0).Max();
        if (oovChar is { } oov)
        {
            return xs.Select(x => x.Select(w => skipTop <= w && w < limit ? w : oov).ToArray()).ToArray();
        }
        return xs.Select(x => x.Where(w => skipTop <= w && w < limit).ToArray()).ToArray();
    }

    /// <summary>Labels as 32-bit integers.</summary>
    internal static int[] Labels(long[] labels, string name) => labels.Select(v => v is >= int.MinValue and <= int.MaxValue
        ? (int)v
        : throw new InvalidDataException($"{name} holds the label {v}; expected a 32-bit integer.")).ToArray();

    /// <summary>Checks a seed for numpy's <c>RandomState</c>.</summary>
    internal static uint Seed(int seed) => seed >= 0
        ? (uint)seed
        : throw new ArgumentOutOfRangeException(nameof(seed), seed, "The seed must be between 0 and 2**32 - 1.");
}

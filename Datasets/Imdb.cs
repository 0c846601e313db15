namespace Keras.Datasets;

/// <summary>The IMDB movie-review sentiment dataset (<c>keras.datasets.imdb</c>): 25,000 training and 25,000 test
/// reviews as sequences of word indices, labelled 0 (negative) or 1 (positive).</summary>
/// <remarks>
/// <para>Words are indexed by frequency (3 is the third most frequent word) before <c>indexFrom</c> is added, so
/// 0 stays the padding, 1 the start and 2 the out-of-vocabulary marker. The file is Keras' <c>imdb.npz</c> from
/// <c>https://storage.googleapis.com/tensorflow/tf-keras-datasets/</c>, cached under <c>&lt;cache&gt;/datasets/</c>
/// and checked against Keras' SHA-256; its ragged sequences are numpy object arrays (pickles), read by a restricted
/// unpickler that only rebuilds numpy arrays. The shuffle is numpy's <c>RandomState(seed)</c>, so the order matches
/// Keras' for the same seed. Data by Andrew Maas et al.</para>
/// </remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Imdb.LoadData(numWords: 10000);
/// // xTrain: int[25000][] of word indices below 10000, each starting with 1; yTrain: int[25000] of 0 or 1.
/// </code></example>
public static class Imdb
{
    /// <summary>Keras' SHA-256 of <c>imdb.npz</c>.</summary>
    internal const string Sha256 = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f";

    /// <summary>Keras' MD5 of <c>imdb_word_index.json</c>.</summary>
    internal const string WordIndexMd5 = "bfafd718b763782e994055a2d397834f";

    /// <summary>Loads IMDB, downloading <c>imdb.npz</c> into the Keras cache on first use.</summary>
    /// <param name="numWords">Keeps the <paramref name="numWords"/> most frequent words (indices below it);
    /// others become <paramref name="oovChar"/>. Defaults to <see langword="null"/>: all words.</param>
    /// <param name="skipTop">Also replaces the indices below it, the most frequent words. Defaults to 0.</param>
    /// <param name="maxlen">Drops the sequences of <paramref name="maxlen"/> words or more (counting the start
    /// marker), as Keras does. Defaults to <see langword="null"/>: no limit.</param>
    /// <param name="seed">The numpy <c>RandomState</c> seed of the shuffle. Defaults to 113.</param>
    /// <param name="startChar">Marks the start of each sequence; <see langword="null"/> adds none. Defaults to
    /// 1.</param>
    /// <param name="oovChar">Replaces the words cut by <paramref name="numWords"/> or <paramref name="skipTop"/>;
    /// <see langword="null"/> removes them instead. Defaults to 2.</param>
    /// <param name="indexFrom">Added to every word index. Defaults to 3.</param>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"imdb.npz"</c>.</param>
    /// <returns>Fresh arrays: the train and test sequences and their labels (0 or 1).</returns>
    /// <exception cref="ArgumentException"><paramref name="maxlen"/> left no sequence in a split.</exception>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash or contents are wrong.</exception>
    public static ((int[][] X, int[] Y) Train, (int[][] X, int[] Y) Test) LoadData(int? numWords = null,
        int skipTop = 0, int? maxlen = null, int seed = 113, int? startChar = 1, int? oovChar = 2, int indexFrom = 3,
        string path = "imdb.npz") =>
        LoadData(new SequenceOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom), path,
            DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Retrieves the dictionary from word to index (before <c>indexFrom</c> is added), downloading
    /// <c>imdb_word_index.json</c> into the Keras cache on first use.</summary>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"imdb_word_index.json"</c>.</param>
    /// <returns>A fresh dictionary.</returns>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's MD5 or contents are wrong.</exception>
    public static Dictionary<string, int> GetWordIndex(string path = "imdb_word_index.json") =>
        GetWordIndex(path, DatasetSources.FromEnvironment(), WordIndexMd5);

    /// <summary>Retrieves the word index from the given sources.</summary>
    internal static Dictionary<string, int> GetWordIndex(string path, DatasetSources sources, string? hash) =>
        WordIndex.Load(new DatasetFileSpec(path, sources.OriginBase + "imdb_word_index.json", hash), sources);

    /// <summary>Loads IMDB from the given sources, checking the file against <paramref name="hash"/>.</summary>
    internal static ((int[][] X, int[] Y) Train, (int[][] X, int[] Y) Test) LoadData(
        SequenceOptions options, string path, DatasetSources sources, string? hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        uint seed = WordSequences.Seed(options.Seed);
        var spec = new DatasetFileSpec(path, sources.OriginBase + "imdb.npz", hash);
        var (xTrain, labelsTrain, xTest, labelsTest) = DatasetFile.Load(spec, sources, file =>
        {
            using NpzArchive npz = NpzArchive.Open(file);
            return (npz.Read("x_train").IntSequences($"{file}/x_train"), npz.Read("y_train").Int64s($"{file}/y_train"),
                npz.Read("x_test").IntSequences($"{file}/x_test"), npz.Read("y_test").Int64s($"{file}/y_test"));
        });
        var random = new NumpyRandomState(seed);
        int[] indices = random.Permutation(xTrain.Length);
        (xTrain, labelsTrain) = (WordSequences.Take(xTrain, indices), WordSequences.Take(labelsTrain, indices));
        indices = random.Permutation(xTest.Length);
        (xTest, labelsTest) = (WordSequences.Take(xTest, indices), WordSequences.Take(labelsTest, indices));
        xTrain = WordSequences.Offset(xTrain, options.StartChar, options.IndexFrom);
        xTest = WordSequences.Offset(xTest, options.StartChar, options.IndexFrom);
        if (options.Maxlen is { } maxlen and not 0)
        {
            (xTrain, labelsTrain) = WordSequences.RemoveLong(maxlen, xTrain, labelsTrain);
            (xTest, labelsTest) = WordSequences.RemoveLong(maxlen, xTest, labelsTest);
            if (xTrain.Length == 0 || xTest.Length == 0)
            {
                throw new ArgumentException($"After filtering for sequences shorter than maxlen={maxlen}, no " +
                    "sequence was kept. Increase maxlen.", "maxlen");
            }
        }
        int[][] xs = WordSequences.Clip([.. xTrain, .. xTest], options.NumWords, options.SkipTop, options.OovChar);
        return ((xs[..xTrain.Length], WordSequences.Labels(labelsTrain, path)),
            (xs[xTrain.Length..], WordSequences.Labels(labelsTest, path)));
    }
}

namespace Keras.Datasets;

/// <summary>The Reuters newswire topics dataset (<c>keras.datasets.reuters</c>): 11,228 newswires as sequences of
/// word indices, labelled over 46 topics, split into train and test after a seeded shuffle.</summary>
/// <remarks>The file is Keras' <c>reuters.npz</c> from <c>https://storage.googleapis.com/tensorflow/tf-keras-datasets/</c>,
/// cached under <c>&lt;cache&gt;/datasets/</c> and checked against Keras' SHA-256; its sequences are numpy object
/// arrays (pickles), read by a restricted unpickler that only rebuilds numpy arrays. The shuffle and split follow
/// Keras exactly (numpy's <c>RandomState(seed)</c>, then the first <c>int(n * (1 - testSplit))</c> for
/// training).</remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Reuters.LoadData(numWords: 10000, testSplit: 0.2);
/// string topic = Reuters.GetLabelNames()[yTrain[0]];
/// </code></example>
public static class Reuters
{
    /// <summary>Keras' SHA-256 of <c>reuters.npz</c>.</summary>
    internal const string Sha256 = "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916";

    /// <summary>Keras' MD5 of <c>reuters_word_index.json</c>.</summary>
    internal const string WordIndexMd5 = "4d44cc38712099c9e383dc6e5f11a921";

    private static readonly string[] _labelNames =
    [
        "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply", "coffee", "sugar",
        "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas", "cpi", "money-fx", "interest", "gnp",
        "meal-feed", "alum", "oilseed", "gold", "tin", "strategic-metal", "livestock", "retail", "ipi", "iron-steel",
        "rubber", "heat", "jobs", "lei", "bop", "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog",
        "lead",
    ];

    /// <summary>Loads Reuters, downloading <c>reuters.npz</c> into the Keras cache on first use.</summary>
    /// <param name="numWords">Keeps the <paramref name="numWords"/> most frequent words (indices below it);
    /// others become <paramref name="oovChar"/>. Defaults to <see langword="null"/>: all words.</param>
    /// <param name="skipTop">Also replaces the indices below it, the most frequent words. Defaults to 0.</param>
    /// <param name="maxlen">Drops the sequences of <paramref name="maxlen"/> words or more (counting the start
    /// marker), as Keras does. Defaults to <see langword="null"/>: no limit.</param>
    /// <param name="testSplit">The fraction of the newswires used for testing, between 0 and 1. Defaults to
    /// 0.2.</param>
    /// <param name="seed">The numpy <c>RandomState</c> seed of the shuffle. Defaults to 113.</param>
    /// <param name="startChar">Marks the start of each sequence; <see langword="null"/> adds none. Defaults to
    /// 1.</param>
    /// <param name="oovChar">Replaces the words cut by <paramref name="numWords"/> or <paramref name="skipTop"/>;
    /// <see langword="null"/> removes them instead. Defaults to 2.</param>
    /// <param name="indexFrom">Added to every word index. Defaults to 3.</param>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"reuters.npz"</c>.</param>
    /// <returns>Fresh arrays: the train and test sequences and their topics (0 to 45).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSplit"/> is outside [0, 1].</exception>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash or contents are wrong.</exception>
    public static ((int[][] X, int[] Y) Train, (int[][] X, int[] Y) Test) LoadData(int? numWords = null,
        int skipTop = 0, int? maxlen = null, double testSplit = 0.2, int seed = 113, int? startChar = 1,
        int? oovChar = 2, int indexFrom = 3, string path = "reuters.npz") =>
        LoadData(new SequenceOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom), testSplit, path,
            DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Retrieves the dictionary from word to index (before <c>indexFrom</c> is added), downloading
    /// <c>reuters_word_index.json</c> into the Keras cache on first use.</summary>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"reuters_word_index.json"</c>.</param>
    /// <returns>A fresh dictionary.</returns>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's MD5 or contents are wrong.</exception>
    public static Dictionary<string, int> GetWordIndex(string path = "reuters_word_index.json") =>
        GetWordIndex(path, DatasetSources.FromEnvironment(), WordIndexMd5);

    /// <summary>The topic names, indexed by label, as Keras' <c>get_label_names</c>.</summary>
    /// <returns>The 46 names, from <c>"cocoa"</c> (0) to <c>"lead"</c> (45).</returns>
    public static IReadOnlyList<string> GetLabelNames() => _labelNames;

    /// <summary>Retrieves the word index from the given sources.</summary>
    internal static Dictionary<string, int> GetWordIndex(string path, DatasetSources sources, string? hash) =>
        WordIndex.Load(new DatasetFileSpec(path, sources.OriginBase + "reuters_word_index.json", hash), sources);

    /// <summary>Loads Reuters from the given sources, checking the file against <paramref name="hash"/>.</summary>
    internal static ((int[][] X, int[] Y) Train, (int[][] X, int[] Y) Test) LoadData(
        SequenceOptions options, double testSplit, string path, DatasetSources sources, string? hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!(testSplit is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testSplit), testSplit,
                $"`testSplit` must be between 0 and 1. Received: testSplit={testSplit}.");
        }
        uint seed = WordSequences.Seed(options.Seed);
        var spec = new DatasetFileSpec(path, sources.OriginBase + "reuters.npz", hash);
        var (xs, labels) = DatasetFile.Load(spec, sources, file =>
        {
            using NpzArchive npz = NpzArchive.Open(file);
            return (npz.Read("x").IntSequences($"{file}/x"), npz.Read("y").Int64s($"{file}/y"));
        });
        int[] indices = new NumpyRandomState(seed).Permutation(xs.Length);
        (xs, labels) = (WordSequences.Take(xs, indices), WordSequences.Take(labels, indices));
        xs = WordSequences.Offset(xs, options.StartChar, options.IndexFrom);
        if (options.Maxlen is { } maxlen and not 0)
        {
            (xs, labels) = WordSequences.RemoveLong(maxlen, xs, labels);
        }
        xs = WordSequences.Clip(xs, options.NumWords, options.SkipTop, options.OovChar);
        int split = (int)(xs.Length * (1 - testSplit));
        int[] y = WordSequences.Labels(labels, path);
        return ((xs[..split], y[..split]), (xs[split..], y[split..]));
    }
}

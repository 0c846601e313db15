namespace Keras.Datasets;

/// <summary>Where datasets are looked for and downloaded from; tests replace these to stay offline.</summary>
internal sealed record DatasetSources
{
    /// <summary>Keras' download base for its datasets.</summary>
    internal const string KerasOriginBase = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    /// <summary>Where Keras downloads CIFAR-10 and CIFAR-100 from (the dataset authors' site).</summary>
    internal const string CifarOriginBase = "https://www.cs.toronto.edu/~kriz/";

    /// <summary>Where Debian's <c>dataset-*</c> packages put their files.</summary>
    internal const string DebianDatasetsRoot = "/usr/share/datasets";

    /// <summary>Gets the cache root (<c>~/.keras</c>); files live under its <c>datasets</c> folder.</summary>
    public required string CacheRoot { get; init; }

    /// <summary>Gets the cache root used when <see cref="CacheRoot"/> cannot be written
    /// (<c>/tmp/.keras</c>).</summary>
    public required string FallbackCacheRoot { get; init; }

    /// <summary>Gets the URL that file names are appended to; ends with <c>/</c>.</summary>
    public required string OriginBase { get; init; }

    /// <summary>Gets the URL that CIFAR archive names are appended to; ends with <c>/</c>.</summary>
    public string CifarBase { get; init; } = CifarOriginBase;

    /// <summary>Gets the folder holding system-installed datasets (<c>/usr/share/datasets</c>).</summary>
    public required string SystemDatasetsRoot { get; init; }

    /// <summary>Gets where download progress is written.</summary>
    public required TextWriter ProgressWriter { get; init; }

    /// <summary>Gets whether the progress bar is redrawn in place (a terminal) or written once at the end.</summary>
    public required bool ProgressInteractive { get; init; }

    /// <summary>Keras' settings: <c>KERAS_HOME</c> or <c>~/.keras</c>, Keras' origin, progress on stderr.</summary>
    /// <returns>Settings read from the environment now.</returns>
    internal static DatasetSources FromEnvironment() => new()
    {
        CacheRoot = KerasCache.DefaultRoot(),
        FallbackCacheRoot = KerasCache.FallbackRoot(),
        OriginBase = KerasOriginBase,
        SystemDatasetsRoot = DebianDatasetsRoot,
        ProgressWriter = Console.Error,
        ProgressInteractive = !Console.IsErrorRedirected,
    };

    /// <summary>The cache directories for datasets, primary first, without duplicates.</summary>
    /// <returns>One or two absolute directories.</returns>
    internal IReadOnlyList<string> DatasetCacheDirectories()
    {
        string primary = Path.Combine(CacheRoot, KerasCache.DatasetsSubdir);
        string fallback = Path.Combine(FallbackCacheRoot, KerasCache.DatasetsSubdir);
        return Path.GetFullPath(primary) == Path.GetFullPath(fallback) ? [primary] : [primary, fallback];
    }
}

using Keras.Datasets;

namespace Keras.Applications;

/// <summary>Where pretrained weights are looked for and downloaded from, and where progress goes.</summary>
internal sealed record WeightsSources
{
    private static readonly AsyncLocal<WeightsSources?> _override = new();

    /// <summary>Gets the Keras cache root (<c>$KERAS_HOME</c> or <c>~/.keras</c>); files live in its <c>models</c>
    /// folder.</summary>
    public required string CacheRoot { get; init; }

    /// <summary>Gets Keras' fallback cache root (<c>/tmp/.keras</c>), used when the cache root cannot be written.</summary>
    public required string FallbackCacheRoot { get; init; }

    /// <summary>Gets a base URL that replaces Keras' origins (the file name is appended), or <see langword="null"/> for
    /// Keras' own origins. Tests point it at a local server.</summary>
    public string? OriginOverride { get; init; }

    /// <summary>Gets where download progress is written.</summary>
    public required TextWriter ProgressWriter { get; init; }

    /// <summary>Gets whether progress redraws one line (a terminal) or prints lines (a log).</summary>
    public required bool ProgressInteractive { get; init; }

    /// <summary>The sources in effect: those set by <see cref="Use"/> on this async flow, else the environment's.</summary>
    internal static WeightsSources Current => _override.Value ?? FromEnvironment();

    /// <summary>The sources of this process: Keras' cache directories, Keras' origins, progress on stderr.</summary>
    /// <returns>The sources.</returns>
    internal static WeightsSources FromEnvironment() => new()
    {
        CacheRoot = KerasCache.DefaultRoot(),
        FallbackCacheRoot = KerasCache.FallbackRoot(),
        ProgressWriter = Console.Error,
        ProgressInteractive = !Console.IsErrorRedirected,
    };

    /// <summary>Uses <paramref name="sources"/> for applications built on this async flow until disposed.</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>Restores the previous sources when disposed.</returns>
    internal static IDisposable Use(WeightsSources sources)
    {
        WeightsSources? previous = _override.Value;
        _override.Value = sources;
        return new Restore(() => _override.Value = previous);
    }

    /// <summary>The cache folders for model files, primary first.</summary>
    /// <returns>One or two absolute folders.</returns>
    internal IReadOnlyList<string> ModelDirectories() =>
        new[] { CacheRoot, FallbackCacheRoot }
            .Select(root => Path.GetFullPath(Path.Combine(root, "models")))
            .Distinct()
            .ToList();

    /// <summary>The URL to download <paramref name="file"/> from.</summary>
    /// <param name="file">The file.</param>
    /// <returns>Keras' origin, or the override's base plus the file name.</returns>
    internal string OriginOf(WeightsFile file) => OriginOverride is null ? file.Origin : OriginOverride + file.FileName;

    /// <summary>These sources in the form the shared downloader takes.</summary>
    /// <returns>The download settings.</returns>
    internal DatasetSources ForDownloader() => new()
    {
        CacheRoot = CacheRoot,
        FallbackCacheRoot = FallbackCacheRoot,
        OriginBase = OriginOverride ?? WeightsFile.KerasApplicationsBase,
        SystemDatasetsRoot = "",
        ProgressWriter = ProgressWriter,
        ProgressInteractive = ProgressInteractive,
    };

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

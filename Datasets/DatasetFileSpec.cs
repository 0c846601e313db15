namespace Keras.Datasets;

/// <summary>One file a dataset needs: its cache name, where to download it and how to check it.</summary>
/// <param name="CachePath">The path under <c>&lt;cache&gt;/datasets/</c> (an absolute path is used as is).</param>
/// <param name="Origin">The URL to download it from.</param>
/// <param name="Hash">Keras' <c>file_hash</c> as hex: SHA-256 when 64 digits long, else MD5; or
/// <see langword="null"/> when Keras publishes none.</param>
internal sealed record DatasetFileSpec(string CachePath, string Origin, string? Hash)
{
    /// <summary>Gets a folder of trusted system copies (a Debian package) looked in after the cache.</summary>
    public string? SystemDirectory { get; init; }

    /// <summary>Gets other names under <c>&lt;cache&gt;/datasets/</c> that older Keras versions gave the same file
    /// (read when present, never written).</summary>
    /// <remarks>Defaults to none.</remarks>
    public IReadOnlyList<string> OtherCacheNames { get; init; } = [];

    /// <summary>Gets the advice added to <see cref="DatasetNotAvailableException"/>'s message.</summary>
    public string? InstallHint { get; init; }

    /// <summary>Gets the file's name without folders.</summary>
    public string FileName => Path.GetFileName(CachePath);
}

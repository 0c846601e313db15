namespace Keras.Saving.KerasV3;

/// <summary>Caps applied while reading a <c>.keras</c> archive, so a hostile file cannot exhaust memory.</summary>
internal static class ArchiveLimits
{
    /// <summary>Largest <c>config.json</c> / <c>metadata.json</c> / asset accepted: 64 MB.</summary>
    public const long MaxJsonBytes = 64L << 20;

    /// <summary>Largest <c>model.weights.h5</c> accepted: just under 2 GB. The member is read into one in-memory
    /// buffer (nothing is extracted to disk), and a .NET array, so a <see cref="MemoryStream"/>, holds at most
    /// 2 GB.</summary>
    public const long MaxWeightsBytes = int.MaxValue - 64;

    /// <summary>A member larger than this whose compressed size is over <see cref="MaxRatio"/> times smaller is
    /// treated as a zip bomb (Keras writes members uncompressed; real compressed weights shrink by less than 2×).</summary>
    public const long RatioCheckFloor = 1L << 20;

    /// <summary>The largest uncompressed-to-compressed ratio accepted above <see cref="RatioCheckFloor"/>.</summary>
    public const long MaxRatio = 100;

    /// <summary>Deepest JSON nesting accepted in <c>config.json</c> (a deeply nested model needs well under 100).</summary>
    public const int MaxJsonDepth = 256;

    /// <summary>Most members accepted in one archive.</summary>
    public const int MaxEntries = 10_000;
}

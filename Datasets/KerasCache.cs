namespace Keras.Datasets;

/// <summary>Resolves the Keras cache directory the way Keras' <c>keras_home()</c> and <c>get_file</c> do.</summary>
internal static class KerasCache
{
    /// <summary>The cache subdirectory for datasets (Keras' <c>cache_subdir="datasets"</c>).</summary>
    internal const string DatasetsSubdir = "datasets";

    /// <summary>The cache root for this process: <c>$KERAS_HOME</c>, else <c>~/.keras</c>.</summary>
    /// <returns>The absolute cache root.</returns>
    internal static string DefaultRoot() => ResolveRoot(
        Environment.GetEnvironmentVariable("KERAS_HOME"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The cache root from a <c>KERAS_HOME</c> value and a home directory; either may be unset.</summary>
    /// <param name="kerasHome">The value of <c>KERAS_HOME</c>; <c>~</c> at its start is expanded.</param>
    /// <param name="userHome">The user's home directory.</param>
    /// <returns><paramref name="kerasHome"/> if set, else <c>userHome/.keras</c>, else the fallback root.</returns>
    internal static string ResolveRoot(string? kerasHome, string? userHome)
    {
        if (!string.IsNullOrEmpty(kerasHome))
        {
            return Path.GetFullPath(ExpandUser(kerasHome, userHome));
        }
        return string.IsNullOrEmpty(userHome) ? FallbackRoot() : Path.Combine(userHome, ".keras");
    }

    /// <summary>Keras' fallback when the cache root is not writable: <c>/tmp/.keras</c>.</summary>
    /// <returns>The fallback cache root.</returns>
    internal static string FallbackRoot() =>
        Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), ".keras");

    private static string ExpandUser(string path, string? userHome)
    {
        if (string.IsNullOrEmpty(userHome) || !(path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            return path;
        }
        return path == "~" ? userHome : Path.Combine(userHome, path[2..]);
    }
}

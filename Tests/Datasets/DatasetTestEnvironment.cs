using System.Net;
using System.Net.Sockets;
using Keras.Datasets;

namespace Keras.Tests.Datasets;

/// <summary>A throwaway cache root, fallback root and system folder in the temp folder; deleted on dispose.</summary>
internal sealed class DatasetTestEnvironment : IDisposable
{
    internal DatasetTestEnvironment()
    {
        Root = Path.Combine(Path.GetTempPath(), $"keras-datasets-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    internal string Root { get; }

    internal string CacheRoot => Path.Combine(Root, "home", ".keras");

    internal string FallbackRoot => Path.Combine(Root, "tmp", ".keras");

    internal string SystemRoot => Path.Combine(Root, "usr-share-datasets");

    internal string CacheDatasets => Path.Combine(CacheRoot, "datasets");

    internal string FallbackDatasets => Path.Combine(FallbackRoot, "datasets");

    internal StringWriter Progress { get; } = new();

    /// <summary>An origin where nothing listens, so any download attempt fails at once.</summary>
    internal static string UnreachableOrigin => $"http://127.0.0.1:{FreePort()}/";

    internal DatasetSources Sources(string? origin = null, string? cacheRoot = null) => new()
    {
        CacheRoot = cacheRoot ?? CacheRoot,
        FallbackCacheRoot = FallbackRoot,
        OriginBase = origin ?? UnreachableOrigin,
        CifarBase = origin ?? UnreachableOrigin,
        SystemDatasetsRoot = SystemRoot,
        ProgressWriter = Progress,
        ProgressInteractive = false,
    };

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>All files below a folder (none if it does not exist).</summary>
    internal static string[] FilesUnder(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        Progress.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}

namespace Keras.Datasets;

/// <summary>CIFAR-100 (<c>keras.datasets.cifar100</c>): 50,000 training and 10,000 test colour images of 32x32
/// pixels in 100 fine classes grouped into 20 coarse classes.</summary>
/// <remarks>Keras downloads <c>https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz</c> to
/// <c>&lt;cache&gt;/datasets/cifar-100-python_archive</c> (the <c>get_file("cifar-100-python", untar=True)</c> name)
/// and checks its SHA-256; Keras.Net uses the same file (or <c>cifar-100-python.tar.gz</c>, the tf-keras and
/// Keras 3.0 to 3.6 name) and reads <c>train</c> and <c>test</c> from the archive with
/// a restricted unpickler. Data by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton.</remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Cifar100.LoadData(labelMode: "coarse");
/// // xTrain: byte[50000, 32, 32, 3]; yTrain: long[50000, 1] with values 0..19.
/// </code></example>
public static class Cifar100
{
    /// <summary>Keras' SHA-256 of <c>cifar-100-python.tar.gz</c>.</summary>
    internal const string Sha256 = "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7";

    /// <summary>The cache name Keras 3's <c>get_file("cifar-100-python", untar=True)</c> gives the archive.</summary>
    internal const string CacheName = "cifar-100-python_archive";

    /// <summary>The cache name tf-keras and Keras 3.0 to 3.6 gave the same archive
    /// (<c>get_file("cifar-100-python", untar=True)</c>).</summary>
    internal const string LegacyCacheName = "cifar-100-python.tar.gz";

    /// <summary>Loads CIFAR-100, downloading the archive into the Keras cache on first use.</summary>
    /// <param name="labelMode"><c>"fine"</c> for the 100 classes or <c>"coarse"</c> for the 20 superclasses.
    /// Defaults to <c>"fine"</c>.</param>
    /// <returns>Fresh arrays, as Keras returns them with <c>channels_last</c>: X of shape (N, 32, 32, 3) uint8 and
    /// Y of shape (N, 1) int64 (Keras keeps the labels' int64 here), N being 50000 for <c>Train</c> and 10000 for
    /// <c>Test</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="labelMode"/> is neither <c>"fine"</c> nor
    /// <c>"coarse"</c>.</exception>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded archive's hash or contents are wrong.</exception>
    public static ((byte[,,,] X, long[,] Y) Train, (byte[,,,] X, long[,] Y) Test) LoadData(string labelMode = "fine") =>
        LoadData(labelMode, DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Loads CIFAR-100 from the given sources, checking the archive against <paramref name="hash"/>.</summary>
    /// <param name="labelMode"><c>"fine"</c> or <c>"coarse"</c>.</param>
    /// <param name="sources">Cache, origin and progress settings.</param>
    /// <param name="hash">The expected hash, or <see langword="null"/> to skip the check.</param>
    /// <returns>The train and test splits.</returns>
    internal static ((byte[,,,] X, long[,] Y) Train, (byte[,,,] X, long[,] Y) Test) LoadData(
        string labelMode, DatasetSources sources, string? hash)
    {
        if (labelMode is not ("fine" or "coarse"))
        {
            throw new ArgumentException(
                $"`labelMode` must be one of \"fine\", \"coarse\". Received: labelMode={labelMode}.", nameof(labelMode));
        }
        var spec = new DatasetFileSpec(CacheName, sources.CifarBase + "cifar-100-python.tar.gz", hash)
        {
            OtherCacheNames = [LegacyCacheName],
        };
        return DatasetFile.Load(spec, sources, path =>
        {
            var batches = CifarArchive.Read(path, ["cifar-100-python/train", "cifar-100-python/test"],
                labelMode + "_labels");
            return ((CifarArchive.ChannelsLast([batches[0].Images]), Column(batches[0].Labels)),
                (CifarArchive.ChannelsLast([batches[1].Images]), Column(batches[1].Labels)));
        });
    }

    private static long[,] Column(long[] labels)
    {
        var y = new long[labels.Length, 1];
        for (int i = 0; i < labels.Length; i++)
        {
            y[i, 0] = labels[i];
        }
        return y;
    }
}

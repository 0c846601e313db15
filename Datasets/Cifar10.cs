namespace Keras.Datasets;

/// <summary>CIFAR-10 (<c>keras.datasets.cifar10</c>): 50,000 training and 10,000 test colour images of 32x32
/// pixels in 10 classes.</summary>
/// <remarks>
/// <para>Labels: 0 airplane, 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog, 7 horse, 8 ship, 9 truck.</para>
/// <para>Keras downloads <c>https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz</c> to
/// <c>&lt;cache&gt;/datasets/cifar-10-batches-py-target_archive</c> (the <c>get_file(extract=True)</c> name) and checks
/// its SHA-256; Keras.Net uses the same file (or <c>cifar-10-batches-py.tar.gz</c>, where tf-keras and Keras 3.0 to
/// 3.6 cached it), so a cache filled by Python Keras is reused, and reads the batches from
/// the archive without extracting it. The batches are Python pickles, read by a restricted unpickler that only
/// rebuilds numpy arrays. Data by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton.</para>
/// </remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Cifar10.LoadData();
/// // xTrain: byte[50000, 32, 32, 3] (channels last); yTrain: byte[50000, 1] with values 0..9.
/// </code></example>
public static class Cifar10
{
    /// <summary>Keras' SHA-256 of <c>cifar-10-python.tar.gz</c>.</summary>
    internal const string Sha256 = "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce";

    /// <summary>The cache name Keras 3's <c>get_file("cifar-10-batches-py-target", extract=True)</c> gives the
    /// archive.</summary>
    internal const string CacheName = "cifar-10-batches-py-target_archive";

    /// <summary>The cache name tf-keras and Keras 3.0 to 3.6 gave the same archive
    /// (<c>get_file("cifar-10-batches-py", untar=True)</c>).</summary>
    internal const string LegacyCacheName = "cifar-10-batches-py.tar.gz";

    private const string Folder = "cifar-10-batches-py/";

    /// <summary>Loads CIFAR-10, downloading the archive into the Keras cache on first use.</summary>
    /// <returns>Fresh arrays, as Keras returns them with <c>channels_last</c>: <c>Train</c> has X of shape
    /// (50000, 32, 32, 3) and Y of shape (50000, 1); <c>Test</c> has X of shape (10000, 32, 32, 3) and Y of shape
    /// (10000, 1). Pixels are 0 to 255 and labels 0 to 9, both uint8 as in Keras.</returns>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded archive's hash or contents are wrong.</exception>
    public static ((byte[,,,] X, byte[,] Y) Train, (byte[,,,] X, byte[,] Y) Test) LoadData() =>
        LoadData(DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Loads CIFAR-10 from the given sources, checking the archive against <paramref name="hash"/>.</summary>
    /// <param name="sources">Cache, origin and progress settings.</param>
    /// <param name="hash">The expected hash, or <see langword="null"/> to skip the check.</param>
    /// <returns>The train and test splits.</returns>
    internal static ((byte[,,,] X, byte[,] Y) Train, (byte[,,,] X, byte[,] Y) Test) LoadData(
        DatasetSources sources, string? hash)
    {
        var spec = new DatasetFileSpec(CacheName, sources.CifarBase + "cifar-10-python.tar.gz", hash)
        {
            OtherCacheNames = [LegacyCacheName],
        };
        return DatasetFile.Load(spec, sources, Read);
    }

    private static ((byte[,,,] X, byte[,] Y) Train, (byte[,,,] X, byte[,] Y) Test) Read(string path)
    {
        string[] members = [.. Enumerable.Range(1, 5).Select(i => $"{Folder}data_batch_{i}"), $"{Folder}test_batch"];
        (byte[] Images, long[] Labels)[] batches = CifarArchive.Read(path, members, "labels");
        var train = batches[..5];
        return ((CifarArchive.ChannelsLast(train.Select(b => b.Images).ToList()), Labels(train, path)),
            (CifarArchive.ChannelsLast([batches[5].Images]), Labels([batches[5]], path)));
    }

    /// <summary>Labels as a uint8 (N, 1) array, as Keras stores them in <c>np.empty(..., dtype="uint8")</c>.</summary>
    private static byte[,] Labels(IEnumerable<(byte[] Images, long[] Labels)> batches, string path)
    {
        long[] labels = batches.SelectMany(b => b.Labels).ToArray();
        var y = new byte[labels.Length, 1];
        for (int i = 0; i < labels.Length; i++)
        {
            y[i, 0] = labels[i] is >= 0 and <= 255
                ? (byte)labels[i]
                : throw new InvalidDataException($"{path} holds the label {labels[i]}; expected 0 to 9.");
        }
        return y;
    }
}

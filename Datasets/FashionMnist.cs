namespace Keras.Datasets;

/// <summary>Fashion-MNIST (<c>keras.datasets.fashion_mnist</c>): 60,000 training and 10,000 test images of 28x28
/// grey levels showing ten kinds of clothing, labelled 0 to 9.</summary>
/// <remarks>
/// <para>Labels: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag,
/// 9 Ankle boot.</para>
/// <para>Each of the four gzip'd IDX files (<c>train-labels-idx1-ubyte.gz</c>, <c>train-images-idx3-ubyte.gz</c>,
/// <c>t10k-labels-idx1-ubyte.gz</c>, <c>t10k-images-idx3-ubyte.gz</c>) is looked for in the Keras cache
/// (<c>$KERAS_HOME/datasets/fashion-mnist/</c>, else <c>~/.keras/datasets/fashion-mnist/</c>, then
/// <c>/tmp/.keras/datasets/fashion-mnist/</c>), then in <c>/usr/share/datasets/fashion-mnist/</c> (the Debian package
/// <c>dataset-fashion-mnist</c>), and is otherwise downloaded from
/// <c>https://storage.googleapis.com/tensorflow/tf-keras-datasets/</c> into the cache. Keras publishes no hashes for
/// these files, and Debian re-compresses them, so every copy is checked by the SHA-256 of its decompressed contents
/// (which match the checksums the Fashion-MNIST authors publish); a copy that fails the check is skipped (and a
/// cached one replaced by a new download).</para>
/// <para>Data by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf), MIT licence.</para>
/// </remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();
/// // xTrain: byte[60000, 28, 28] with values 0..255; yTrain: byte[60000] with values 0..9.
/// </code></example>
public static class FashionMnist
{
    /// <summary>The SHA-256 of each file's decompressed contents.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ContentSha256 = new Dictionary<string, string>
    {
        ["train-labels-idx1-ubyte.gz"] = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        ["train-images-idx3-ubyte.gz"] = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        ["t10k-labels-idx1-ubyte.gz"] = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        ["t10k-images-idx3-ubyte.gz"] = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    };

    private const string Subdir = "fashion-mnist";

    /// <summary>Loads Fashion-MNIST from the cache or the Debian package, downloading the files on first use.</summary>
    /// <returns>Fresh arrays: <c>Train</c> has X of shape (60000, 28, 28) and Y of length 60000; <c>Test</c> has X of
    /// shape (10000, 28, 28) and Y of length 10000. Pixels are 0 to 255, labels 0 to 9.</returns>
    /// <exception cref="DatasetNotAvailableException">A file has no valid local copy and its download failed; the
    /// message lists where it was looked for.</exception>
    /// <exception cref="InvalidDataException">A downloaded file is corrupt.</exception>
    public static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) LoadData() =>
        LoadData(DatasetSources.FromEnvironment(), ContentSha256);

    /// <summary>Loads Fashion-MNIST from the given sources.</summary>
    /// <param name="sources">Cache, origin, system folder and progress settings.</param>
    /// <param name="contentSha256">The expected SHA-256 of each file's decompressed contents by file name, or
    /// <see langword="null"/> to skip the check.</param>
    /// <returns>The train and test splits.</returns>
    internal static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) LoadData(
        DatasetSources sources, IReadOnlyDictionary<string, string>? contentSha256)
    {
        byte[] yTrain = Load("train-labels-idx1-ubyte.gz", IdxReader.ReadLabels, sources, contentSha256);
        byte[,,] xTrain = Load("train-images-idx3-ubyte.gz", IdxReader.ReadImages, sources, contentSha256);
        byte[] yTest = Load("t10k-labels-idx1-ubyte.gz", IdxReader.ReadLabels, sources, contentSha256);
        byte[,,] xTest = Load("t10k-images-idx3-ubyte.gz", IdxReader.ReadImages, sources, contentSha256);
        CheckCounts(xTrain, yTrain, "train");
        CheckCounts(xTest, yTest, "t10k");
        return ((xTrain, yTrain), (xTest, yTest));
    }

    private static T Load<T>(string fileName, Func<string, (T Value, string ContentSha256)> read,
        DatasetSources sources, IReadOnlyDictionary<string, string>? contentSha256)
    {
        string localFolders =
            string.Join(" or ", sources.DatasetCacheDirectories().Select(d => Path.Combine(d, Subdir)));
        var spec = new DatasetFileSpec(Path.Combine(Subdir, fileName), sources.OriginBase + fileName, Hash: null)
        {
            SystemDirectory = Path.Combine(sources.SystemDatasetsRoot, Subdir),
            InstallHint = "Install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), " +
                $"or place the four Fashion-MNIST .gz files in {localFolders}.",
        };
        return DatasetFile.Load(spec, sources, path =>
        {
            (T value, string actual) = read(path);
            if (contentSha256 is not null && contentSha256.TryGetValue(fileName, out string? expected)
                && !FileHash.Matches(expected, actual))
            {
                throw new InvalidDataException(
                    $"{path} is not the Fashion-MNIST {fileName}: the SHA-256 of its decompressed contents does not " +
                    $"match. Expected: {expected}. Received: {actual}.");
            }
            return value;
        });
    }

    private static void CheckCounts(byte[,,] images, byte[] labels, string prefix)
    {
        if (images.GetLength(0) != labels.Length)
        {
            throw new InvalidDataException(
                $"Fashion-MNIST {prefix} files disagree: {images.GetLength(0)} images but {labels.Length} labels.");
        }
    }
}

namespace Keras.Datasets;

/// <summary>The MNIST handwritten digits (<c>keras.datasets.mnist</c>): 60,000 training and 10,000 test images of
/// 28x28 grey levels, labelled 0 to 9.</summary>
/// <remarks>The file is Keras' own <c>mnist.npz</c>, downloaded once from
/// <c>https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz</c> into the Keras cache
/// (<c>$KERAS_HOME/datasets/</c>, else <c>~/.keras/datasets/</c>, else <c>/tmp/.keras/datasets/</c>) and checked
/// against Keras' SHA-256. Data by Yann LeCun, Corinna Cortes and Christopher J.C. Burges.</remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();
/// // xTrain: byte[60000, 28, 28] with values 0..255; yTrain: byte[60000] with values 0..9.
/// </code></example>
public static class Mnist
{
    /// <summary>Keras' SHA-256 of <c>mnist.npz</c>.</summary>
    internal const string Sha256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1";

    private const string FileName = "mnist.npz";

    /// <summary>Loads MNIST, downloading <c>mnist.npz</c> into the Keras cache on first use.</summary>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c> (an absolute path is
    /// used as is). Defaults to <c>"mnist.npz"</c>.</param>
    /// <returns>Fresh arrays: <c>Train</c> has X of shape (60000, 28, 28) and Y of length 60000; <c>Test</c> has X of
    /// shape (10000, 28, 28) and Y of length 10000. Pixels are 0 to 255, labels 0 to 9.</returns>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's SHA-256 or contents are wrong.</exception>
    public static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) LoadData(string path = FileName) =>
        LoadData(path, DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Loads MNIST from the given sources, checking the file against <paramref name="sha256"/>.</summary>
    /// <param name="path">The cache path of the file.</param>
    /// <param name="sources">Cache, origin and progress settings.</param>
    /// <param name="sha256">The expected SHA-256, or <see langword="null"/> to skip the check.</param>
    /// <returns>The train and test splits.</returns>
    internal static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) LoadData(
        string path, DatasetSources sources, string? sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var spec = new DatasetFileSpec(path, sources.OriginBase + FileName, sha256);
        return DatasetFile.Load(spec, sources, Read);
    }

    private static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) Read(string file)
    {
        using NpzArchive npz = NpzArchive.Open(file);
        return (Split(npz, "x_train", "y_train", file), Split(npz, "x_test", "y_test", file));
    }

    private static (byte[,,] X, byte[] Y) Split(NpzArchive npz, string xKey, string yKey, string file)
    {
        (int[] xShape, byte[] xData) = npz.ReadUInt8(xKey);
        (int[] yShape, byte[] y) = npz.ReadUInt8(yKey);
        if (xShape.Length != 3 || yShape.Length != 1 || xShape[0] != yShape[0])
        {
            throw new InvalidDataException(
                $"{file} is not an MNIST archive: {xKey} has shape ({string.Join(", ", xShape)}) and {yKey} has " +
                $"shape ({string.Join(", ", yShape)}); expected (N, rows, cols) and (N).");
        }
        var x = new byte[xShape[0], xShape[1], xShape[2]];
        Buffer.BlockCopy(xData, 0, x, 0, xData.Length);
        return (x, y);
    }
}
